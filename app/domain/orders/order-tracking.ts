/**
 * An order's way from placed to delivered: which moves the back office may make, what each
 * needs (an invoice number to invoice, a tracking code to ship), why a move is refused, and the
 * timeline the buyer sees. Pure and browser-safe: the admin form (order-tracking-form.ts), its
 * action and the order pages share it.
 */
import { type OrderStatus } from '@prisma/client'

/** The steps of a normal order, in order (CANCELLED ends it off this path). */
export const TRACKING_STEPS = ['PLACED', 'CONFIRMED', 'INVOICED', 'SHIPPED', 'DELIVERED'] as const

/**
 * Forward moves only. Confirming is optional (an order may be invoiced straight away); an order
 * is cancelled at the latest once invoiced, never once it left the warehouse.
 */
const NEXT: Record<OrderStatus, OrderStatus[]> = {
  PLACED: ['CONFIRMED', 'INVOICED', 'CANCELLED'],
  CONFIRMED: ['INVOICED', 'CANCELLED'],
  INVOICED: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
}

/** A value read back from JSON (an import's preview) that is an order status. */
export function isOrderStatus(value: unknown): value is OrderStatus {
  return value === 'CANCELLED' || TRACKING_STEPS.includes(value as (typeof TRACKING_STEPS)[number])
}

export function nextStatuses(status: OrderStatus): OrderStatus[] {
  return NEXT[status]
}

/** Why a move is refused, as the back office is told. */
export type TransitionRefusal =
  | 'SAME' // the order is already there
  | 'CLOSED' // delivered or cancelled: nothing follows
  | 'BACKWARD' // the order is past that step
  | 'SKIPS' // a step in between is missing (shipped before invoiced)
  | 'NOT_CANCELLABLE' // shipped: on its way, it can no longer be cancelled

export function transitionRefusal(from: OrderStatus, to: OrderStatus): TransitionRefusal | null {
  if (NEXT[from].includes(to)) return null
  if (from === to) return 'SAME'
  if (from === 'DELIVERED' || from === 'CANCELLED') return 'CLOSED'
  if (to === 'CANCELLED') return 'NOT_CANCELLABLE'
  const rank = (status: OrderStatus) =>
    TRACKING_STEPS.indexOf(status as (typeof TRACKING_STEPS)[number])
  return rank(to) < rank(from) ? 'BACKWARD' : 'SKIPS'
}

export const MAX_INVOICE_NUMBER = 40
export const MAX_TRACKING_CODE = 60

/** The statuses the back office may set (an order is PLACED only by being placed). */
export const SETTABLE_STATUSES = [
  'CONFIRMED',
  'INVOICED',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
] as const

export type TimelineStep = {
  status: OrderStatus
  /** When the order reached it; null when not (yet), or when it was passed over. */
  at: Date | string | null
  reached: boolean
  /** The invoice number of INVOICED, the tracking code of SHIPPED. */
  detail: string | null
}

/**
 * The order's timeline as the buyer and the back office see it: placed (at placedAt), then each
 * later step with when it was reached. A step passed over (invoiced without confirming) counts
 * as reached, without a date. A cancelled order ends with its cancellation.
 */
export function orderTimeline(order: {
  status: OrderStatus
  placedAt: Date | string
  invoiceNumber: string | null
  trackingCode: string | null
  statusEvents: { status: OrderStatus; at: Date | string }[]
}): TimelineStep[] {
  const when = new Map(order.statusEvents.map((event) => [event.status, event.at]))
  const reachedSteps = order.statusEvents
    .map((event) => TRACKING_STEPS.indexOf(event.status as (typeof TRACKING_STEPS)[number]))
    .concat(TRACKING_STEPS.indexOf(order.status as (typeof TRACKING_STEPS)[number]), 0)
  const furthest = Math.max(...reachedSteps)
  const steps: TimelineStep[] = TRACKING_STEPS.map((status, index) => ({
    status,
    at: status === 'PLACED' ? order.placedAt : (when.get(status) ?? null),
    reached: index <= furthest,
    detail:
      status === 'INVOICED'
        ? order.invoiceNumber
        : status === 'SHIPPED'
          ? order.trackingCode
          : null,
  }))
  if (order.status !== 'CANCELLED') return steps
  return [
    ...steps.filter((step) => step.reached),
    { status: 'CANCELLED', at: when.get('CANCELLED') ?? null, reached: true, detail: null },
  ]
}
