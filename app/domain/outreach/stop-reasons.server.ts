/**
 * Why accounts stopped buying: the shops' own answers (the unsubscribe page; a call's answer is
 * written with the call, contacts.server.ts), and their counts for the dashboard: each
 * account's latest answer of the last STOP_REASON_MONTHS months, by reason and by state, rep or
 * segment; and every answer of that period as CSV rows.
 */
import { Prisma, type StopReasonSource } from '@prisma/client'
import { formatCnpj } from '~/domain/accounts/cnpj'
import { prisma } from '~/utils/db.server'
import { STOP_REASONS, type StopReasonDimension, type StopReasonValue } from './stop-reason-form'

export const STOP_REASON_MONTHS = 12

function since(now: Date): Date {
  const from = new Date(now)
  from.setUTCMonth(from.getUTCMonth() - STOP_REASON_MONTHS)
  return from
}

const answerSelect = {
  accountId: true,
  reason: true,
  comment: true,
  source: true,
  createdAt: true,
  account: {
    select: {
      cnpj: true,
      tradeName: true,
      state: true,
      segment: true,
      status: true,
      rep: { select: { code: true, name: true } },
    },
  },
} as const

function answersSince(now: Date) {
  return prisma.stopReasonAnswer.findMany({
    where: { createdAt: { gte: since(now) } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: answerSelect,
  })
}

export type StopReasonRow = {
  /** The state, rep ("R01 · Ana") or segment; null when the account has none. */
  group: string | null
  counts: Record<StopReasonValue, number>
  total: number
}

const emptyCounts = () =>
  Object.fromEntries(STOP_REASONS.map((reason) => [reason, 0])) as Record<StopReasonValue, number>

/**
 * The counts by reason, one row per group (largest first), and the totals. The database counts
 * each account's latest answer of the period, grouped by the dimension asked for, so the
 * dashboard reads a few dozen rows whatever the number of answers.
 */
export async function stopReasonTable(by: StopReasonDimension, now = new Date()) {
  const from = since(now)
  const column = Prisma.raw(
    by === 'state' ? 'a."state"' : by === 'segment' ? 'a."segment"' : 'a."repId"',
  )
  const counted = await prisma.$queryRaw<
    { grouped: string | null; reason: StopReasonValue; n: number | bigint }[]
  >`
    SELECT ${column} AS grouped, s.reason AS reason, COUNT(*) AS n
    FROM "StopReasonAnswer" s JOIN "Account" a ON a.id = s."accountId"
    WHERE s."createdAt" >= ${from} AND NOT EXISTS (
      SELECT 1 FROM "StopReasonAnswer" t
      WHERE t."accountId" = s."accountId" AND t."createdAt" >= ${from}
        AND (t."createdAt" > s."createdAt" OR (t."createdAt" = s."createdAt" AND t.id > s.id)))
    GROUP BY ${column}, s.reason`
  const reps =
    by === 'rep'
      ? new Map(
          (
            await prisma.rep.findMany({
              where: { id: { in: counted.flatMap((row) => (row.grouped ? [row.grouped] : [])) } },
              select: { id: true, code: true, name: true },
            })
          ).map((rep) => [rep.id, `${rep.code} · ${rep.name}`]),
        )
      : null
  const groups = new Map<string | null, StopReasonRow>()
  const totals: StopReasonRow = { group: null, counts: emptyCounts(), total: 0 }
  for (const { grouped, reason, n } of counted) {
    const group = reps ? (grouped ? (reps.get(grouped) ?? null) : null) : grouped
    const row = groups.get(group) ?? { group, counts: emptyCounts(), total: 0 }
    row.counts[reason] += Number(n)
    row.total += Number(n)
    groups.set(group, row)
    totals.counts[reason] += Number(n)
    totals.total += Number(n)
  }
  const rows = [...groups.values()].sort(
    (a, b) => b.total - a.total || (a.group ?? '').localeCompare(b.group ?? ''),
  )
  return { rows, totals, by }
}

/** Every answer of the period, newest first, as CSV rows (reason and source as codes). */
export async function stopReasonCsvRows(now = new Date()) {
  const answers = await answersSince(now)
  return [
    [
      'data',
      'cnpj',
      'cliente',
      'uf',
      'segmento',
      'representante',
      'situacao',
      'motivo',
      'origem',
      'comentario',
    ],
    ...answers.map((answer) => [
      answer.createdAt.toISOString(),
      formatCnpj(answer.account.cnpj),
      answer.account.tradeName,
      answer.account.state,
      answer.account.segment ?? '',
      answer.account.rep ? `${answer.account.rep.code} · ${answer.account.rep.name}` : '',
      answer.account.status,
      answer.reason,
      answer.source,
      answer.comment ?? '',
    ]),
  ]
}

/**
 * A shop's own answer to "why did you stop buying?", from the invitation's landing page or the
 * unsubscribe page. Signed links lead there, so the caller has already checked whose it is.
 */
export async function recordStopReason(
  accountId: string,
  answer: { reason: StopReasonValue; comment: string | null; source: StopReasonSource },
  now = new Date(),
): Promise<void> {
  await prisma.stopReasonAnswer.create({
    data: { accountId, ...answer, createdAt: now },
  })
}

/**
 * The answer given on the unsubscribe page, whose signed link names an email address: it counts
 * for each account with that contact email or a buyer with that login. Returns how many.
 */
export async function recordStopReasonByEmail(
  email: string,
  answer: { reason: StopReasonValue; comment: string | null },
  now = new Date(),
): Promise<number> {
  const accounts = await prisma.account.findMany({
    where: {
      OR: [{ email }, { users: { some: { email, role: 'BUYER' } } }],
    },
    select: { id: true },
    take: 20,
  })
  if (!accounts.length) return 0
  await prisma.stopReasonAnswer.createMany({
    data: accounts.map((account) => ({
      accountId: account.id,
      ...answer,
      source: 'UNSUBSCRIBE' as const,
      createdAt: now,
    })),
  })
  return accounts.length
}
