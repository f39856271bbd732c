import { type PaymentStatus } from '@prisma/client'

export type StripePaymentFacts = {
  paidAt: Date | string | null
  refundedCents: number
  failureMessage: string | null
}

/**
 * An order's payment status from what Stripe has told us so far. Derived rather than set by each
 * event, so events applied in any order end in the same status: a refund that arrives before the
 * payment's own event still reads as refunded, and a failure after a success does not undo it.
 */
export function stripePaymentStatus(totalCents: number, facts: StripePaymentFacts): PaymentStatus {
  if (facts.refundedCents > 0) {
    return facts.refundedCents >= totalCents ? 'REFUNDED' : 'PARTIALLY_REFUNDED'
  }
  if (facts.paidAt) return 'PAID'
  return facts.failureMessage ? 'FAILED' : 'PENDING'
}

/** What can still be refunded on an order paid with Stripe. */
export function refundableCents(totalCents: number, facts: StripePaymentFacts): number {
  if (!facts.paidAt) return 0
  return Math.max(totalCents - facts.refundedCents, 0)
}

/** Payment methods the back office can offer at Stripe Checkout (those Stripe supports in BRL). */
export const STRIPE_METHODS = ['card', 'boleto', 'pix'] as const
export type StripeMethod = (typeof STRIPE_METHODS)[number]

export function parseStripeMethods(value: string): StripeMethod[] {
  const chosen = value.split(',').map((item) => item.trim())
  const methods = STRIPE_METHODS.filter((method) => chosen.includes(method))
  return methods.length ? methods : ['card']
}

/** Stripe's refund statuses, as stored on Refund.status. */
export const REFUND_STATUSES = [
  'pending',
  'requires_action',
  'succeeded',
  'failed',
  'canceled',
] as const
export type RefundStatus = (typeof REFUND_STATUSES)[number]

export function isRefundStatus(value: string): value is RefundStatus {
  return (REFUND_STATUSES as readonly string[]).includes(value)
}
