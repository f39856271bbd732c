/**
 * Reactivation contests in the database: create, list, the standing so far, and the close that
 * posts the prizes to the commission ledger once. The rules themselves are in contests.ts.
 */
import { audit } from '~/domain/audit/audit.server'
import { prisma, type Tx } from '~/utils/db.server'
import { DAY_MS } from '~/utils/dates'
import { pageWindow } from '~/utils/paging'
import {
  contestPhase,
  contestStanding,
  countedUntil,
  qualifies,
  silentDays,
  type ContestInput,
  type ContestRule,
} from './contests'
import { creditedReactivations } from './reactivation-credit.server'

type Db = Tx | typeof prisma

export const CONTEST_PAGE_SIZE = 20

const contestSelect = {
  id: true,
  name: true,
  startsAt: true,
  endsAt: true,
  closedAt: true,
  prizePerAccountCents: true,
  minSilentDays: true,
  topCount: true,
  topBonusCents: true,
} as const

type ContestRow = {
  id: string
  startsAt: Date
  endsAt: Date
  closedAt: Date | null
} & ContestRule

const ruleOf = (contest: ContestRule): ContestRule => ({
  prizePerAccountCents: contest.prizePerAccountCents,
  minSilentDays: contest.minSilentDays,
  topCount: contest.topCount,
  topBonusCents: contest.topBonusCents,
})

/**
 * The reactivations that count for the contest so far: in its period (up to its close, or now),
 * credited to a rep taking part, and silent long enough when the rule asks for it. How long an
 * account had been silent is measured from its last order before the reactivating one, either
 * channel, not cancelled.
 */
async function qualifyingReactivations(db: Db, contest: ContestRow, repIds: string[], now: Date) {
  const until = countedUntil(contest, now)
  if (until <= contest.startsAt) return []
  const taking = new Set(repIds)
  // Each account once per rep: a prize is per account brought back, not per comeback.
  const seen = new Set<string>()
  const credited = (
    await creditedReactivations(db, { start: contest.startsAt, end: until })
  ).filter((reactivation) => {
    const key = `${reactivation.repId}:${reactivation.accountId}`
    if (!taking.has(reactivation.repId) || seen.has(key)) return false
    seen.add(key)
    return true
  })
  if (contest.minSilentDays === null || credited.length === 0) return credited
  const earlier = await db.order.findMany({
    where: {
      accountId: { in: [...new Set(credited.map((r) => r.accountId))] },
      placedAt: { lt: until },
      status: { not: 'CANCELLED' },
    },
    select: { id: true, accountId: true, placedAt: true },
  })
  return credited.filter((reactivation) => {
    let previous: Date | null = null
    for (const order of earlier) {
      if (order.accountId !== reactivation.accountId || order.id === reactivation.orderId) continue
      if (order.placedAt >= reactivation.reactivatedAt) continue
      if (!previous || order.placedAt > previous) previous = order.placedAt
    }
    return qualifies(silentDays(previous, reactivation.reactivatedAt), contest.minSilentDays)
  })
}

/** The standing the close kept: what the contest paid, whatever happened to the orders since. */
async function keptStanding(contestId: string) {
  const rows = await prisma.contestRep.findMany({
    where: { contestId },
    select: {
      reactivations: true,
      position: true,
      prizeCents: true,
      bonusCents: true,
      rep: { select: { id: true, code: true, name: true } },
    },
  })
  return rows
    .map((row) => ({
      repId: row.rep.id,
      code: row.rep.code,
      name: row.rep.name,
      reactivations: row.reactivations ?? 0,
      position: row.position ?? rows.length,
      prizeCents: row.prizeCents ?? 0,
      bonusCents: row.bonusCents ?? 0,
      totalCents: (row.prizeCents ?? 0) + (row.bonusCents ?? 0),
    }))
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
}

/** Live while the contest runs; once closed, what the close kept. */
function standingFor(contest: ContestRow, now: Date) {
  return contest.closedAt ? keptStanding(contest.id) : standingOf(prisma, contest, now)
}

async function standingOf(db: Db, contest: ContestRow, now: Date) {
  const participants = (
    await db.contestRep.findMany({
      where: { contestId: contest.id },
      select: { rep: { select: { id: true, code: true, name: true } } },
    })
  ).map(({ rep }) => ({ repId: rep.id, code: rep.code, name: rep.name }))
  const reactivations = await qualifyingReactivations(
    db,
    contest,
    participants.map((p) => p.repId),
    now,
  )
  return contestStanding(participants, reactivations, ruleOf(contest))
}

export type CreateContestResult = { ok: true; id: string } | { ok: false; code: 'UNKNOWN_REP' }

/** Creates a contest for the reps chosen (every one must exist and be active). Audited. */
export async function createContest(
  actorId: string,
  input: ContestInput,
): Promise<CreateContestResult> {
  return prisma.$transaction(async (tx) => {
    const reps = await tx.rep.count({ where: { id: { in: input.repIds }, active: true } })
    if (reps !== input.repIds.length) return { ok: false, code: 'UNKNOWN_REP' } as const
    const contest = await tx.contest.create({
      data: {
        name: input.name,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        ...input.rule,
        createdById: actorId,
        reps: { createMany: { data: input.repIds.map((repId) => ({ repId })) } },
      },
      select: { id: true },
    })
    await audit(tx, {
      actorId,
      action: 'contests.create',
      entity: 'Contest',
      entityId: contest.id,
      changes: {
        name: input.name,
        startsAt: input.startsAt.toISOString(),
        endsAt: input.endsAt.toISOString(),
        reps: input.repIds.length,
        ...input.rule,
      },
    })
    return { ok: true, id: contest.id } as const
  })
}

/** Contests, newest period first, with how many reps take part. */
export async function listContests(requestedPage: number, now = new Date()) {
  const total = await prisma.contest.count()
  const { page, pageCount, skip, take } = pageWindow(total, requestedPage, CONTEST_PAGE_SIZE)
  const contests = await prisma.contest.findMany({
    orderBy: [{ startsAt: 'desc' }, { createdAt: 'desc' }],
    skip,
    take,
    select: { ...contestSelect, _count: { select: { reps: true } } },
  })
  return {
    contests: contests.map(({ _count, ...contest }) => ({
      ...contest,
      reps: _count.reps,
      phase: contestPhase(contest, now),
    })),
    total,
    page,
    pageCount,
  }
}

/** One contest, its standing so far (final once closed) and what its close posted. */
export async function contestDetail(id: string, now = new Date()) {
  const contest = await prisma.contest.findUnique({ where: { id }, select: contestSelect })
  if (!contest) return null
  const [standing, posted] = await Promise.all([
    standingFor(contest, now),
    prisma.commissionEntry.aggregate({
      where: { contestId: id, event: 'CONTEST_PRIZE' },
      _sum: { amountCents: true },
      _count: true,
    }),
  ])
  return {
    contest: { ...contest, phase: contestPhase(contest, now) },
    standing,
    posted: { cents: posted._sum.amountCents ?? 0, entries: posted._count },
  }
}

/**
 * The contests a rep takes part in that are running, or ended within the last 90 days, each
 * with the whole standing (reps see their place among the others) and the rep's row.
 */
export async function repContests(repId: string, now = new Date()) {
  const since = new Date(now.getTime() - 90 * DAY_MS)
  const contests = await prisma.contest.findMany({
    where: { reps: { some: { repId } }, startsAt: { lte: now }, endsAt: { gte: since } },
    orderBy: { startsAt: 'desc' },
    take: 5,
    select: contestSelect,
  })
  return Promise.all(
    contests.map(async (contest) => {
      const standing = await standingFor(contest, now)
      return {
        contest: { ...contest, phase: contestPhase(contest, now) },
        standing,
        mine: standing.find((row) => row.repId === repId) ?? null,
      }
    }),
  )
}

export type CloseContestResult =
  | { ok: true; postedCents: number; reps: number }
  | { ok: false; code: 'NOT_FOUND' | 'ALREADY_CLOSED' | 'NOT_STARTED' | 'EARLY_NOT_CONFIRMED' }

/**
 * Closes a contest and posts each rep's prize to the ledger as EARNED (paid in the next payout),
 * with its own entry type, and keeps the final standing with it. Once only: the close is claimed
 * by setting closedAt where it is still empty, so a second close, a double click or a race
 * between instances posts nothing; each entry's key (contest, rep, kind) refuses a second one
 * besides. Before the period's last day it closes only when `early` says the manager means it,
 * and the period ends there. Audited.
 */
export async function closeContest(
  actorId: string,
  id: string,
  { early = false }: { early?: boolean } = {},
  now = new Date(),
): Promise<CloseContestResult> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.contest.findUnique({ where: { id }, select: contestSelect })
    if (!found) return { ok: false, code: 'NOT_FOUND' } as const
    const phase = contestPhase(found, now)
    if (phase === 'CLOSED') return { ok: false, code: 'ALREADY_CLOSED' } as const
    if (phase === 'SCHEDULED') return { ok: false, code: 'NOT_STARTED' } as const
    if (phase === 'RUNNING' && !early) return { ok: false, code: 'EARLY_NOT_CONFIRMED' } as const
    const claimed = await tx.contest.updateMany({
      where: { id, closedAt: null },
      data: { closedAt: now, closedById: actorId },
    })
    if (claimed.count === 0) return { ok: false, code: 'ALREADY_CLOSED' } as const
    const contest = { ...found, closedAt: now }
    const standing = await standingOf(tx, contest, now)
    for (const row of standing) {
      await tx.contestRep.update({
        where: { contestId_repId: { contestId: id, repId: row.repId } },
        data: {
          reactivations: row.reactivations,
          position: row.position,
          prizeCents: row.prizeCents,
          bonusCents: row.bonusCents,
        },
      })
    }
    const entries = standing.flatMap((row) =>
      [
        { kind: 'accounts', cents: row.prizeCents },
        { kind: 'top', cents: row.bonusCents },
      ]
        .filter((prize) => prize.cents > 0)
        .map((prize) => ({
          eventKey: `contest:${id}:${row.repId}:${prize.kind}`,
          repId: row.repId,
          contestId: id,
          event: 'CONTEST_PRIZE' as const,
          bucket: 'EARNED' as const,
          amountCents: prize.cents,
          createdAt: now,
        })),
    )
    for (let i = 0; i < entries.length; i += 100) {
      await tx.commissionEntry.createMany({ data: entries.slice(i, i + 100) })
    }
    const postedCents = entries.reduce((sum, entry) => sum + entry.amountCents, 0)
    const reps = new Set(entries.map((entry) => entry.repId)).size
    await audit(tx, {
      actorId,
      action: 'contests.close',
      entity: 'Contest',
      entityId: id,
      changes: {
        countedUntil: countedUntil(contest, now).toISOString(),
        early: phase === 'RUNNING',
        postedCents,
        reps,
      },
    })
    return { ok: true, postedCents, reps } as const
  })
}

export type DeleteContestResult = { ok: true } | { ok: false; code: 'NOT_FOUND' | 'CLOSED' }

/** Deletes a contest that has not been closed (a closed one holds ledger entries). Audited. */
export async function deleteContest(actorId: string, id: string): Promise<DeleteContestResult> {
  return prisma.$transaction(async (tx) => {
    const contest = await tx.contest.findUnique({
      where: { id },
      select: { name: true, closedAt: true },
    })
    if (!contest) return { ok: false, code: 'NOT_FOUND' } as const
    if (contest.closedAt) return { ok: false, code: 'CLOSED' } as const
    const deleted = await tx.contest.deleteMany({ where: { id, closedAt: null } })
    if (deleted.count === 0) return { ok: false, code: 'CLOSED' } as const
    await audit(tx, {
      actorId,
      action: 'contests.delete',
      entity: 'Contest',
      entityId: id,
      changes: { name: contest.name },
    })
    return { ok: true } as const
  })
}

/** Active reps, for the form's choice of who takes part. */
export function contestableReps() {
  return prisma.rep.findMany({
    where: { active: true },
    orderBy: { name: 'asc' },
    select: { id: true, code: true, name: true },
  })
}
