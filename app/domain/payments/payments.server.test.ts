import crypto from 'node:crypto'
import { afterAll, beforeAll, vi } from 'vitest'
import { createBuyer, createRep, orderProduct } from '#tests/fixtures/factories'
import { startFakeStripe, type FakeStripe } from '#tests/support/fake-stripe'
import {
  chargeRefunded,
  checkoutCompleted,
  paymentFailed,
  signed,
  stripeEvent,
} from '#tests/support/stripe-events'
import { prisma } from '~/utils/db.server'
import { startStripeCheckout } from './checkout.server'
import { refundOrder } from './refunds.server'
import { handleStripeWebhook } from './webhook.server'
import { repBalances } from '~/domain/commission/statement.server'

const WEBHOOK_SECRET = 'whsec_test_payments_suite'
// Settings are read on first use: set them before anything reads them.
const stripePort = 12_300 + Number(process.env.VITEST_POOL_ID ?? 0)
vi.hoisted(() => {
  process.env.STRIPE_SECRET_KEY = 'sk_test_reativa_suite'
  process.env.STRIPE_WEBHOOK_SECRET = 'whsec_test_payments_suite'
  process.env.STRIPE_API_URL = `http://127.0.0.1:${12_300 + Number(process.env.VITEST_POOL_ID ?? 0)}`
})

let fake: FakeStripe
beforeAll(async () => {
  fake = await startFakeStripe(stripePort)
})
afterAll(() => fake.close())

/** A pay-now order of R$ 1.000,00 for a rep at 5 % (R$ 50,00 commission). */
async function payNowOrder() {
  const rep = await createRep({ defaultCommissionBps: 500 })
  const { account, user } = await createBuyer({ repId: rep.id, status: 'ACTIVE' })
  const orderId = await orderProduct({
    accountId: account.id,
    userId: user.id,
    listPriceCents: 10_000,
    quantity: 10,
    checkout: { paymentMethod: 'STRIPE' },
  })
  return { orderId, account, user, rep }
}

async function paidOrder() {
  const placed = await payNowOrder()
  const started = await startStripeCheckout({
    orderId: placed.orderId,
    accountId: placed.account.id,
  })
  if (!started.ok) throw new Error(started.code)
  const sessionId = started.url.split('/').pop()!
  const { paymentIntentId, chargeId } = fake.pay(sessionId)
  const event = checkoutCompleted({
    sessionId,
    orderId: placed.orderId,
    amountTotal: 100_000,
    paymentIntentId,
  })
  return { ...placed, sessionId, paymentIntentId, chargeId, event }
}

const deliver = (event: object, secret = WEBHOOK_SECRET) => {
  const { payload, signature } = signed(event, secret)
  return handleStripeWebhook(payload, signature)
}

const orderState = (orderId: number) =>
  prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { paymentStatus: true, paymentMethod: true, stripePayment: true },
  })

describe('pay now with Stripe Checkout', () => {
  it('places the order first, then opens one session tied to it by metadata and key', async () => {
    const { orderId, account, rep } = await payNowOrder()
    const order = await orderState(orderId)
    expect(order).toMatchObject({ paymentMethod: 'STRIPE', paymentStatus: 'PENDING' })
    // Credited as PENDING like any order; payment will earn it.
    expect(await repBalances(rep.id)).toEqual({ PENDING: 5_000, EARNED: 0, PAID: 0 })

    const first = await startStripeCheckout({ orderId, accountId: account.id })
    expect(first.ok).toBe(true)
    const creates = fake.calls.filter((c) => c.body.client_reference_id === String(orderId))
    expect(creates).toHaveLength(1)
    expect(creates[0]).toMatchObject({
      path: '/v1/checkout/sessions',
      idempotencyKey: `reativa-order-${orderId}-checkout-0`,
      body: {
        mode: 'payment',
        metadata: { orderId: String(orderId) },
        payment_intent_data: { metadata: { orderId: String(orderId) } },
        line_items: [{ price_data: { unit_amount: '100000', currency: 'brl' } }],
      },
    })

    // A reload, the back button or a second click: the same open session, no new call.
    const again = await startStripeCheckout({ orderId, accountId: account.id })
    expect(again).toEqual(first)
    expect(fake.calls.filter((c) => c.body.client_reference_id === String(orderId))).toHaveLength(1)
  })

  it('retries a failed call to Stripe with the same key and gets one session', async () => {
    const { orderId, account } = await payNowOrder()
    fake.failNext(1, 500)
    const started = await startStripeCheckout({ orderId, accountId: account.id })
    expect(started.ok).toBe(true)
    expect(
      [...fake.sessions.values()].filter((s) => s.metadata.orderId === String(orderId)),
    ).toHaveLength(1)
  })

  it('keeps the order when Stripe is down, and the buyer can pay later', async () => {
    const { orderId, account } = await payNowOrder()
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    fake.failNext(3, 503)
    expect(await startStripeCheckout({ orderId, accountId: account.id })).toEqual({
      ok: false,
      code: 'UNAVAILABLE',
    })
    expect(logged).toHaveBeenCalledWith(
      expect.stringContaining(`Order ${orderId}`),
      expect.anything(),
    )
    logged.mockRestore()
    expect((await orderState(orderId)).paymentStatus).toBe('PENDING')
    expect((await startStripeCheckout({ orderId, accountId: account.id })).ok).toBe(true)
  })

  it('makes a new session only once the last one expired', async () => {
    const { orderId, account } = await payNowOrder()
    const first = await startStripeCheckout({ orderId, accountId: account.id })
    const later = new Date(Date.now() + 25 * 3600 * 1000)
    const second = await startStripeCheckout({ orderId, accountId: account.id, now: later })
    expect(first.ok && second.ok && first.url !== second.url).toBe(true)
    expect(
      fake.calls
        .filter((c) => c.body.client_reference_id === String(orderId))
        .map((c) => c.idempotencyKey),
    ).toEqual([`reativa-order-${orderId}-checkout-0`, `reativa-order-${orderId}-checkout-1`])
  })

  it("refuses another account's order, an order on terms and an order already paid", async () => {
    const { orderId } = await payNowOrder()
    const stranger = await createBuyer()
    expect(await startStripeCheckout({ orderId, accountId: stranger.account.id })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    })
    const paid = await paidOrder()
    expect((await deliver(paid.event)).status).toBe(200)
    expect(
      await startStripeCheckout({ orderId: paid.orderId, accountId: paid.account.id }),
    ).toEqual({
      ok: false,
      code: 'ALREADY_PAID',
    })
  })
})

describe('Stripe webhooks', () => {
  it('marks the order paid and the commission earned, once, however often it is replayed', async () => {
    const { orderId, rep, event, paymentIntentId } = await paidOrder()
    expect(await deliver(event)).toEqual({ status: 200, body: 'paid' })
    const paid = await orderState(orderId)
    expect(paid.paymentStatus).toBe('PAID')
    expect(paid.stripePayment).toMatchObject({ paymentIntentId })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 5_000, PAID: 0 })
    const entries = await prisma.commissionEntry.count({ where: { orderId } })

    for (let i = 0; i < 10; i++) {
      expect(await deliver(event)).toEqual({ status: 200, body: 'already processed' })
    }
    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(1)
    expect(await prisma.commissionEntry.count({ where: { orderId } })).toBe(entries)
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 5_000, PAID: 0 })
    // The same payment told again by another event type changes nothing either.
    const succeeded = stripeEvent('payment_intent.succeeded', {
      id: paymentIntentId,
      object: 'payment_intent',
      metadata: { orderId: String(orderId) },
    })
    expect(await deliver(succeeded)).toEqual({ status: 200, body: 'already_paid' })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 5_000, PAID: 0 })
  })

  it('answers 400 to a bad signature or a tampered body and changes nothing', async () => {
    const { orderId, event, rep } = await paidOrder()
    const logged = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect((await deliver(event, 'whsec_someone_else')).status).toBe(400)
    const { signature } = signed(event, WEBHOOK_SECRET)
    const tampered = JSON.stringify({
      ...event,
      data: { object: { ...event.data.object, amount_total: 1 } },
    })
    expect((await handleStripeWebhook(tampered, signature)).status).toBe(400)
    expect((await handleStripeWebhook(JSON.stringify(event), null)).status).toBe(400)
    // Rejections are logged for whoever watches the endpoint.
    expect(logged).toHaveBeenCalledTimes(3)
    logged.mockRestore()
    expect((await orderState(orderId)).paymentStatus).toBe('PENDING')
    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0)
    expect(await repBalances(rep.id)).toEqual({ PENDING: 5_000, EARNED: 0, PAID: 0 })
  })

  it('logs and acknowledges an event for an order it does not know', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const event = checkoutCompleted({
      sessionId: 'cs_test_unknown',
      orderId: 987_654_321,
      amountTotal: 100,
      paymentIntentId: 'pi_test_unknown',
    })
    expect(await deliver(event)).toEqual({ status: 200, body: 'unknown_order' })
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(event.id))
    expect(await prisma.stripeEvent.findUnique({ where: { id: event.id } })).toMatchObject({
      outcome: 'unknown_order',
      orderId: null,
    })
    warn.mockRestore()
  })

  it('ends in the same state whatever order the events arrive in', async () => {
    const inOrder = await paidOrder()
    const refundOf = (paid: Awaited<ReturnType<typeof paidOrder>>) =>
      chargeRefunded({
        chargeId: paid.chargeId,
        paymentIntentId: paid.paymentIntentId,
        amount: 100_000,
        amountRefunded: 100_000,
      })
    const failureOf = (paid: Awaited<ReturnType<typeof paidOrder>>) =>
      paymentFailed({ paymentIntentId: paid.paymentIntentId, orderId: paid.orderId, message: 'x' })
    expect((await deliver(inOrder.event)).body).toBe('paid')
    expect((await deliver(refundOf(inOrder))).body).toBe('refunded')
    expect((await deliver(failureOf(inOrder))).body).toBe('failure_after_paid')

    // The refund first (its intent not yet known here: the order is found through Stripe's
    // payment intent metadata), then a failure, then the payment.
    const reversed = await paidOrder()
    expect((await deliver(refundOf(reversed))).body).toBe('refunded')
    expect((await deliver(failureOf(reversed))).body).toBe('failed')
    expect((await deliver(reversed.event)).body).toBe('paid')

    for (const paid of [inOrder, reversed]) {
      expect((await orderState(paid.orderId)).paymentStatus).toBe('REFUNDED')
      expect(await repBalances(paid.rep.id)).toEqual({ PENDING: 0, EARNED: 0, PAID: 0 })
    }
  })

  it('records a failed attempt, and a later success still pays', async () => {
    const { orderId, paymentIntentId, event } = await paidOrder()
    await deliver(paymentFailed({ paymentIntentId, orderId, message: 'Cartão recusado' }))
    expect(await orderState(orderId)).toMatchObject({
      paymentStatus: 'FAILED',
      stripePayment: { failureMessage: 'Cartão recusado' },
    })
    await deliver(event)
    expect((await orderState(orderId)).paymentStatus).toBe('PAID')
  })
})

describe('refunds from the back office', () => {
  async function staff() {
    return prisma.user.create({
      data: { email: `g-${crypto.randomUUID()}@test.example`, name: 'Gestora', role: 'MANAGER' },
    })
  }

  it('refunds part, then the rest, taking back the same share of the commission', async () => {
    const paid = await paidOrder()
    await deliver(paid.event)
    const actor = await staff()
    const requestKey = crypto.randomUUID()
    const partial = await refundOrder({
      actorId: actor.id,
      orderId: paid.orderId,
      amountCents: 30_000,
      requestKey,
    })
    expect(partial).toMatchObject({ ok: true, status: 'succeeded' })
    expect(await orderState(paid.orderId)).toMatchObject({
      paymentStatus: 'PARTIALLY_REFUNDED',
      stripePayment: { refundedCents: 30_000 },
    })
    // 30 % of R$ 50,00 comes back off EARNED.
    expect(await repBalances(paid.rep.id)).toEqual({ PENDING: 0, EARNED: 3_500, PAID: 0 })

    // A double submit of the same form refunds once, at Stripe and here.
    expect(
      await refundOrder({
        actorId: actor.id,
        orderId: paid.orderId,
        amountCents: 30_000,
        requestKey,
      }),
    ).toEqual(partial)
    expect(fake.charges.get(paid.chargeId)?.amount_refunded).toBe(30_000)
    // Stripe's own charge.refunded for that refund tells the same total: nothing more moves.
    const webhook = chargeRefunded({
      chargeId: paid.chargeId,
      paymentIntentId: paid.paymentIntentId,
      amount: 100_000,
      amountRefunded: 30_000,
    })
    expect((await deliver(webhook)).body).toBe('refund_already_recorded')
    expect(await repBalances(paid.rep.id)).toEqual({ PENDING: 0, EARNED: 3_500, PAID: 0 })

    // More than what is left is refused before Stripe is called.
    const calls = fake.calls.length
    expect(
      await refundOrder({
        actorId: actor.id,
        orderId: paid.orderId,
        amountCents: 70_001,
        requestKey: crypto.randomUUID(),
      }),
    ).toEqual({ ok: false, code: 'AMOUNT_INVALID', maxCents: 70_000 })
    // So is an amount that could not be read from the form.
    expect(
      await refundOrder({
        actorId: actor.id,
        orderId: paid.orderId,
        amountCents: null,
        requestKey: crypto.randomUUID(),
      }),
    ).toEqual({ ok: false, code: 'AMOUNT_INVALID', maxCents: 70_000 })
    expect(fake.calls.length).toBe(calls)

    const rest = await refundOrder({
      actorId: actor.id,
      orderId: paid.orderId,
      amountCents: 70_000,
      requestKey: crypto.randomUUID(),
    })
    expect(rest.ok).toBe(true)
    expect((await orderState(paid.orderId)).paymentStatus).toBe('REFUNDED')
    expect(await repBalances(paid.rep.id)).toEqual({ PENDING: 0, EARNED: 0, PAID: 0 })
    expect(await prisma.refund.count({ where: { orderId: paid.orderId } })).toBe(2)
    expect(
      await prisma.auditLog.count({
        where: { action: 'order.refund', entityId: String(paid.orderId) },
      }),
    ).toBe(2)
  })

  it('refuses to refund an order that is not paid', async () => {
    const { orderId } = await payNowOrder()
    const actor = await staff()
    expect(
      await refundOrder({
        actorId: actor.id,
        orderId,
        amountCents: 100,
        requestKey: crypto.randomUUID(),
      }),
    ).toEqual({ ok: false, code: 'NOT_PAID' })
    expect(await prisma.refund.count({ where: { orderId } })).toBe(0)
  })
})
