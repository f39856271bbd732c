import { cnpjFromBase, formatCnpj, isValidCnpj, normalizeCnpj } from './cnpj'

describe('CNPJ', () => {
  it('accepts a valid CNPJ with or without punctuation and stores digits only', () => {
    expect(normalizeCnpj('11.222.333/0001-81')).toBe('11222333000181')
    expect(normalizeCnpj('11222333000181')).toBe('11222333000181')
    expect(normalizeCnpj(' 11 222 333 0001 81 ')).toBe('11222333000181')
  })

  it('rejects wrong check digits, wrong lengths, repeated digits and letters', () => {
    expect(isValidCnpj('11.222.333/0001-82')).toBe(false)
    expect(isValidCnpj('11.222.333/0001-18')).toBe(false)
    expect(isValidCnpj('1122233300018')).toBe(false)
    expect(isValidCnpj('111222333000181')).toBe(false)
    expect(isValidCnpj('00000000000000')).toBe(false)
    expect(isValidCnpj('11.222.333/0001-8a')).toBe(false)
    expect(isValidCnpj('')).toBe(false)
  })

  it('formats digits with the usual punctuation', () => {
    expect(formatCnpj('11222333000181')).toBe('11.222.333/0001-81')
  })

  it('completes a 12-digit base with check digits that validate', () => {
    const cnpj = cnpjFromBase('112223330001')
    expect(cnpj).toBe('11222333000181')
    expect(isValidCnpj(cnpj)).toBe(true)
  })
})
