import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { parseStripeMethods, payNowRefusal, type PayNowRefusal } from './payment-state'
import { stripeConfig } from './stripe.server'

export type StartPaymentResult =
  | { ok: true; url: string }
  | { ok: false; code: 'NOT_FOUND' | PayNowRefusal | 'UNAVAILABLE' }

// A session about to expire is not handed out: the buyer needs time to pay.
const MIN_SESSION_LIFE_MS = 10 * 60 * 1000

/**
 * The Stripe Checkout page for an order the account placed with pay now. The order exists
 * first; the session is tied to it by metadata and by an idempotency key made of the order id
 * and the attempt number, so a reload, the back button or a retry gets the same session and
 * never a second charge. A new session (next attempt) is made only once the last one expired.
 */
export async function startStripeCheckout(input: {
  orderId: number
  accountId: string
  now?: Date
}): Promise<StartPaymentResult> {
  const now = input.now ?? new Date()
  const order = await prisma.order.findFirst({
    where: { id: input.orderId, accountId: input.accountId },
    select: {
      id: true,
      status: true,
      paymentMethod: true,
      totalCents: true,
      currency: true,
      placedBy: { select: { email: true } },
      stripePayment: true,
    },
  })
  if (!order) return { ok: false, code: 'NOT_FOUND' }
  const refusal = payNowRefusal(order)
  if (refusal) return { ok: false, code: refusal }
  const payment = order.stripePayment
  if (
    payment?.sessionUrl &&
    payment.sessionExpiresAt &&
    payment.sessionExpiresAt.getTime() - now.getTime() > MIN_SESSION_LIFE_MS
  ) {
    return { ok: true, url: payment.sessionUrl }
  }

  const stripe = stripeConfig()
  if (!stripe) return { ok: false, code: 'UNAVAILABLE' }
  const settings = await prisma.appSettings.findUnique({ where: { id: 1 } })
  const attempt = payment?.sessionId ? payment.attempt + 1 : 0
  const orderUrl = new URL(`/orders/${order.id}`, env().APP_URL)
  const metadata = { orderId: String(order.id) }
  let session
  try {
    // Everything sent is derived from the order, so a retry with the same key sends the same
    // parameters (Stripe refuses a reused key with different ones).
    session = await stripe.client.checkout.sessions.create(
      {
        mode: 'payment',
        // A filter on the methods the Stripe account has enabled: boleto and PIX show where it has them.
        allowed_payment_method_types: parseStripeMethods(settings?.stripePaymentMethods ?? 'card'),
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: order.currency.toLowerCase(),
              unit_amount: order.totalCents,
              // The company's name (settings). A rename between two tries of one attempt would
              // make Stripe refuse the retry; the next attempt, under a new key, goes through.
              product_data: { name: `${settings?.companyName ?? 'Reativa'} #${order.id}` },
            },
          },
        ],
        client_reference_id: String(order.id),
        customer_email: order.placedBy?.email,
        metadata,
        payment_intent_data: { metadata },
        success_url: `${orderUrl.href}?payment=success`,
        cancel_url: `${orderUrl.href}?payment=cancelled`,
      },
      { idempotencyKey: `reativa-order-${order.id}-checkout-${attempt}` },
    )
  } catch (error) {
    console.error(`Order ${order.id}: Stripe Checkout session could not be created`, error)
    return { ok: false, code: 'UNAVAILABLE' }
  }
  if (!session.url) return { ok: false, code: 'UNAVAILABLE' }
  const sessionFields = {
    sessionId: session.id,
    sessionUrl: session.url,
    sessionExpiresAt: new Date(session.expires_at * 1000),
    attempt,
  }
  await prisma.stripePayment.upsert({
    where: { orderId: order.id },
    create: { orderId: order.id, ...sessionFields },
    update: sessionFields,
  })
  return { ok: true, url: session.url }
}
