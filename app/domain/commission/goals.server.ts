import { audit } from '~/domain/audit/audit.server'
import { prisma } from '~/utils/db.server'
import { creditedReactivations } from './reactivation-credit.server'
import { GOALS, monthRange, type Goal, type GoalValues, type RepGoalInput } from './goals'

export type GoalRow = {
  repId: string
  code: string
  name: string
  goals: GoalValues
  actual: Record<(typeof GOALS)[number], number>
}

const NO_GOALS: GoalValues = { reactivations: null, activeAccounts: null, onlineRevenueCents: null }
const NOTHING_DONE: GoalRow['actual'] = {
  reactivations: 0,
  activeAccounts: 0,
  onlineRevenueCents: 0,
}

const goalValues = (goal: GoalValues | null | undefined): GoalValues =>
  goal
    ? {
        reactivations: goal.reactivations,
        activeAccounts: goal.activeAccounts,
        onlineRevenueCents: goal.onlineRevenueCents,
      }
    : NO_GOALS

/**
 * What each rep did in `month` (one rep, or all when `repId` is null), counted the way the
 * ledger and the dashboard count:
 * - reactivations dated in the month, for the rep `creditedReactivations` counts them for;
 * - distinct accounts with an order placed in the month, either channel, not cancelled;
 * - online orders placed in the month, not cancelled: their totals.
 */
export async function monthActuals(month: string, repId: string | null = null) {
  const { start, end } = monthRange(month)
  const placed = { gte: start, lt: end }
  const forRep = repId ? { repId } : { repId: { not: null } }
  const [reactivations, accounts, online] = await Promise.all([
    creditedReactivations(prisma, { start, end }, repId),
    prisma.order.groupBy({
      by: ['repId', 'accountId'],
      where: { placedAt: placed, status: { not: 'CANCELLED' }, ...forRep },
    }),
    prisma.order.groupBy({
      by: ['repId'],
      where: { placedAt: placed, status: { not: 'CANCELLED' }, channel: 'ONLINE', ...forRep },
      _sum: { totalCents: true },
    }),
  ])
  const actuals = new Map<string, GoalRow['actual']>()
  const of = (rep: string) => {
    let row = actuals.get(rep)
    if (!row) {
      row = { ...NOTHING_DONE }
      actuals.set(rep, row)
    }
    return row
  }
  for (const reactivation of reactivations) of(reactivation.repId).reactivations += 1
  for (const row of accounts) if (row.repId) of(row.repId).activeAccounts += 1
  for (const row of online)
    if (row.repId) of(row.repId).onlineRevenueCents += row._sum.totalCents ?? 0
  return actuals
}

/** The goals of `month` and what each rep did toward them: active reps, and any with a goal. */
export async function goalBoard(month: string): Promise<GoalRow[]> {
  const [reps, goals, actuals] = await Promise.all([
    prisma.rep.findMany({
      where: { OR: [{ active: true }, { goals: { some: { month } } }] },
      select: { id: true, code: true, name: true },
      orderBy: { name: 'asc' },
    }),
    prisma.repGoal.findMany({ where: { month } }),
    monthActuals(month),
  ])
  const goalsOf = new Map(goals.map((goal) => [goal.repId, goal]))
  return reps.map((rep) => {
    return {
      repId: rep.id,
      code: rep.code,
      name: rep.name,
      goals: goalValues(goalsOf.get(rep.id)),
      actual: actuals.get(rep.id) ?? NOTHING_DONE,
    }
  })
}

/** One rep's goals for `month` and progress toward them (the rep area). */
export async function repGoalProgress(repId: string, month: string) {
  const [goal, actuals] = await Promise.all([
    prisma.repGoal.findUnique({ where: { repId_month: { repId, month } } }),
    monthActuals(month, repId),
  ])
  return { goals: goalValues(goal), actual: actuals.get(repId) ?? NOTHING_DONE }
}

export type SetGoalsResult = { ok: true; reps: number } | { ok: false; code: 'UNKNOWN_REP' }

/**
 * Sets the goals given (the others stay as they were) for one rep's month, or every active
 * rep's. Audited per rep, with what changed.
 */
export async function setRepGoals(actorId: string, input: RepGoalInput): Promise<SetGoalsResult> {
  const reps = await prisma.rep.findMany({
    where: input.repId ? { id: input.repId } : { active: true },
    select: { id: true },
  })
  if (input.repId && reps.length === 0) return { ok: false, code: 'UNKNOWN_REP' }
  const given = Object.fromEntries(
    GOALS.filter((goal) => input.goals[goal] !== null).map((goal) => [goal, input.goals[goal]]),
  ) as Partial<GoalValues>
  await prisma.$transaction(async (tx) => {
    const before = new Map(
      (
        await tx.repGoal.findMany({
          where: { month: input.month, repId: { in: reps.map((rep) => rep.id) } },
        })
      ).map((goal) => [goal.repId, goal]),
    )
    for (const rep of reps) {
      const old = goalValues(before.get(rep.id))
      await tx.repGoal.upsert({
        where: { repId_month: { repId: rep.id, month: input.month } },
        create: { repId: rep.id, month: input.month, ...given, updatedById: actorId },
        update: { ...given, updatedById: actorId },
      })
      await audit(tx, {
        actorId,
        action: 'goals.set',
        entity: 'RepGoal',
        entityId: `${rep.id}:${input.month}`,
        changes: Object.fromEntries(
          Object.entries(given).map(([goal, value]) => [goal, [old[goal as Goal], value]]),
        ),
      })
    }
  })
  return { ok: true, reps: reps.length }
}
