import { parseBrazilianDecimal } from './csv-text'

/** Money is integer cents with an ISO currency; these helpers only format and parse it. */
const formatters = new Map<string, Intl.NumberFormat>()

export function formatMoney(cents: number, locale: string, currency = 'BRL'): string {
  const key = `${locale}|${currency}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency })
    formatters.set(key, formatter)
  }
  return formatter.format(cents / 100)
}

/** Sum of integer cents, never drifting into floating point. */
export function sumCents(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

/** Cents as a form or CSV value in reais with a decimal comma: 150050 → "1500,50". */
export function centsToDecimalText(cents: number): string {
  return (cents / 100).toFixed(2).replace('.', ',')
}

/** "3,5" (percent) → 350 basis points; null unless a percentage from 0 to 100, two decimals. */
export function percentToBps(text: string): number | null {
  const value = parseBrazilianDecimal(text)
  if (value === null || value < 0 || value > 100) return null
  const bps = Math.round(value * 100)
  return Math.abs(bps - value * 100) < 1e-6 ? bps : null
}

/** 350 basis points → "3,5", as the percent fields show it. */
export function bpsToPercent(bps: number): string {
  return String(bps / 100).replace('.', ',')
}

/** A percentage given in points, for the reader: 24.9 → "24,9%" (pt-BR), "24.9%" (en). */
export function formatPercent(
  points: number,
  locale: string,
  { minDigits = 0, maxDigits = 1 }: { minDigits?: number; maxDigits?: number } = {},
): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: minDigits,
    maximumFractionDigits: Math.max(minDigits, maxDigits),
  }).format(points / 100)
}
