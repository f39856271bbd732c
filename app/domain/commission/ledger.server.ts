/**
 * The commission ledger: entries are only ever added. Each event has a key, so a retry, a
 * double click or a replayed webhook posts nothing twice. Balances are sums of entries.
 *
 *   order placed      CREDIT    PENDING +x
 *   paid or invoiced  EARN      PENDING -x, EARNED +x
 *   payout closed     PAYOUT    EARNED -x,  PAID +x     (per order, in the batch)
 *   cancelled/refund  REVERSAL  takes back what the order still holds: PENDING -x or EARNED -x;
 *                               once paid, EARNED -x, carried into the next payout.
 *   partial refund    REVERSAL  the refunded share of what was credited, keyed by the cumulative
 *                               refunded amount, so each refund level posts once.
 *   instalment paid   EARN      with "comissão na liquidez" on, instead of the order's EARN:
 *                               PENDING -x, EARNED +x for the instalment's share, each once.
 *   contest closed    CONTEST_PRIZE  EARNED +x, no order (contests.server.ts).
 */
import { type CommissionBucket } from '@prisma/client'
import { prisma, type Tx } from '~/utils/db.server'
import { instalmentShares } from './instalment-commission'

type Db = Tx | typeof prisma

async function orderBalances(db: Db, orderId: number) {
  const rows = await db.commissionEntry.groupBy({
    by: ['bucket', 'repId'],
    where: { orderId },
    _sum: { amountCents: true },
  })
  return rows.map((row) => ({
    bucket: row.bucket,
    repId: row.repId,
    cents: row._sum.amountCents ?? 0,
  }))
}

async function posted(db: Db, eventKey: string): Promise<boolean> {
  return (await db.commissionEntry.count({ where: { eventKey } })) > 0
}

/**
 * Credits an order's commission as PENDING, once, at `at` (when the order was placed). A zero
 * amount or no rep posts nothing. An order created in this same transaction (`orderIsNew`)
 * cannot have been credited yet: no look first, and the unique event key still refuses a second
 * credit.
 */
export async function creditOrder(
  tx: Tx,
  order: { id: number; repId: string | null; commissionCents: number },
  { orderIsNew = false, at = new Date() }: { orderIsNew?: boolean; at?: Date } = {},
): Promise<void> {
  if (!order.repId || order.commissionCents <= 0) return
  const eventKey = `credit:${order.id}`
  if (!orderIsNew && (await posted(tx, eventKey))) return
  await tx.commissionEntry.createMany({
    data: {
      eventKey,
      repId: order.repId,
      orderId: order.id,
      event: 'CREDIT',
      bucket: 'PENDING',
      amountCents: order.commissionCents,
      createdAt: at,
    },
  })
}

/**
 * One move of `cents` of a rep's commission on an order from PENDING to EARNED: a pair of entries
 * that add up to zero, the EARNED one carrying `eventKey` (what makes the move once-only).
 */
async function moveToEarned(
  tx: Tx,
  move: {
    eventKey: string
    repId: string
    orderId: number
    cents: number
    at: Date
    instalment?: number
  },
) {
  const entry = {
    repId: move.repId,
    orderId: move.orderId,
    event: 'EARN' as const,
    instalment: move.instalment ?? null,
    createdAt: move.at,
  }
  await tx.commissionEntry.createMany({
    data: [
      { ...entry, eventKey: `${move.eventKey}:from`, bucket: 'PENDING', amountCents: -move.cents },
      { ...entry, eventKey: move.eventKey, bucket: 'EARNED', amountCents: move.cents },
    ],
  })
}

/** Moves an order's pending commission to EARNED (it was paid or invoiced at `at`), once. */
export async function earnOrder(tx: Tx, orderId: number, at = new Date()): Promise<void> {
  const eventKey = `earn:${orderId}`
  if ((await posted(tx, eventKey)) || (await posted(tx, `reversal:${orderId}`))) return
  for (const { bucket, repId, cents } of await orderBalances(tx, orderId)) {
    if (bucket !== 'PENDING' || cents === 0) continue
    await moveToEarned(tx, { eventKey, repId, orderId, cents, at })
  }
}

/**
 * Takes back what a cancelled or refunded order credited, once. Commission already paid out is
 * taken from EARNED, so the next payout is smaller by that much.
 */
export async function reverseOrder(tx: Tx, orderId: number, at = new Date()): Promise<void> {
  const eventKey = `reversal:${orderId}`
  if (await posted(tx, eventKey)) return
  const balances = await orderBalances(tx, orderId)
  const byRep = new Map<string, Partial<Record<CommissionBucket, number>>>()
  for (const { bucket, repId, cents } of balances) {
    byRep.set(repId, { ...byRep.get(repId), [bucket]: cents })
  }
  let first = true
  for (const [repId, buckets] of byRep) {
    const pending = buckets.PENDING ?? 0
    // What was earned, whether still held or already paid, comes off EARNED.
    const earned = (buckets.EARNED ?? 0) + (buckets.PAID ?? 0)
    const moves: { bucket: CommissionBucket; amountCents: number }[] = []
    if (pending !== 0) moves.push({ bucket: 'PENDING', amountCents: -pending })
    if (earned !== 0) moves.push({ bucket: 'EARNED', amountCents: -earned })
    if (await postReversal(tx, { eventKey, first, repId, orderId, moves, at })) first = false
  }
}

/**
 * Writes one rep's reversal entries. The first entry of an event carries the event key itself:
 * it is what makes the reversal once-only. Returns whether it wrote anything.
 */
async function postReversal(
  tx: Tx,
  input: {
    eventKey: string
    first: boolean
    repId: string
    orderId: number
    moves: { bucket: CommissionBucket; amountCents: number }[]
    at?: Date
  },
): Promise<boolean> {
  let first = input.first
  for (const move of input.moves) {
    await tx.commissionEntry.create({
      data: {
        eventKey: first ? input.eventKey : `${input.eventKey}:${input.repId}:${move.bucket}`,
        repId: input.repId,
        orderId: input.orderId,
        event: 'REVERSAL',
        ...move,
        createdAt: input.at,
      },
    })
    first = false
  }
  return input.moves.length > 0
}

/**
 * Takes back the refunded share of an order's commission: credited × refunded / total, less
 * what earlier refunds of this order already took back. Keyed by the cumulative refunded amount,
 * which only grows: a replayed or late refund event finds its level posted or below what was
 * already taken, and posts nothing. Taken from PENDING while the order has not been earned,
 * otherwise from EARNED (carried into the next payout when it was already paid).
 */
export async function reverseRefunded(
  tx: Tx,
  order: { id: number; totalCents: number },
  refundedCents: number,
): Promise<void> {
  if (refundedCents <= 0 || order.totalCents <= 0) return
  const orderId = order.id
  const share = Math.min(refundedCents, order.totalCents)
  const eventKey = `refund:${orderId}:${share}`
  if ((await posted(tx, eventKey)) || (await posted(tx, `reversal:${orderId}`))) return
  const entries = await tx.commissionEntry.findMany({
    where: { orderId, event: { in: ['CREDIT', 'REVERSAL'] } },
    select: { repId: true, event: true, amountCents: true },
  })
  const balances = await orderBalances(tx, orderId)
  const reps = [...new Set(entries.map((entry) => entry.repId))]
  let first = true
  for (const repId of reps) {
    const mine = entries.filter((entry) => entry.repId === repId)
    const credited = mine.filter((e) => e.event === 'CREDIT').reduce((s, e) => s + e.amountCents, 0)
    const reversed = -mine
      .filter((e) => e.event === 'REVERSAL')
      .reduce((s, e) => s + e.amountCents, 0)
    const due = Math.round((credited * share) / order.totalCents) - reversed
    if (due <= 0) continue
    const pending = balances.find((b) => b.repId === repId && b.bucket === 'PENDING')?.cents ?? 0
    const fromPending = Math.min(due, Math.max(pending, 0))
    const moves = [
      { bucket: 'PENDING' as const, amountCents: -fromPending },
      { bucket: 'EARNED' as const, amountCents: -(due - fromPending) },
    ].filter((move) => move.amountCents !== 0)
    if (await postReversal(tx, { eventKey, first, repId, orderId, moves })) first = false
  }
}

/**
 * What each rep could be paid now: EARNED balances per order or contest prize (negative ones are
 * carried), so a payout line says what it pays.
 */
export async function payoutPreview(db: Db = prisma) {
  const rows = await db.commissionEntry.groupBy({
    by: ['repId', 'orderId', 'contestId'],
    where: { bucket: 'EARNED' },
    _sum: { amountCents: true },
  })
  type Item = { orderId: number | null; contestId: string | null; cents: number }
  const byRep = new Map<string, Item[]>()
  for (const row of rows) {
    const cents = row._sum.amountCents ?? 0
    if (cents === 0) continue
    const item = { orderId: row.orderId, contestId: row.contestId, cents }
    byRep.set(row.repId, [...(byRep.get(row.repId) ?? []), item])
  }
  // A rep whose reversals outweigh what they earned is paid nothing now; the balance carries.
  return [...byRep]
    .map(([repId, items]) => ({ repId, items, totalCents: items.reduce((s, i) => s + i.cents, 0) }))
    .filter((rep) => rep.totalCents > 0)
}

/** Closes a payout batch: every positive EARNED balance moves to PAID, in one transaction. */
export async function closePayout(actorId: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const reps = await payoutPreview(tx)
    const totalCents = reps.reduce((sum, rep) => sum + rep.totalCents, 0)
    if (!reps.length) return null
    const batch = await tx.payoutBatch.create({
      data: { closedAt: now, closedById: actorId, totalCents },
      select: { id: true },
    })
    // Two entries per rep and order, 100 rows a statement (SQLite caps the parameters).
    const rows = reps.flatMap((rep) =>
      rep.items.flatMap((item) => {
        const what =
          item.orderId ?? (item.contestId !== null ? `contest-${item.contestId}` : 'carry')
        const key = `payout:${batch.id}:${rep.repId}:${what}`
        const entry = {
          repId: rep.repId,
          orderId: item.orderId,
          contestId: item.contestId,
          payoutBatchId: batch.id,
          event: 'PAYOUT' as const,
          createdAt: now,
        }
        return [
          {
            ...entry,
            eventKey: `${key}:from`,
            bucket: 'EARNED' as const,
            amountCents: -item.cents,
          },
          { ...entry, eventKey: key, bucket: 'PAID' as const, amountCents: item.cents },
        ]
      }),
    )
    for (let i = 0; i < rows.length; i += 100) {
      await tx.commissionEntry.createMany({ data: rows.slice(i, i + 100) })
    }
    return { id: batch.id, totalCents, reps: reps.length }
  })
}

/**
 * Earns the share of an order's commission that instalment `number` (1-based, of the order's
 * schedule `amounts`) stands for, once, when its payment is recorded at `at` ("comissão na
 * liquidez"). Nothing after the whole order was earned or reversed; never more than the rep
 * still has pending on the order (a partial refund took some back). Returns the cents earned.
 */
export async function earnInstalment(
  tx: Tx,
  order: { id: number; number: number; amounts: readonly number[] },
  at = new Date(),
): Promise<number> {
  const orderId = order.id
  const eventKey = `earn:${orderId}:${order.number}`
  if ((await posted(tx, `earn:${orderId}`)) || (await posted(tx, `reversal:${orderId}`))) return 0
  const credits = await tx.commissionEntry.groupBy({
    by: ['repId'],
    where: { orderId, event: 'CREDIT' },
    _sum: { amountCents: true },
  })
  const balances = await orderBalances(tx, orderId)
  let earned = 0
  for (const credit of credits) {
    const repKey = `${eventKey}:${credit.repId}`
    if (await posted(tx, repKey)) continue
    const share = instalmentShares(credit._sum.amountCents ?? 0, order.amounts)[order.number - 1]
    const pending =
      balances.find((b) => b.repId === credit.repId && b.bucket === 'PENDING')?.cents ?? 0
    const cents = Math.min(share ?? 0, pending)
    if (cents <= 0) continue
    await moveToEarned(tx, {
      eventKey: repKey,
      repId: credit.repId,
      orderId,
      cents,
      at,
      instalment: order.number,
    })
    earned += cents
  }
  return earned
}
