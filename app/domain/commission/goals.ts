/**
 * Monthly goals per rep (issue 20): what each goal counts, the month a page shows, and the form
 * that sets them, for one rep or all at once. Browser-safe: the rep area and the back office
 * share it.
 */
import { z } from 'zod'
import { addFormIssue, formMessage, moneyCents, wholeNumber } from '~/utils/form-schema'

export const GOALS = ['reactivations', 'activeAccounts', 'onlineRevenueCents'] as const
export type Goal = (typeof GOALS)[number]
export type GoalValues = Record<Goal, number | null>

export const MAX_GOAL_COUNT = 100_000
// R$ 20 million: within a 32-bit INTEGER column, as every amount in cents is.
export const MAX_GOAL_CENTS = 2_000_000_000

/** A calendar month as the dashboard counts them: YYYY-MM, in UTC. */
export const MONTH = /^(20\d\d)-(0[1-9]|1[0-2])$/

export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7)
}

/** The month asked for in a URL (?month=2026-11), else the current one. */
export function monthParam(value: string | null, now = new Date()): string {
  return value && MONTH.test(value) ? value : monthOf(now)
}

export function monthRange(month: string): { start: Date; end: Date } {
  const [year, index] = month.split('-').map(Number) as [number, number]
  return {
    start: new Date(Date.UTC(year, index - 1, 1)),
    end: new Date(Date.UTC(year, index, 1)),
  }
}

/** "novembro de 2026", "November 2026". */
export function monthLabel(month: string, locale: string): string {
  return monthRange(month).start.toLocaleDateString(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

/** The month before or after `month`. */
export function shiftMonth(month: string, by: number): string {
  const { start } = monthRange(month)
  return monthOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + by, 1)))
}

/** How far a rep is toward a goal, in whole percent (may pass 100); null without a goal. */
export function progressPercent(actual: number, goal: number | null): number | null {
  if (goal === null) return null
  if (goal === 0) return 100
  return Math.floor((actual / goal) * 100)
}

/** Highest share of the goal first, then most achieved; reps without that goal last. */
export function rank<
  T extends { goals: Record<Goal, number | null>; actual: Record<Goal, number> },
>(rows: T[], by: Goal): T[] {
  const share = (row: T) => progressPercent(row.actual[by], row.goals[by]) ?? -1
  return [...rows].sort((a, b) => share(b) - share(a) || b.actual[by] - a.actual[by])
}

const countText = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((text) => !text || wholeNumber(text, 0, MAX_GOAL_COUNT) !== null, message)

/**
 * The goals form: one rep or every active rep (""), the month, and each goal as typed; an empty
 * one stays as it was, so setting one goal for everyone never wipes the others. At least one is
 * needed. Revenue in reais as typed in Brazil ("12.500,00").
 */
export const RepGoalSchema = z
  .object({
    month: z.string().regex(MONTH, formMessage('goals.form.month')),
    repId: z.string().trim().max(40).default(''),
    reactivations: countText(formMessage('goals.form.count', { max: MAX_GOAL_COUNT })),
    activeAccounts: countText(formMessage('goals.form.count', { max: MAX_GOAL_COUNT })),
    onlineRevenue: z.string().trim().max(20).optional(),
  })
  .superRefine((values, ctx) => {
    if (values.onlineRevenue && moneyCents(values.onlineRevenue, { max: MAX_GOAL_CENTS }) === null)
      addFormIssue(ctx, 'onlineRevenue', 'goals.form.money')
    if (!values.reactivations && !values.activeAccounts && !values.onlineRevenue)
      addFormIssue(ctx, null, 'goals.form.nothingGiven')
  })
  .transform((values) => ({
    month: values.month,
    repId: values.repId || null,
    goals: {
      reactivations: values.reactivations ? Number(values.reactivations) : null,
      activeAccounts: values.activeAccounts ? Number(values.activeAccounts) : null,
      onlineRevenueCents: values.onlineRevenue
        ? moneyCents(values.onlineRevenue, { max: MAX_GOAL_CENTS })
        : null,
    } satisfies GoalValues,
  }))
export type RepGoalInput = z.output<typeof RepGoalSchema>
