/**
 * Which rep a reactivation counts for, the one rule monthly goals and contests share, as the
 * ledger credits it: the rep of the reactivating order (none for an order without a rep), the
 * account's rep only when the order is gone; a cancelled order reactivated nothing.
 */
import type { prisma } from '~/utils/db.server'
import { type Tx } from '~/utils/db.server'

type Db = Tx | typeof prisma

export type CreditedReactivation = {
  accountId: string
  repId: string
  reactivatedAt: Date
  orderId: number | null
}

/** Reactivations dated in [start, end), each with the rep it counts for (one rep, or any). */
export async function creditedReactivations(
  db: Db,
  { start, end }: { start: Date; end: Date },
  repId: string | null = null,
): Promise<CreditedReactivation[]> {
  const reactivations = await db.reactivation.findMany({
    where: { reactivatedAt: { gte: start, lt: end } },
    select: {
      accountId: true,
      reactivatedAt: true,
      orderId: true,
      account: { select: { repId: true } },
    },
  })
  const orderIds = reactivations.flatMap((r) => (r.orderId === null ? [] : [r.orderId]))
  const orders = new Map(
    (
      await db.order.findMany({
        where: { id: { in: orderIds } },
        select: { id: true, repId: true, status: true },
      })
    ).map((order) => [order.id, order]),
  )
  return reactivations.flatMap((reactivation) => {
    const order = reactivation.orderId !== null ? orders.get(reactivation.orderId) : undefined
    if (order?.status === 'CANCELLED') return []
    const rep = order ? order.repId : reactivation.account.repId
    if (!rep || (repId && rep !== repId)) return []
    return [
      {
        accountId: reactivation.accountId,
        repId: rep,
        reactivatedAt: reactivation.reactivatedAt,
        orderId: reactivation.orderId,
      },
    ]
  })
}
