/**
 * Reactivation contests (issue 20): the prize rule, the standing, a contest's phase and the form
 * that creates one. Pure and browser-safe: the back office, the rep area and the close that posts
 * the prizes all read a standing the same way.
 *
 * The rule: each rep taking part earns `prizePerAccountCents` for every account they reactivate
 * in the period, each account once (with `minSilentDays`, only accounts that had not ordered for
 * MORE than that many days), and, with `topCount`, each rep placed 1st to topCount-th with at
 * least one such account earns `topBonusCents` on top. Places are shared on a tie (1, 2, 2, 4),
 * so two reps tied for the last prized place both get the bonus.
 */
import { z } from 'zod'
import { DAY_MS } from '~/utils/dates'
import {
  addFormIssue,
  brazilianDay,
  formMessage,
  moneyCents,
  requiredText,
  wholeNumber,
} from '~/utils/form-schema'

export type ContestRule = {
  prizePerAccountCents: number
  minSilentDays: number | null
  topCount: number | null
  topBonusCents: number | null
}

export type ContestPhase = 'SCHEDULED' | 'RUNNING' | 'ENDED' | 'CLOSED'

/** Before its first day, during it, over but its prizes not yet posted, posted. */
export function contestPhase(
  contest: { startsAt: Date | string; endsAt: Date | string; closedAt: Date | string | null },
  now: Date,
): ContestPhase {
  if (contest.closedAt) return 'CLOSED'
  if (now < new Date(contest.startsAt)) return 'SCHEDULED'
  return now < new Date(contest.endsAt) ? 'RUNNING' : 'ENDED'
}

/**
 * The moment the period stops counting: its end, or the close when the manager closed it
 * before the end (or now, for a standing so far).
 */
export function countedUntil(contest: { endsAt: Date; closedAt: Date | null }, now: Date): Date {
  const stop = contest.closedAt ?? now
  return stop < contest.endsAt ? stop : contest.endsAt
}

/** Whole days an account had not ordered before it was reactivated; null when it never had. */
export function silentDays(previousOrderAt: Date | null, reactivatedAt: Date): number | null {
  if (!previousOrderAt) return null
  return Math.floor((reactivatedAt.getTime() - previousOrderAt.getTime()) / DAY_MS)
}

/**
 * Whether a reactivation counts for the contest. An account with no earlier order on record was
 * classified inactive from its imported history, so it counts whatever the minimum.
 */
export function qualifies(days: number | null, minSilentDays: number | null): boolean {
  return minSilentDays === null || days === null || days > minSilentDays
}

export type StandingRow<P> = P & {
  reactivations: number
  position: number
  prizeCents: number
  bonusCents: number
  totalCents: number
}

/**
 * Every participant's place, most reactivations first (ties share a place, then by name), and
 * what each has earned under the rule. `reactivations` are those that already qualify.
 */
export function contestStanding<P extends { repId: string; name: string }>(
  participants: readonly P[],
  reactivations: readonly { repId: string }[],
  rule: ContestRule,
): StandingRow<P>[] {
  const counts = new Map<string, number>()
  for (const { repId } of reactivations) counts.set(repId, (counts.get(repId) ?? 0) + 1)
  const sorted = [...participants]
    .map((participant) => ({ participant, count: counts.get(participant.repId) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.participant.name.localeCompare(b.participant.name))
  return sorted.map(({ participant, count }) => {
    const position = sorted.findIndex((other) => other.count === count) + 1
    // Each prize is one ledger entry, an INTEGER column on PostgreSQL: capped to fit it.
    const prizeCents = Math.min(count * rule.prizePerAccountCents, MAX_ENTRY_CENTS)
    const bonusCents =
      rule.topCount !== null &&
      rule.topBonusCents !== null &&
      count > 0 &&
      position <= rule.topCount
        ? rule.topBonusCents
        : 0
    return {
      ...participant,
      reactivations: count,
      position,
      prizeCents,
      bonusCents,
      totalCents: prizeCents + bonusCents,
    }
  })
}

export const MAX_CONTEST_DAYS = 366
export const MAX_SILENT_DAYS = 3_650
export const MAX_TOP_COUNT = 50
// R$ 10 thousand per account or per bonus: any more is a typing slip.
export const MAX_PRIZE_CENTS = 1_000_000
// R$ 20 million, within a 32-bit INTEGER column, as every amount in cents is.
export const MAX_ENTRY_CENTS = 2_000_000_000

const optionalWhole = (max: number, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((text) => !text || wholeNumber(text, 1, max) !== null, message)

const optionalMoney = (message: string, min = 0) =>
  z
    .string()
    .trim()
    .max(20)
    .optional()
    .refine((text) => !text || moneyCents(text, { min, max: MAX_PRIZE_CENTS }) !== null, message)

const day = () =>
  z
    .string({ required_error: formMessage('contests.form.date') })
    .trim()
    .refine((text) => !!brazilianDay(text), formMessage('contests.form.date'))

/**
 * The new-contest form: a name, the period's first and last days (Brasília), the reps taking
 * part, and the prize rule as typed in Brazil ("50,00"). Something must be at stake: a prize per
 * account, or a bonus for the best.
 */
export const ContestSchema = z
  .object({
    name: requiredText(120),
    startsOn: day(),
    endsOn: day(),
    repIds: z
      .array(z.string().trim().max(40))
      .max(500)
      .default([])
      .refine((ids) => ids.length > 0, formMessage('contests.form.repsRequired')),
    prizePerAccount: optionalMoney(formMessage('contests.form.money')),
    minSilentDays: optionalWhole(
      MAX_SILENT_DAYS,
      formMessage('contests.form.silentDays', { max: MAX_SILENT_DAYS }),
    ),
    topCount: optionalWhole(
      MAX_TOP_COUNT,
      formMessage('contests.form.topCountRange', { max: MAX_TOP_COUNT }),
    ),
    topBonus: optionalMoney(formMessage('contests.form.money'), 1),
  })
  .superRefine((values, ctx) => {
    const start = brazilianDay(values.startsOn)
    const last = brazilianDay(values.endsOn)
    if (start && last) {
      const days = Math.round((last.getTime() - start.getTime()) / DAY_MS) + 1
      if (days < 1) addFormIssue(ctx, 'endsOn', 'contests.form.endsBeforeStart')
      else if (days > MAX_CONTEST_DAYS)
        addFormIssue(ctx, 'endsOn', 'contests.form.tooLong', { max: MAX_CONTEST_DAYS })
    }
    if (!!values.topCount !== !!values.topBonus) {
      addFormIssue(ctx, values.topCount ? 'topBonus' : 'topCount', 'contests.form.topBoth')
    }
    const prize = values.prizePerAccount ? moneyCents(values.prizePerAccount) : 0
    const bonus = values.topBonus ? moneyCents(values.topBonus) : 0
    if (!prize && !bonus) addFormIssue(ctx, 'prizePerAccount', 'contests.form.nothingAtStake')
  })
  .transform((values) => ({
    name: values.name,
    startsAt: brazilianDay(values.startsOn)!,
    // Exclusive: the first moment after the last day.
    endsAt: new Date(brazilianDay(values.endsOn)!.getTime() + DAY_MS),
    repIds: [...new Set(values.repIds)],
    rule: {
      prizePerAccountCents: values.prizePerAccount ? moneyCents(values.prizePerAccount)! : 0,
      minSilentDays: values.minSilentDays ? Number(values.minSilentDays) : null,
      topCount: values.topCount ? Number(values.topCount) : null,
      topBonusCents: values.topBonus ? moneyCents(values.topBonus) : null,
    } satisfies ContestRule,
  }))
export type ContestInput = z.output<typeof ContestSchema>

/** A contest's last day (its first moment in Brasília) from its exclusive end. */
export function lastDayOf(endsAt: Date | string): Date {
  return new Date(new Date(endsAt).getTime() - DAY_MS)
}
