import { en } from '~/locales/en'
import { ptBR } from '~/locales/pt-BR'
import { localeFromAcceptLanguage, translator } from './i18n'

describe('i18n', () => {
  it('fills variables and keeps unknown ones visible', () => {
    const t = translator('pt-BR')
    expect(t('catalog.resultsFor', { count: 3, q: 'cimento' })).toBe('3 produtos para “cimento”')
    expect(t('common.page', { page: 2 })).toBe('Página 2 de {pageCount}')
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
