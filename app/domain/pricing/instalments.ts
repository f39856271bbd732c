/**
 * What a payment term means in money and dates: each instalment of an order with its due day
 * and amount. Pure, so the checkout (before the buyer confirms) and both order pages show the
 * same schedule from data they already hold.
 */
import { tz } from '@date-fns/tz'
import { addDays, format } from 'date-fns'
import { BRASILIA_TIME_ZONE } from '~/utils/dates'
import { termDays } from './pricing-forms'

/** Due days are counted on the calendar of the manufacturer's zone, whatever the viewer's. */
export const INSTALMENT_TIME_ZONE = BRASILIA_TIME_ZONE

export type Instalment = {
  /** 1-based. */
  number: number
  /** Days after the order's placement day (the term's days plus any extra days from offers). */
  days: number
  /** Calendar day, yyyy-MM-dd, in INSTALMENT_TIME_ZONE. */
  dueDate: string
  amountCents: number
}

/**
 * The instalments of an order of `totalCents` placed at `placedAt` on the term `termCode`
 * ("28/56"), each due `extraDays` later than the term says (an offer's extra days on terms).
 * Without a term (card, Pix, a payment on the spot) or with a code that is not a list of days,
 * a single payment of the whole total on the placement day.
 *
 * Amounts always add up to the total to the centavo: each instalment is the total divided by
 * their number rounded down, and the remainder (at most n − 1 centavos) goes on the FIRST
 * instalment, so the later ones are equal and the buyer pays the odd centavos first.
 *
 * Due days are plain calendar days (placement day in São Paulo + days): a due day on a weekend
 * or holiday is not moved, a boleto due then is payable on the next business day.
 */
export function instalmentSchedule(input: {
  totalCents: number
  termCode: string | null | undefined
  extraDays?: number
  placedAt: Date | string
  timeZone?: string
}): Instalment[] {
  const zone = tz(input.timeZone ?? INSTALMENT_TIME_ZONE)
  const placedAt = typeof input.placedAt === 'string' ? new Date(input.placedAt) : input.placedAt
  const termCode = input.termCode ?? null
  const days = termCode ? termDays(termCode) : null
  const extra = Math.max(0, Math.trunc(input.extraDays ?? 0))
  const offsets = days ? days.map((d) => d + extra) : [0]
  const count = offsets.length
  const total = Math.trunc(input.totalCents)
  const base = Math.floor(total / count)
  const remainder = total - base * count
  return offsets.map((offset, index) => ({
    number: index + 1,
    days: offset,
    dueDate: format(addDays(placedAt, offset, { in: zone }), 'yyyy-MM-dd', { in: zone }),
    amountCents: base + (index === 0 ? remainder : 0),
  }))
}
