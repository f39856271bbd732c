import { formatDate } from '~/utils/dates'
import { formMessage } from '~/utils/form-schema'
import { translator, type Locale } from '~/utils/i18n'
import { formatMoney } from '~/utils/money'
import { formMessageText } from './forms'

const reader = (locale: Locale) => ({
  locale,
  t: translator(locale),
  money: (cents: number) => formatMoney(cents, locale),
  date: (value: Date | string) => formatDate(value, locale, 'America/Sao_Paulo', 'date'),
})
const pt = reader('pt-BR')
const en = reader('en')

describe('form errors in the reader’s language', () => {
  it('translates a message key, in both languages', () => {
    expect(formMessageText(pt, 'form.required')).toBe('Campo obrigatório.')
    expect(formMessageText(en, 'form.required')).toBe('This field is required.')
  })

  it('picks the plural form by the count', () => {
    const one = formMessage('offerForm.unknownSkus', { count: 1, skus: 'NOPE-1' })
    const two = formMessage('offerForm.unknownSkus', { count: 2, skus: 'NOPE-1, NOPE-2' })
    expect(formMessageText(pt, one)).toBe('O SKU NOPE-1 não existe no catálogo.')
    expect(formMessageText(pt, two)).toBe('2 SKUs não existem no catálogo: NOPE-1, NOPE-2.')
    expect(formMessageText(en, one)).toBe('SKU NOPE-1 is not in the catalog.')
    expect(formMessageText(en, two)).toBe('2 SKUs are not in the catalog: NOPE-1, NOPE-2.')
    expect(formMessageText(en, formMessage('form.tooShort', { count: 3 }))).toBe(
      'Use at least 3 characters.',
    )
    // Without a plural form in the locale files, the key itself.
    expect(formMessageText(pt, formMessage('quick.added', { count: 3 }))).toBe(
      '3 produtos adicionados ao carrinho.',
    )
    expect(formMessageText(pt, formMessage('quick.added', { count: 1 }))).toBe(
      '1 produto adicionado ao carrinho.',
    )
  })

  it('says "none" for a count of zero where a zero form exists, instead of a singular or a bare 0', () => {
    expect(formMessageText(pt, formMessage('buyers.count', { count: 0 }))).toBe(
      'Nenhum comprador ativo',
    )
    expect(formMessageText(pt, formMessage('buyers.count', { count: 1 }))).toBe('1 comprador ativo')
    expect(formMessageText(en, formMessage('buyers.count', { count: 0 }))).toBe('No active buyers')
    expect(formMessageText(en, formMessage('buyers.count', { count: 2 }))).toBe('2 active buyers')
  })

  it('formats money and dates for the reader, and translates messages within messages', () => {
    const refusal = formMessage('offerRefusal.BELOW_MINIMUM', {
      minimum: { money: 50_000 },
      missing: { money: 1_250 },
    })
    expect(formMessageText(pt, refusal)).toMatch(
      /^Pedido mínimo R\$\s500,00 — faltam R\$\s12,50\.$/,
    )
    expect(formMessageText(en, refusal)).toMatch(/R\$\s?500\.00/)
    const line = formMessage('quick.line', {
      line: 3,
      text: 'REJ-1 5',
      reason: { message: formMessage('problem.NOT_PACK_MULTIPLE', { pack: 6 }) },
    })
    expect(formMessageText(pt, line)).toBe('Linha 3: “REJ-1 5” — vendido em múltiplos de 6')
    expect(
      formMessageText(
        pt,
        formMessage('offerRefusal.NOT_STARTED', { date: { date: '2026-12-01T03:00:00.000Z' } }),
      ),
    ).toBe('Cupom válido a partir de 01/12/2026.')
  })

  it('shows a message that is not one of ours as a generic error', () => {
    expect(formMessageText(pt, 'Expected number, received nan')).toBe('Valor inválido.')
  })
})
