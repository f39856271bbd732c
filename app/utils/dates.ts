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

/**
 * A `datetime-local` value ("2026-11-30T09:00") read as wall-clock time in `timeZone`, as a
 * UTC Date; null when malformed.
 */
export function zonedLocalToUtc(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!match) return null
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number]
  const asUtc = Date.UTC(y, mo - 1, d, h, mi)
  if (Number.isNaN(asUtc) || new Date(asUtc).getUTCDate() !== d) return null
  // The zone's offset at that moment: format the instant in the zone and compare.
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(instant)
        .map((p) => [p.type, p.value]),
    )
    const wall = Date.UTC(
      +parts.year!,
      +parts.month! - 1,
      +parts.day!,
      +parts.hour!,
      +parts.minute!,
    )
    return wall - instant
  }
  const first = asUtc - offsetAt(asUtc)
  return new Date(asUtc - offsetAt(first))
}
