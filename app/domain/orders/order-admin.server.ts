/**
 * The back office's side of an order: its page, and the status changes along
 * PLACED → CONFIRMED → INVOICED → SHIPPED → DELIVERED (or CANCELLED), which move the rep's
 * commission in the ledger.
 */
import { type OrderStatus } from '@prisma/client'
import { prisma, type Tx } from '~/utils/db.server'
import { wake } from '~/utils/wake.server'
import { audit } from '~/domain/audit/audit.server'
import { reverseOrder } from '~/domain/commission/ledger.server'
import { earnOrWaitForInstalments } from '~/domain/commission/instalment-payments.server'
import { orderHeaderSelect, orderLineSelect } from './order-history.server'
import { orderUpdateEmail, queueRenderedEmail } from './order-notifications.server'
import { transitionRefusal, type TransitionRefusal } from './order-tracking'

export type StatusChangeResult =
  | { ok: true }
  | { ok: false; code: 'NOT_FOUND' }
  | { ok: false; code: 'NOT_ALLOWED'; refusal: TransitionRefusal }
  | { ok: false; code: 'INVOICE_REQUIRED' | 'TRACKING_REQUIRED' }

/**
 * Moves an order one step along its way (order-tracking.ts says which moves exist), with the
 * invoice number when invoicing and the tracking code when shipping. In one transaction: the
 * status (only if it is still the one read, so two people moving the same order make one
 * move), the timeline's row, the commission (invoicing earns it, cancelling reverses it, also
 * after payout), the audit row, and the buyer's email in the outbox unless they turned order
 * updates off. A refused move changes nothing and says why.
 */
export async function setOrderStatus(
  actorId: string,
  orderId: number,
  change: { status: OrderStatus; invoiceNumber?: string | null; trackingCode?: string | null },
  now = new Date(),
): Promise<StatusChangeResult> {
  const { status } = change
  const invoiceNumber = change.invoiceNumber?.trim() || null
  const trackingCode = change.trackingCode?.trim() || null
  if (status === 'INVOICED' && !invoiceNumber) return { ok: false, code: 'INVOICE_REQUIRED' }
  if (status === 'SHIPPED' && !trackingCode) return { ok: false, code: 'TRACKING_REQUIRED' }
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: {
      status: true,
      invoiceNumber: true,
      trackingCode: true,
      placedBy: {
        select: { email: true, name: true, locale: true, active: true, orderUpdateEmails: true },
      },
    },
  })
  if (!order) return { ok: false, code: 'NOT_FOUND' }
  const refusal = transitionRefusal(order.status, status)
  if (refusal) return { ok: false, code: 'NOT_ALLOWED', refusal }
  // Rendered before the transaction, so the write lock is not held while React renders.
  const email = await orderUpdateEmail(orderId, order.placedBy, {
    status,
    invoiceNumber: status === 'INVOICED' ? invoiceNumber : order.invoiceNumber,
    trackingCode: status === 'SHIPPED' ? trackingCode : order.trackingCode,
  })
  const moved = await prisma.$transaction(async (tx) => {
    if (
      !(await moveInTx(tx, {
        actorId,
        orderId,
        from: order,
        status,
        invoiceNumber,
        trackingCode,
        at: now,
      }))
    )
      return false
    if (email) await queueRenderedEmail(tx, email)
    return true
  })
  if (!moved) {
    // Someone else moved it meanwhile: judged again against where it is now.
    const current = await prisma.order.findUnique({
      where: { id: orderId },
      select: { status: true },
    })
    if (!current) return { ok: false, code: 'NOT_FOUND' }
    return {
      ok: false,
      code: 'NOT_ALLOWED',
      refusal: transitionRefusal(current.status, status) ?? 'SAME',
    }
  }
  wake('outbox')
  return { ok: true }
}

type Moving = { status: OrderStatus; invoiceNumber: string | null; trackingCode: string | null }

/**
 * One move inside the caller's transaction: the status (only if it is still `from`, so two
 * people moving the same order make one move), the timeline's row, the commission (invoicing
 * earns it unless it is earned per paid instalment, cancelling reverses it, also after payout)
 * and the audit row. False when the order
 * was no longer where it was read.
 */
async function moveInTx(
  tx: Tx,
  move: {
    actorId: string
    orderId: number
    from: Moving
    status: OrderStatus
    invoiceNumber: string | null
    trackingCode: string | null
    /** When the move is made: the audit row and the ledger's entries. */
    at: Date
    /** When the timeline says the order got there, if not `at` (the ERP's date of it). */
    eventAt?: Date
    /** The import that moved it, for the audit. */
    importBatchId?: string
  },
): Promise<boolean> {
  const { orderId, from, status, at } = move
  const updated = await tx.order.updateMany({
    where: { id: orderId, status: from.status },
    data: {
      status,
      ...(status === 'INVOICED' ? { invoiceNumber: move.invoiceNumber } : {}),
      ...(status === 'SHIPPED' ? { trackingCode: move.trackingCode } : {}),
    },
  })
  if (updated.count === 0) return false
  await tx.orderStatusEvent.create({
    data: { orderId, status, actorId: move.actorId, at: move.eventAt ?? at },
  })
  if (status === 'CANCELLED') await reverseOrder(tx, orderId, at)
  else if (status !== 'CONFIRMED') await earnOrWaitForInstalments(tx, orderId, at)
  await audit(tx, {
    at,
    actorId: move.actorId,
    action: 'order.status',
    entity: 'Order',
    entityId: String(orderId),
    changes: {
      status: [from.status, status],
      ...(status === 'INVOICED' ? { invoiceNumber: [from.invoiceNumber, move.invoiceNumber] } : {}),
      ...(status === 'SHIPPED' ? { trackingCode: [from.trackingCode, move.trackingCode] } : {}),
      ...(move.importBatchId ? { importBatch: move.importBatchId } : {}),
    },
  })
  return true
}

/**
 * Where the ERP says a portal order stands (an order-statuses import, erp-status.ts): the steps
 * that take it there from where the portal had it, with the invoice number and the tracking code
 * the file gave, and when the ERP says it happened (`at`: the timeline's date, never before the
 * order's latest step; the audit and the ledger are dated when the import writes).
 */
export type ErpMove = {
  orderId: number
  from: OrderStatus
  steps: OrderStatus[]
  invoiceNumber: string | null
  trackingCode: string | null
  at: Date
}

/**
 * The buyers' emails for these moves, rendered before the transaction that makes them: one per
 * order, for the step it ends on (a buyer whose order went from placed to delivered in the ERP
 * hears that it was delivered, not three emails at once).
 */
export async function prepareErpMoves(moves: readonly ErpMove[]) {
  const orders = await prisma.order.findMany({
    where: { id: { in: moves.map((move) => move.orderId) } },
    select: {
      id: true,
      invoiceNumber: true,
      trackingCode: true,
      placedAt: true,
      statusEvents: { orderBy: { at: 'desc' }, take: 1, select: { at: true } },
      placedBy: {
        select: { email: true, name: true, locale: true, active: true, orderUpdateEmails: true },
      },
    },
  })
  const byId = new Map(orders.map((order) => [order.id, order]))
  const prepared = []
  for (const move of moves) {
    const order = byId.get(move.orderId)
    if (!order) continue
    // The file's numbers are the order's only where the moves set them.
    const invoiceNumber = move.steps.includes('INVOICED') ? move.invoiceNumber : order.invoiceNumber
    const trackingCode = move.steps.includes('SHIPPED') ? move.trackingCode : order.trackingCode
    const email = await orderUpdateEmail(move.orderId, order.placedBy, {
      status: move.steps.at(-1)!,
      invoiceNumber,
      trackingCode,
    })
    const latest = order.statusEvents[0]?.at ?? order.placedAt
    const eventAt = new Date(Math.max(move.at.getTime(), latest.getTime() + 1))
    prepared.push({ ...move, eventAt, current: order, email })
  }
  return prepared
}

/**
 * Makes the prepared moves inside the caller's transaction (an import's step), each order only
 * if it is still where the file was judged against; returns how many orders moved.
 */
export async function applyErpMoves(
  tx: Tx,
  actorId: string,
  importBatchId: string,
  moves: Awaited<ReturnType<typeof prepareErpMoves>>,
  now = new Date(),
): Promise<number> {
  let moved = 0
  for (const move of moves) {
    let from: Moving = {
      status: move.from,
      invoiceNumber: move.current.invoiceNumber,
      trackingCode: move.current.trackingCode,
    }
    let whole = true
    for (const [index, status] of move.steps.entries()) {
      const step = {
        status,
        invoiceNumber: status === 'INVOICED' ? move.invoiceNumber : from.invoiceNumber,
        trackingCode: status === 'SHIPPED' ? move.trackingCode : from.trackingCode,
      }
      // A millisecond apart, so the timeline keeps the steps in their order.
      const eventAt = new Date(move.eventAt.getTime() + index)
      const ok = await moveInTx(tx, {
        actorId,
        orderId: move.orderId,
        from,
        ...step,
        at: now,
        eventAt,
        importBatchId,
      })
      if (!ok) {
        whole = false
        break
      }
      from = step
    }
    if (!whole) continue
    if (move.email) await queueRenderedEmail(tx, move.email)
    moved++
  }
  return moved
}

export async function getAdminOrder(orderId: number) {
  return prisma.order.findUnique({
    where: { id: orderId },
    select: {
      ...orderHeaderSelect,
      commissionPerInstalment: true,
      stripePayment: {
        select: { paidAt: true, refundedCents: true, failureMessage: true, paymentIntentId: true },
      },
      refunds: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, createdAt: true, amountCents: true, status: true, reason: true },
      },
      account: { select: { id: true, tradeName: true } },
      rep: { select: { code: true, name: true } },
      placedBy: { select: { name: true } },
      lines: { orderBy: { sku: 'asc' }, select: { ...orderLineSelect, commissionBps: true } },
      commissionEntries: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          createdAt: true,
          event: true,
          bucket: true,
          amountCents: true,
          instalment: true,
        },
      },
      instalmentPayments: {
        orderBy: { number: 'asc' },
        select: { number: true, paidAt: true },
      },
    },
  })
}
