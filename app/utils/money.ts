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
