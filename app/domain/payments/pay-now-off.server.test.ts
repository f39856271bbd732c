import crypto from 'node:crypto'
import { checkoutAsShown, createBuyer, createProduct, putInCart } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { startStripeCheckout } from './checkout.server'
import { stripeEnabled } from './stripe.server'
import { handleStripeWebhook } from './webhook.server'

// No Stripe settings in this file: pay now is off and everything else works.
describe('without Stripe keys', () => {
  it('hides pay now, refuses it at checkout without writing, and still takes orders on terms', async () => {
    expect(stripeEnabled()).toBe(false)
    const { account, user } = await createBuyer()
    const product = await createProduct({ listPriceCents: 5_000 })
    await putInCart(account.id, [{ productId: product.id, quantity: 2 }])
    const base = { accountId: account.id, userId: user.id }

    const refused = await checkoutAsShown({
      ...base,
      idempotencyKey: crypto.randomUUID(),
      paymentMethod: 'STRIPE',
    })
    expect(refused).toEqual({ ok: false, code: 'PAY_NOW_UNAVAILABLE' })
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(0)
    expect(await prisma.cartItem.count({ where: { cart: { accountId: account.id } } })).toBe(1)

    const onTerms = await checkoutAsShown({
      ...base,
      idempotencyKey: crypto.randomUUID(),
      paymentTermCode: '28',
    })
    expect(onTerms.ok).toBe(true)
    if (!onTerms.ok) return
    expect(await startStripeCheckout({ orderId: onTerms.orderId, accountId: account.id })).toEqual({
      ok: false,
      code: 'NOT_STRIPE',
    })
  })

  it('answers webhooks 503 so Stripe retries once the endpoint is configured', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect((await handleStripeWebhook('{}', 't=1,v1=x')).status).toBe(503)
    logged.mockRestore()
  })
})
