/**
 * The guard on checkout's cost (issue 22): placing an order runs a bounded number of SQL
 * statements, counted where the driver adapter runs them (BEGIN and COMMIT included), so a
 * change that reads a table more, or once per line, fails here rather than in production.
 */
import crypto from 'node:crypto'
import {
  checkoutAsShown,
  createBuyer,
  createFamily,
  createOffer,
  createProduct,
  createRep,
  putInCart,
} from '#tests/fixtures/factories'
import { applyCoupon } from './cart-offers.server'
import { getBuyerAccount, loadPricedCart } from './cart.server'
import { placeOrder } from './place-order.server'
import { prisma, queryStats } from '~/utils/db.server'

const TERMS_BUDGET = 15
const COUPON_BUDGET = 18

const statements: string[] = []
prisma.$on('query', (event) => {
  statements.push(event.query)
})

/**
 * A buyer of a rep (with a family rate) who ordered ten days ago (so the account is ACTIVE,
 * with its history), with three products in nested families in the cart.
 */
async function buyerWithCart() {
  const rep = await createRep({ defaultCommissionBps: 300 })
  const parent = await createFamily()
  const child = await createFamily({ parentId: parent.id })
  await prisma.repFamilyRate.create({ data: { repId: rep.id, familyId: parent.id, bps: 500 } })
  const { account, user } = await createBuyer({ terms: ['28', '28/56'], repId: rep.id })
  const earlier = await createProduct({ familyId: child.id })
  await putInCart(account.id, [{ productId: earlier.id, quantity: 1 }])
  const first = await checkoutAsShown({
    accountId: account.id,
    userId: user.id,
    idempotencyKey: crypto.randomUUID(),
    paymentTermCode: '28',
    now: new Date(Date.now() - 10 * 86_400_000),
  })
  expect(first.ok).toBe(true)
  const products = await Promise.all([
    createProduct({ familyId: child.id, listPriceCents: 3890 }),
    createProduct({ familyId: parent.id, listPriceCents: 990, packSize: 6 }),
    createProduct({ listPriceCents: 12_500 }),
  ])
  await putInCart(account.id, [
    { productId: products[0].id, quantity: 10 },
    { productId: products[1].id, quantity: 12 },
    { productId: products[2].id, quantity: 2 },
  ])
  return { account, user, rep }
}

async function measuredCheckout(accountId: string, userId: string) {
  const account = await getBuyerAccount(accountId)
  const expectedTotalCents = (await loadPricedCart(prisma, account)).totalCents
  statements.length = 0
  const before = queryStats.count
  const result = await placeOrder({
    accountId,
    userId,
    idempotencyKey: crypto.randomUUID(),
    paymentTermCode: '28/56',
    expectedTotalCents,
  })
  const count = queryStats.count - before
  expect(result).toMatchObject({ ok: true, created: true })
  return { count, result, log: [...statements] }
}

describe('checkout statement budget', () => {
  it(`places an order on terms in at most ${TERMS_BUDGET} statements`, async () => {
    const { account, user } = await buyerWithCart()
    const { count, log, result } = await measuredCheckout(account.id, user.id)
    console.info(`checkout on terms: ${count} statements`)
    expect(count, log.join('\n')).toBeLessThanOrEqual(TERMS_BUDGET)
    // The statements saved did not take a guarantee with them.
    const orderId = (result as { orderId: number }).orderId
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: orderId },
      select: { totalCents: true, placedAt: true, _count: { select: { lines: true } } },
    })
    expect(order._count.lines).toBe(3)
    expect(await prisma.commissionEntry.count({ where: { eventKey: `credit:${orderId}` } })).toBe(1)
    expect(await prisma.cartItem.count({ where: { cart: { accountId: account.id } } })).toBe(0)
    const updated = await prisma.account.findUniqueOrThrow({ where: { id: account.id } })
    expect(updated).toMatchObject({ status: 'ACTIVE', lastOrderAt: order.placedAt })
    // Its status came from all its orders: the first is still the one ten days ago.
    expect(order.placedAt.getTime() - updated.firstOrderAt!.getTime()).toBeGreaterThan(
      9 * 86_400_000,
    )
    expect(
      await prisma.outboxMessage.count({
        where: { idempotencyKey: `order-confirmation:${orderId}` },
      }),
    ).toBe(1)
  })

  it(`places an order with a limited coupon in at most ${COUPON_BUDGET} statements`, async () => {
    const { account, user } = await buyerWithCart()
    const offer = await createOffer({ maxRedemptions: 100, maxPerAccount: 3 })
    const applied = await applyCoupon(await getBuyerAccount(account.id), offer.code!)
    expect(applied.ok).toBe(true)
    const { count, result, log } = await measuredCheckout(account.id, user.id)
    console.info(`checkout with a coupon: ${count} statements`)
    expect(count, log.join('\n')).toBeLessThanOrEqual(COUPON_BUDGET)
    const orderId = (result as { orderId: number }).orderId
    expect(await prisma.offerRedemption.count({ where: { orderId } })).toBe(1)
  })
})
