import { formatPercent } from './money'

describe('percentages for the reader', () => {
  it("writes the decimal mark and the sign as the reader's language does", () => {
    expect(formatPercent(24.9, 'pt-BR')).toBe('24,9%')
    expect(formatPercent(24.9, 'en')).toBe('24.9%')
    expect(formatPercent(100, 'pt-BR')).toBe('100%')
    expect(formatPercent(3, 'en', { minDigits: 2 })).toBe('3.00%')
    expect(formatPercent(12.345, 'pt-BR', { maxDigits: 2 })).toBe('12,35%')
  })
})
