import { describe, expect, it } from 'vitest'
import { fillTemplate, unknownPlaceholders } from './template'

describe('campaign templates', () => {
  it('fills the account and rep names in either language, every time they appear', () => {
    const values = { account: 'Casa Silva', rep: 'João' }
    expect(fillTemplate('{loja}: fale com {representante}. {loja}!', values, '-')).toBe(
      'Casa Silva: fale com João. Casa Silva!',
    )
    expect(fillTemplate('{account}, ask {rep}', values, '-')).toBe('Casa Silva, ask João')
  })

  it('uses the fallback when the account has no rep', () => {
    expect(fillTemplate('Fale com {rep}', { account: 'A', rep: null }, 'nossa equipe')).toBe(
      'Fale com nossa equipe',
    )
  })

  it('reports placeholders it does not know, once each', () => {
    expect(unknownPlaceholders('{loja} {cliente} {cliente} {rep}')).toEqual(['{cliente}'])
    expect(unknownPlaceholders('sem chaves')).toEqual([])
  })
})
