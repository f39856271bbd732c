/**
 * Instalments the customer paid, as the manager records them, and the commission each one
 * earns when the deployment pays commission as customers pay ("comissão na liquidez").
 */
import { audit } from '~/domain/audit/audit.server'
import { instalmentSchedule } from '~/domain/pricing/instalments'
import { isUniqueViolation, prisma, type Tx } from '~/utils/db.server'
import { DAY_MS } from '~/utils/dates'
import { type InstalmentPaymentInput } from './instalment-commission'
import { earnInstalment, earnOrder } from './ledger.server'

type Db = Tx | typeof prisma

/**
 * Whether this order's commission waits for its instalments to be paid: the setting is on and
 * the order is on terms (an order paid online is paid whole, and earns when it is).
 */
export async function earnsOnPayment(
  order: { paymentMethod: string },
  db: Db = prisma,
): Promise<boolean> {
  if (order.paymentMethod !== 'TERMS') return false
  const settings = await db.appSettings.findUnique({
    where: { id: 1 },
    select: { commissionOnPayment: true },
  })
  return settings?.commissionOnPayment ?? false
}

/**
 * An order's first earning step (invoiced, shipped, delivered) decides how it earns, once: with
 * the setting on, an order on terms is marked to earn per paid instalment and earns nothing now;
 * otherwise it earns everything now. An order already marked stays so whatever the setting says
 * later, so turning the setting off never strands a part-earned order, and turning it on never
 * earns an order twice (its whole-order earn is already posted).
 */
export async function earnOrWaitForInstalments(tx: Tx, orderId: number, at: Date) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { paymentMethod: true, commissionPerInstalment: true },
  })
  if (order.commissionPerInstalment) return
  if (await earnsOnPayment(order, tx)) {
    await tx.order.update({ where: { id: orderId }, data: { commissionPerInstalment: true } })
    return
  }
  await earnOrder(tx, orderId, at)
}

export type RecordPaymentResult =
  | { ok: true; earnedCents: number }
  | {
      ok: false
      code:
        | 'NOT_FOUND'
        | 'NOT_ON_TERMS'
        | 'NOT_INVOICED'
        | 'CANCELLED'
        | 'UNKNOWN'
        | 'BAD_DATE'
        | 'ALREADY_PAID'
    }

// A boleto is issued with the invoice: an instalment is paid once the order is invoiced.
const INVOICED = ['INVOICED', 'SHIPPED', 'DELIVERED'] as const

/**
 * What the order's page says about its instalments: whether the order earns per paid
 * instalment (decided at its first earning step, or will be while still before it), and
 * whether payments can be recorded yet (once invoiced).
 */
export async function instalmentRecording(order: {
  status: string
  paymentMethod: string
  commissionPerInstalment: boolean
}) {
  const invoiced = (INVOICED as readonly string[]).includes(order.status)
  const beforeEarning = order.status === 'PLACED' || order.status === 'CONFIRMED'
  return {
    invoiced,
    onPayment: order.commissionPerInstalment || (beforeEarning && (await earnsOnPayment(order))),
  }
}

/**
 * Records that instalment `number` of an invoiced order on terms was paid on `paidOn` (a day
 * between the order's and today), once, audited; an order that earns per paid instalment earns
 * its share of the commission in the same transaction. The order's row is claimed first, so a
 * cancellation at the same moment waits for this and then reverses what it earned (or this finds
 * the order cancelled).
 */
export async function recordInstalmentPayment(
  actorId: string,
  orderId: number,
  input: InstalmentPaymentInput,
  now = new Date(),
): Promise<RecordPaymentResult> {
  try {
    return await prisma.$transaction(async (tx) => {
      const claimed = await tx.order.updateMany({
        where: { id: orderId, paymentMethod: 'TERMS', status: { in: [...INVOICED] } },
        data: { paymentMethod: 'TERMS' },
      })
      const order = await tx.order.findUnique({
        where: { id: orderId },
        select: {
          id: true,
          status: true,
          paymentMethod: true,
          paymentTermCode: true,
          termExtraDays: true,
          totalCents: true,
          placedAt: true,
          commissionPerInstalment: true,
        },
      })
      if (!order) return { ok: false, code: 'NOT_FOUND' } as const
      if (order.paymentMethod !== 'TERMS') return { ok: false, code: 'NOT_ON_TERMS' } as const
      if (order.status === 'CANCELLED') return { ok: false, code: 'CANCELLED' } as const
      if (claimed.count === 0) return { ok: false, code: 'NOT_INVOICED' } as const
      // An order on terms: its term's instalments, as the order pages show them.
      const schedule = instalmentSchedule({
        totalCents: order.totalCents,
        termCode: order.paymentTermCode,
        extraDays: order.termExtraDays,
        placedAt: order.placedAt,
      })
      const instalment = schedule[input.number - 1]
      if (!instalment) return { ok: false, code: 'UNKNOWN' } as const
      // The day typed is its first moment in Brasília: it may be the order's own day, not later
      // than today.
      if (
        input.paidOn.getTime() + DAY_MS <= order.placedAt.getTime() ||
        input.paidOn.getTime() > now.getTime()
      )
        return { ok: false, code: 'BAD_DATE' } as const
      const existing = await tx.instalmentPayment.findUnique({
        where: { orderId_number: { orderId, number: input.number } },
        select: { number: true },
      })
      if (existing) return { ok: false, code: 'ALREADY_PAID' } as const
      await tx.instalmentPayment.create({
        data: {
          orderId,
          number: input.number,
          amountCents: instalment.amountCents,
          paidAt: input.paidOn,
          recordedById: actorId,
        },
      })
      const earnedCents = order.commissionPerInstalment
        ? await earnInstalment(
            tx,
            { id: orderId, number: input.number, amounts: schedule.map((i) => i.amountCents) },
            now,
          )
        : 0
      await audit(tx, {
        actorId,
        action: 'order.instalmentPaid',
        entity: 'Order',
        entityId: String(orderId),
        changes: {
          instalment: input.number,
          amountCents: instalment.amountCents,
          paidOn: input.paidOn.toISOString(),
          commissionEarnedCents: earnedCents,
        },
      })
      return { ok: true, earnedCents } as const
    })
  } catch (error) {
    // Two people recording the same instalment at once: the second finds it recorded.
    if (isUniqueViolation(error)) return { ok: false, code: 'ALREADY_PAID' }
    throw error
  }
}

/** The instalments recorded as paid on an order, by number. */
export async function instalmentPayments(orderId: number) {
  return prisma.instalmentPayment.findMany({
    where: { orderId },
    orderBy: { number: 'asc' },
    select: { number: true, amountCents: true, paidAt: true },
  })
}
