import { Prisma, type OrderChannel } from '@prisma/client'
import { chunks } from '~/utils/chunks'
import { prisma, type Tx } from '~/utils/db.server'
import { typed } from '~/utils/sql.server'

export type RevenueEntry = {
  placedAt: Date
  channel: OrderChannel
  repId: string | null
  state: string
  totalCents: number
}

export const monthOf = (date: Date) => date.toISOString().slice(0, 7)

function aggregate(entries: readonly RevenueEntry[]) {
  const totals = new Map<
    string,
    {
      month: string
      channel: OrderChannel
      repId: string
      state: string
      totalCents: number
      orders: number
    }
  >()
  for (const entry of entries) {
    const month = monthOf(entry.placedAt)
    const repId = entry.repId ?? ''
    const key = `${month}|${entry.channel}|${repId}|${entry.state}`
    const row = totals.get(key) ?? {
      month,
      channel: entry.channel,
      repId,
      state: entry.state,
      totalCents: 0,
      orders: 0,
    }
    row.totalCents += entry.totalCents
    row.orders += 1
    totals.set(key, row)
  }
  return [...totals.values()]
}

/**
 * Adds orders to the revenue summary, inside the transaction that wrote them: one statement
 * per 500 aggregated rows (an import's step adds up to a hundred), inserting new rows and
 * adding to existing ones (`ON CONFLICT`, the same on SQLite and PostgreSQL).
 */
export async function addRevenue(
  db: Tx | typeof prisma,
  entries: readonly RevenueEntry[],
): Promise<void> {
  for (const part of chunks(aggregate(entries), 500)) {
    const rows = part.map(
      (row) =>
        Prisma.sql`(${row.month}, ${typed(row.channel, '"OrderChannel"')}, ${row.repId}, ${row.state}, ${typed(row.totalCents, 'integer')}, ${typed(row.orders, 'integer')})`,
    )
    await db.$executeRaw`
      INSERT INTO "RevenueSummary" ("month", "channel", "repId", "state", "totalCents", "orders")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT ("month", "channel", "repId", "state") DO UPDATE SET
        "totalCents" = "RevenueSummary"."totalCents" + excluded."totalCents",
        "orders" = "RevenueSummary"."orders" + excluded."orders"`
  }
}

/**
 * Takes orders back out of the summary (an import undone): the same rows `addRevenue` added
 * to, less their totals and counts; a row left with no orders is removed, as if never added.
 */
export async function removeRevenue(
  db: Tx | typeof prisma,
  entries: readonly RevenueEntry[],
): Promise<void> {
  for (const row of aggregate(entries)) {
    const key = { month: row.month, channel: row.channel, repId: row.repId, state: row.state }
    await db.revenueSummary.updateMany({
      where: key,
      data: { totalCents: { decrement: row.totalCents }, orders: { decrement: row.orders } },
    })
    await db.revenueSummary.deleteMany({ where: { ...key, orders: { lte: 0 } } })
  }
}

/** Recomputes the summary from the orders (nightly, and after seeding). */
export async function rebuildRevenueSummary(): Promise<number> {
  const accounts = new Map(
    (await prisma.account.findMany({ select: { id: true, state: true } })).map((a) => [
      a.id,
      a.state,
    ]),
  )
  const entries: RevenueEntry[] = []
  let cursor: number | undefined
  for (;;) {
    const batch = await prisma.order.findMany({
      where: { status: { not: 'CANCELLED' } },
      orderBy: { id: 'asc' },
      take: 20_000,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: {
        id: true,
        accountId: true,
        placedAt: true,
        channel: true,
        repId: true,
        totalCents: true,
      },
    })
    if (!batch.length) break
    for (const order of batch)
      entries.push({ ...order, state: accounts.get(order.accountId) ?? '' })
    cursor = batch.at(-1)!.id
  }
  const rows = aggregate(entries)
  await prisma.$transaction(async (tx) => {
    await tx.revenueSummary.deleteMany()
    for (let i = 0; i < rows.length; i += 2000)
      await tx.revenueSummary.createMany({ data: rows.slice(i, i + 2000) })
  })
  return rows.length
}
