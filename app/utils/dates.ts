import { TZDate, tz } from '@date-fns/tz'
import { format } from 'date-fns'

/** The manufacturer's calendar: contest days, due days, the statement's dates. */
export const BRASILIA_TIME_ZONE = 'America/Sao_Paulo'

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

/** A day in milliseconds, for day counts in UTC (calendar days in a zone use date-fns/tz). */
export const DAY_MS = 86_400_000

/**
 * A `datetime-local` value ("2026-11-30T09:00") read as wall-clock time in `timeZone`, as a
 * UTC Date; null when malformed or when that time does not exist there.
 */
export function zonedLocalToUtc(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!match) return null
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number]
  const zoned = new TZDate(y, mo - 1, d, h, mi, timeZone)
  // Out-of-range parts (31/02, 25:00) roll over: refuse them instead.
  const same =
    zoned.getFullYear() === y &&
    zoned.getMonth() === mo - 1 &&
    zoned.getDate() === d &&
    zoned.getHours() === h &&
    zoned.getMinutes() === mi
  return same ? new Date(zoned.getTime()) : null
}

/** The calendar day (yyyy-MM-dd) of an instant in `timeZone`, e.g. for a date input. */
export function localDateIn(date: Date, timeZone: string): string {
  return format(date, 'yyyy-MM-dd', { in: tz(timeZone) })
}

/**
 * A calendar day (yyyy-MM-dd) in `locale`'s short style, the same day whatever the viewer's
 * zone: it is a day, not an instant (a due date, say).
 */
export function formatCalendarDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'short' }).format(
    new Date(`${day}T12:00:00Z`),
  )
}
