import { en } from '~/locales/en'
import { ptBR } from '~/locales/pt-BR'
import { localeFromAcceptLanguage, translator } from './i18n'

describe('i18n', () => {
  it('fills variables and keeps unknown ones visible', () => {
    const t = translator('pt-BR')
    expect(t('catalog.resultsFor', { count: 3, q: 'cimento' })).toBe('3 produtos para “cimento”')
    expect(t('common.page', { page: 2 })).toBe('Página 2 de {pageCount}')
  })

  it('picks the plural form by the language\'s rules, and "none" for zero where it exists', () => {
    const pt = translator('pt-BR')
    const en = translator('en')
    expect(pt('catalog.results', { count: 1 })).toBe('1 produto')
    expect(pt('catalog.results', { count: 2 })).toBe('2 produtos')
    expect(pt('catalog.results', { count: 0 })).toBe('Nenhum produto')
    expect(en('catalog.results', { count: 1 })).toBe('1 product')
    expect(en('catalog.results', { count: 1_250 })).toBe('1250 products')
    expect(pt('accounts.count', { count: 1 })).toBe('1 cliente')
    // No zero form: the plural, not the singular CLDR gives Portuguese for 0.
    expect(pt('dashboard.totalAccounts', { count: 0 })).toBe('0 clientes na carteira')
    expect(pt('campaigns.created.queued', { count: 1 })).toBe(
      'Campanha criada: 1 convite na fila de envio.',
    )
    expect(en('funnel.revenue', { revenue: 'R$ 10.00', count: 1 })).toBe(
      'Attributed revenue: R$ 10.00 in 1 order.',
    )
    // No plural forms: the message itself, whatever the count.
    expect(pt('quick.added', { count: 3 })).toBe('3 produtos adicionados ao carrinho.')
  })

  it('writes no "(s)": every counted message has its plural forms', () => {
    for (const value of [...Object.values(en), ...Object.values(ptBR)])
      expect(value).not.toMatch(/\w\(s\)/)
  })

  it('has every message in both languages, none left empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ptBR).sort())
    for (const value of [...Object.values(en), ...Object.values(ptBR)])
      expect(value.trim()).not.toBe('')
  })

  it('picks a language from Accept-Language by weight', () => {
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,pt;q=0.8')).toBe('en')
    expect(localeFromAcceptLanguage('fr;q=1, pt-PT;q=0.5')).toBe('pt-BR')
    expect(localeFromAcceptLanguage('de')).toBeNull()
    expect(localeFromAcceptLanguage(null)).toBeNull()
  })
})
