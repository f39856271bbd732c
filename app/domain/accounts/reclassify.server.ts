import { Prisma, type AccountStatus, type OrderChannel } from '@prisma/client'
import { prisma, readAll, type Tx } from '~/utils/db.server'
import { classifyAccount, nextStatusChangeAt, statusTimeline } from './inactivity'
import type { StatusPeriod } from './inactivity'
import { getThresholds } from './settings.server'
import { type StatusThresholds } from './status'
import { chunks } from '~/utils/chunks'
import { typed } from '~/utils/sql.server'
import { DAY_MS } from '~/utils/dates'

type Db = Tx | typeof prisma
type OrderPoint = { id: number; channel: OrderChannel; placedAt: Date; invitationId: string | null }
const GONE: ReadonlySet<AccountStatus> = new Set(['INACTIVE', 'LOST'])
const CHUNK = 500

export type KnownAccount = {
  account: AccountState
  orders: readonly OrderPoint[]
  lastStatusChangeAt: Date | null
}

/** The reads below, answered from what the caller already holds. */
function knownReads({ account, orders, lastStatusChangeAt }: KnownAccount) {
  return [
    [account],
    orders.map((order) => ({ ...order, accountId: account.id })),
    [{ accountId: account.id, _max: { changedAt: lastStatusChangeAt } }],
  ] as const
}

export type ReclassifyResult = {
  accounts: number
  updated: number
  statusChanges: number
  reactivations: number
}

const sameTime = (a: Date | null, b: Date | null) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null)

const DATE_FIELDS = [
  'lastOrderAt',
  'firstOrderAt',
  'expectedNextOrderAt',
  'reactivatedAt',
  'nextReviewAt',
] as const
type AccountState = {
  id: string
  status: AccountStatus
  medianIntervalDays: number | null
} & Record<(typeof DATE_FIELDS)[number], Date | null>

/**
 * Writes computed account states 100 at a time, one `UPDATE … SET col = CASE id …` each
 * (portable SQL, with the casts PostgreSQL needs): row-by-row updates cost milliseconds apiece, which an import touching
 * thousands of accounts cannot afford.
 */
async function writeAccountStates(
  db: Db,
  states: readonly AccountState[],
  now: Date,
): Promise<void> {
  const columns = [
    ['status', '"AccountStatus"'],
    ['medianIntervalDays', 'integer'],
    ...DATE_FIELDS.map((field) => [field, 'timestamp(3)'] as const),
  ] as const
  for (const part of chunks(states, 100)) {
    const sets = columns.map(
      ([column, type]) =>
        Prisma.sql`${Prisma.raw(`"${column}"`)} = CASE "id" ${Prisma.join(
          part.map((row) => Prisma.sql`WHEN ${row.id} THEN ${typed(row[column], type)}`),
          ' ',
        )} END`,
    )
    await db.$executeRaw`UPDATE "Account" SET ${Prisma.join(sets, ', ')}, "updatedAt" = ${now} WHERE "id" IN (${Prisma.join(part.map((row) => row.id))})`
  }
}

/**
 * Brings accounts' status, cadence and history up to `now` from their orders (both channels).
 * History is the status timeline: normally only the periods that began since the last
 * recorded change are appended, at the moment each began; `rebuild` replaces an account's
 * whole history (after importing old orders). A step from INACTIVE or LOST to ACTIVE is a
 * reactivation, recorded once per order with its channel.
 */
export async function syncAccounts(
  db: Db,
  {
    accountIds,
    now,
    rebuild = false,
    thresholds,
    known: preloaded,
  }: {
    accountIds?: readonly string[]
    now: Date
    rebuild?: boolean
    thresholds?: StatusThresholds
    /**
     * One account's state, orders and latest recorded change, when the caller has just read
     * them in this transaction (checkout does, in its own statements): nothing is read again.
     */
    known?: KnownAccount
  },
): Promise<ReclassifyResult> {
  const limits = thresholds ?? (await getThresholds(db))
  const idChunks = preloaded
    ? [[preloaded.account.id]]
    : accountIds
      ? chunks(accountIds, CHUNK)
      : [undefined]
  const result: ReclassifyResult = { accounts: 0, updated: 0, statusChanges: 0, reactivations: 0 }

  for (const ids of idChunks) {
    const accountWhere: Prisma.AccountWhereInput = ids ? { id: { in: ids } } : {}
    const [accounts, orders, lastChanges] = preloaded
      ? knownReads(preloaded)
      : await readAll(db, [
          () =>
            db.account.findMany({
              where: accountWhere,
              select: {
                id: true,
                status: true,
                lastOrderAt: true,
                firstOrderAt: true,
                medianIntervalDays: true,
                expectedNextOrderAt: true,
                reactivatedAt: true,
                nextReviewAt: true,
              },
            }),
          () =>
            db.order.findMany({
              where: { status: { not: 'CANCELLED' }, ...(ids ? { accountId: { in: ids } } : {}) },
              select: {
                id: true,
                accountId: true,
                channel: true,
                placedAt: true,
                invitationId: true,
              },
            }),
          () =>
            rebuild
              ? Promise.resolve([])
              : db.accountStatusChange.groupBy({
                  by: ['accountId'],
                  where: ids ? { accountId: { in: ids } } : {},
                  _max: { changedAt: true },
                }),
        ] as const)
    const ordersByAccount = new Map<string, OrderPoint[]>()
    orders.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime())
    for (const order of orders) {
      const list = ordersByAccount.get(order.accountId)
      if (list) list.push(order)
      else ordersByAccount.set(order.accountId, [order])
    }
    const lastChangeAt = new Map(lastChanges.map((c) => [c.accountId, c._max.changedAt]))

    const historyRows: Prisma.AccountStatusChangeCreateManyInput[] = []
    const reactivationRows: Prisma.ReactivationCreateManyInput[] = []
    const updates: AccountState[] = []

    for (const account of accounts) {
      const points = ordersByAccount.get(account.id) ?? []
      const dates = points.map((p) => p.placedAt)
      const current = classifyAccount(dates, now, limits)
      const timeline = statusTimeline(dates, now, limits)
      const since = rebuild ? null : (lastChangeAt.get(account.id) ?? null)
      let previous: AccountStatus | null = null
      let latestReactivation: Date | null = account.reactivatedAt
      timeline.forEach((period: StatusPeriod, index) => {
        previous = index === 0 ? null : timeline[index - 1]!.status
        if (since && period.from <= since) return
        historyRows.push({
          accountId: account.id,
          fromStatus: previous,
          toStatus: period.status,
          changedAt: period.from,
        })
        if (previous && GONE.has(previous) && period.status === 'ACTIVE') {
          // The order that brought it back: the first one placed that day.
          const day = Math.floor(period.from.getTime() / DAY_MS)
          const order = points.find((p) => Math.floor(p.placedAt.getTime() / DAY_MS) === day)
          reactivationRows.push({
            accountId: account.id,
            reactivatedAt: period.from,
            channel: order?.channel ?? 'OFFLINE',
            orderId: order?.id ?? null,
            invitationId: order?.invitationId ?? null,
            previousStatus: previous,
          })
          if (!latestReactivation || period.from > latestReactivation)
            latestReactivation = period.from
        }
      })

      const state: AccountState = {
        id: account.id,
        status: current.status,
        lastOrderAt: current.lastOrderAt,
        firstOrderAt: current.firstOrderAt,
        medianIntervalDays: current.medianIntervalDays,
        expectedNextOrderAt: current.expectedNextOrderAt,
        reactivatedAt: latestReactivation,
        nextReviewAt: nextStatusChangeAt(dates, now, limits),
      }
      const unchanged =
        account.status === state.status &&
        account.medianIntervalDays === state.medianIntervalDays &&
        DATE_FIELDS.every((field) => sameTime(account[field], state[field]))
      if (!unchanged) updates.push(state)
    }

    if (rebuild && accounts.length) {
      // A chunk of named accounts stays under SQLite's parameter limit; the whole portfolio
      // needs no list at all.
      await db.accountStatusChange.deleteMany({ where: ids ? { accountId: { in: ids } } : {} })
    }
    // An order already credited with a reactivation keeps its first record.
    const orderIds = reactivationRows.flatMap((r) => (r.orderId ? [r.orderId] : []))
    const known = new Set<number>()
    for (const part of chunks(orderIds, CHUNK)) {
      const rows = await db.reactivation.findMany({
        where: { orderId: { in: part } },
        select: { orderId: true },
      })
      rows.forEach((r) => r.orderId && known.add(r.orderId))
    }
    const newReactivations = reactivationRows.filter((r) => !r.orderId || !known.has(r.orderId))

    for (const part of chunks(historyRows, 2000))
      await db.accountStatusChange.createMany({ data: part })
    for (const part of chunks(newReactivations, 2000))
      await db.reactivation.createMany({ data: part })
    await writeAccountStates(db, updates, now)

    result.accounts += accounts.length
    result.updated += updates.length
    result.statusChanges += historyRows.length
    result.reactivations += newReactivations.length
  }
  return result
}

/** Every account, in one transaction (the daily job, and after the thresholds change). */
/** Accounts whose status may have changed by `now` without a new order. */
async function dueAccountIds(now: Date): Promise<string[]> {
  const rows = await prisma.account.findMany({
    where: {
      OR: [
        { nextReviewAt: { lte: now } },
        // Never reviewed yet (e.g. just migrated), and not already at the end of the line.
        { nextReviewAt: null, lastOrderAt: { not: null }, status: { not: 'LOST' } },
      ],
    },
    select: { id: true },
  })
  return rows.map((row) => row.id)
}

/**
 * The whole portfolio in one transaction. The daily pass (`onlyDue`) brings every account up to
 * date by loading only those whose next review has come; a thresholds change (`rebuild`)
 * recomputes every account and its history.
 */
export async function reclassifyPortfolio({
  now = new Date(),
  rebuild = false,
  onlyDue = false,
}: { now?: Date; rebuild?: boolean; onlyDue?: boolean } = {}): Promise<ReclassifyResult> {
  const thresholds = await getThresholds()
  const accountIds = onlyDue && !rebuild ? await dueAccountIds(now) : undefined
  const result = await prisma.$transaction(
    (tx) => syncAccounts(tx, { now, rebuild, thresholds, accountIds }),
    {
      timeout: 120_000,
    },
  )
  await prisma.appSettings.upsert({
    where: { id: 1 },
    create: { id: 1, lastReclassifiedAt: now },
    update: { lastReclassifiedAt: now },
  })
  return result
}

/** Runs the daily pass when the last run is a day old; the server calls this hourly. */
export async function reclassifyIfDue(now = new Date()): Promise<ReclassifyResult | null> {
  const settings = await prisma.appSettings.findUnique({
    where: { id: 1 },
    select: { lastReclassifiedAt: true },
  })
  const last = settings?.lastReclassifiedAt
  if (last && now.getTime() - last.getTime() < DAY_MS) return null
  return reclassifyPortfolio({ now, onlyDue: true })
}
