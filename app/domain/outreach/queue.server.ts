/**
 * The call queue (/admin/calls, and /rep/calls for a rep's own accounts): who to contact today,
 * each account once, under the most pressing of its reasons and with all of them listed.
 *
 * The reasons, most pressing first (QUEUE_REASONS):
 * - a call-back set for today or earlier;
 * - its invitation email bounced: the contact data needs fixing;
 * - it clicked an invitation CLICKED_WAIT_DAYS or more ago and has not ordered since;
 * - it became INACTIVE, or AT_RISK, in the last NEWLY_DAYS days and still is;
 * - it was invited NO_CLICK_DAYS or more ago and never clicked nor ordered;
 * - it is ACTIVE but its next order, by its own cadence, is overdue.
 * Invitations older than INVITATION_WINDOW_DAYS no longer count. Except for a call-back that is
 * due, an account contacted in the last WORKED_DAYS days is left out, one that said "not
 * interested" for NOT_INTERESTED_DAYS, and one with a call-back set for a later day.
 *
 * One SQL statement ranks the whole portfolio (a few indexed reads of Account, Invitation and
 * AccountStatusChange), each account once with its reasons; the page is cut from it and its rows
 * are then read in full (three more statements, and the usual baskets).
 */
import { Prisma, type AccountStatus } from '@prisma/client'
import { usualBasketsForEmail } from '~/domain/accounts/usual-basket.server'
import { BRASILIA_TIME_ZONE, DAY_MS, localDateIn } from '~/utils/dates'
import { prisma } from '~/utils/db.server'
import { brazilianDay } from '~/utils/form-schema'
import { pageWindow } from '~/utils/paging'
import { joinedIntegers } from '~/utils/sql.server'
import { QUEUE_REASONS, QUEUE_RULES, type QueueReason } from './queue'

export const QUEUE_PAGE_SIZE = 25

export type QueueFilter = { repId?: string | null; reason?: QueueReason | null; page?: number }

const priority = (reason: QueueReason) => QUEUE_REASONS.indexOf(reason)

/** The candidates of every reason, as (account, priority) pairs, for the WITH clause. */
function candidates(repId: string | null, now: Date) {
  const days = (n: number) => new Date(now.getTime() - n * DAY_MS)
  const today = brazilianDay(localDateIn(now, BRASILIA_TIME_ZONE))!
  const tomorrow = new Date(today.getTime() + DAY_MS)
  const rep = repId ? Prisma.sql`AND a."repId" = ${repId}` : Prisma.empty
  // Not worked lately, not "not interested" lately, no call-back set for a later day.
  const free = Prisma.sql`(a."lastContactAt" IS NULL OR (a."lastContactAt" < ${days(QUEUE_RULES.WORKED_DAYS)}
    AND NOT (a."lastContactOutcome" = 'NOT_INTERESTED' AND a."lastContactAt" >= ${days(QUEUE_RULES.NOT_INTERESTED_DAYS)})))
    AND (a."callBackAt" IS NULL OR a."callBackAt" < ${tomorrow}) ${rep}`
  const window = days(QUEUE_RULES.INVITATION_WINDOW_DAYS)
  const newly = (status: AccountStatus, reason: QueueReason) => Prisma.sql`
    SELECT DISTINCT a.id AS "accountId", ${Prisma.raw(String(priority(reason)))} AS p
    FROM "AccountStatusChange" c JOIN "Account" a ON a.id = c."accountId"
    WHERE c."changedAt" >= ${days(QUEUE_RULES.NEWLY_DAYS)} AND c."toStatus" = ${Prisma.raw(`'${status}'`)}
      AND a.status = ${Prisma.raw(`'${status}'`)} AND ${free}`
  const p = (reason: QueueReason) => Prisma.raw(String(priority(reason)))
  return Prisma.sql`
    SELECT a.id AS "accountId", ${p('CALL_BACK')} AS p FROM "Account" a
    WHERE a."callBackAt" IS NOT NULL AND a."callBackAt" < ${tomorrow} ${rep}
    UNION ALL
    SELECT a.id, ${p('EMAIL_BOUNCED')} FROM "Account" a
    WHERE a."emailBouncedAt" IS NOT NULL AND ${free}
    UNION ALL
    SELECT DISTINCT a.id, ${p('CLICKED_NOT_ORDERED')}
    FROM "Invitation" i JOIN "Account" a ON a.id = i."accountId"
    WHERE i."clickedAt" >= ${window} AND i."clickedAt" < ${days(QUEUE_RULES.CLICKED_WAIT_DAYS)}
      AND (a."lastOrderAt" IS NULL OR a."lastOrderAt" < i."clickedAt") AND ${free}
    UNION ALL ${newly('INACTIVE', 'NEWLY_INACTIVE')}
    UNION ALL ${newly('AT_RISK', 'NEWLY_AT_RISK')}
    UNION ALL
    SELECT DISTINCT a.id, ${p('INVITED_NOT_CLICKED')}
    FROM "Invitation" i JOIN "Account" a ON a.id = i."accountId"
    WHERE i."sentAt" >= ${window} AND i."sentAt" < ${days(QUEUE_RULES.NO_CLICK_DAYS)}
      AND i."clickedAt" IS NULL AND i."bouncedAt" IS NULL
      AND (a."lastOrderAt" IS NULL OR a."lastOrderAt" < i."sentAt") AND ${free}
    UNION ALL
    SELECT a.id, ${p('OVERDUE')} FROM "Account" a
    WHERE a.status = 'ACTIVE' AND a."expectedNextOrderAt" < ${today} AND ${free}`
}

export type QueueRow = Awaited<ReturnType<typeof callQueue>>['rows'][number]

/**
 * One page of the queue, most pressing first, then the longest silent; `reason` keeps the
 * accounts whose most pressing reason it is. Also the count under each reason, for the filter.
 */
export async function callQueue(filter: QueueFilter = {}, now = new Date()) {
  const repId = filter.repId ?? null
  const ranked = Prisma.sql`WITH r AS (${candidates(repId, now)}),
    q AS (SELECT "accountId", MIN(p) AS p, ${joinedIntegers('p')} AS reasons FROM r GROUP BY "accountId")`
  // One statement ranks the whole queue: the rows are small (id, reason, reasons), so the
  // counts under each reason and the page are cut from them here.
  const everyone = await prisma.$queryRaw<{ id: string; p: number | bigint; reasons: string }[]>`
    ${ranked} SELECT q."accountId" AS id, q.p, q.reasons FROM q JOIN "Account" a ON a.id = q."accountId"
    ORDER BY q.p, (a."lastOrderAt" IS NULL), a."lastOrderAt", a.id`
  const byReason = Object.fromEntries(QUEUE_REASONS.map((reason) => [reason, 0])) as Record<
    QueueReason,
    number
  >
  for (const row of everyone) byReason[QUEUE_REASONS[Number(row.p)]!]++
  const all = everyone.length
  const wanted = filter.reason ? priority(filter.reason) : null
  const listed = wanted === null ? everyone : everyone.filter((row) => Number(row.p) === wanted)
  const window = pageWindow(listed.length, filter.page, QUEUE_PAGE_SIZE)
  const total = listed.length
  const page = listed.slice(window.skip, window.skip + window.take)
  const ids = page.map((row) => row.id)
  const [accounts, baskets, lastLogs] = await Promise.all([
    prisma.account.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        tradeName: true,
        city: true,
        state: true,
        status: true,
        phone: true,
        whatsapp: true,
        phoneWrongAt: true,
        preferredChannel: true,
        email: true,
        emailBouncedAt: true,
        lastOrderAt: true,
        medianIntervalDays: true,
        callBackAt: true,
        rep: { select: { code: true, name: true } },
        users: {
          where: { role: 'BUYER', active: true },
          orderBy: [{ isAccountAdmin: 'desc' }, { createdAt: 'asc' }],
          take: 1,
          select: { id: true },
        },
      },
    }),
    usualBasketsForEmail(ids, now),
    prisma.contactLog.findMany({
      where: { accountId: { in: ids } },
      orderBy: { createdAt: 'desc' },
      distinct: ['accountId'],
      select: {
        accountId: true,
        outcome: true,
        createdAt: true,
        note: true,
        user: { select: { name: true } },
      },
    }),
  ])
  const byId = new Map(accounts.map((account) => [account.id, account]))
  const logs = new Map(lastLogs.map((log) => [log.accountId, log]))
  const rows = page.flatMap(({ id, reasons }) => {
    const account = byId.get(id)
    if (!account) return []
    const { users, ...rest } = account
    return [
      {
        ...rest,
        reasons: [...new Set(String(reasons).split(',').map(Number))]
          .sort((a, b) => a - b)
          .map((index) => QUEUE_REASONS[index]!),
        daysSilent: account.lastOrderAt
          ? Math.floor((now.getTime() - account.lastOrderAt.getTime()) / DAY_MS)
          : null,
        buyerUserId: users[0]?.id ?? null,
        basket: baskets.get(id) ?? [],
        lastContact: logs.get(id) ?? null,
      },
    ]
  })
  return { rows, total, all, byReason, ...window }
}
