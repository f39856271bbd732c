/** Dates are stored in UTC and shown in the user's time zone. */
export function formatDate(
  value: Date | string,
  locale: string,
  timeZone: string,
  style: 'date' | 'datetime' = 'date',
): string {
  const date = typeof value === 'string' ? new Date(value) : value
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: 'short',
    ...(style === 'datetime' ? { timeStyle: 'short' } : {}),
  }).format(date)
}
