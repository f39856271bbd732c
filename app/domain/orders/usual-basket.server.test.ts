import { createBuyer, createErpOrder, createProduct } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { loadUsualBasket, usualBasketsForEmail } from '~/domain/accounts/usual-basket.server'
import { addUsualBasket } from './usual-basket.server'

describe('the usual basket of an account', () => {
  it('comes from both channels’ recent orders, matched by SKU, without cancelled or unavailable products', async () => {
    const { account } = await createBuyer()
    const suffix = Date.now()
    const cement = await createProduct({ sku: `UCIM-${suffix}`, packSize: 10 })
    const paint = await createProduct({ sku: `UTIN-${suffix}` })
    const gone = await createProduct({ sku: `UOLD-${suffix}`, active: false })
    await createErpOrder(
      account.id,
      [
        { productId: null, sku: cement.sku, quantity: 35 },
        { productId: gone.id, sku: gone.sku, quantity: 1 },
      ],
      { daysAgo: 10 },
    )
    await createErpOrder(
      account.id,
      [
        { productId: cement.id, sku: cement.sku, quantity: 40 },
        { productId: paint.id, sku: paint.sku, quantity: 2 },
        { productId: gone.id, sku: gone.sku, quantity: 1 },
      ],
      { daysAgo: 40 },
    )
    // Cancelled orders and orders older than a year are not habits.
    await createErpOrder(account.id, [{ productId: paint.id, sku: paint.sku, quantity: 9 }], {
      daysAgo: 20,
      status: 'CANCELLED',
    })
    await createErpOrder(account.id, [{ productId: paint.id, sku: paint.sku, quantity: 9 }], {
      daysAgo: 400,
    })

    const basket = await loadUsualBasket(account.id)
    expect(basket?.items.map((item) => [item.sku, item.quantity])).toEqual([[cement.sku, 40]])
    expect(basket?.items[0]?.priceCents).toBeGreaterThan(0)
  })

  it('is absent with fewer than two orders', async () => {
    const { account } = await createBuyer()
    const cement = await createProduct({ sku: `UONE-${Date.now()}` })
    await createErpOrder(account.id, [{ productId: cement.id, sku: cement.sku, quantity: 5 }], {
      daysAgo: 5,
    })
    expect(await loadUsualBasket(account.id)).toBeNull()
  })

  it('goes into the cart as the buyer left it, or not at all when a line is wrong', async () => {
    const { account } = await createBuyer()
    const suffix = Date.now()
    const cement = await createProduct({ sku: `UADD-${suffix}`, packSize: 10 })
    const paint = await createProduct({ sku: `UADP-${suffix}` })
    const gone = await createProduct({ sku: `UADG-${suffix}`, active: false })

    const refused = await addUsualBasket(account.id, [
      { productId: cement.id, quantity: 15 },
      { productId: paint.id, quantity: 2 },
      { productId: gone.id, quantity: 1 },
    ])
    expect(refused).toEqual({
      ok: false,
      problems: [
        { index: 0, code: 'NOT_PACK_MULTIPLE', packSize: 10 },
        { index: 2, code: 'UNAVAILABLE' },
      ],
    })
    expect(await prisma.cartItem.count({ where: { cart: { accountId: account.id } } })).toBe(0)

    const added = await addUsualBasket(account.id, [
      { productId: cement.id, quantity: 20 },
      { productId: paint.id, quantity: 2 },
      { productId: gone.id, quantity: 0 },
    ])
    expect(added).toEqual({ ok: true, added: 2 })
    const items = await prisma.cartItem.findMany({
      where: { cart: { accountId: account.id } },
      select: { productId: true, quantity: true },
      orderBy: { quantity: 'desc' },
    })
    expect(items).toEqual([
      { productId: cement.id, quantity: 20 },
      { productId: paint.id, quantity: 2 },
    ])
  })

  it('is read for many accounts at once for their invitations, each on its own history', async () => {
    const suffix = Date.now()
    const cement = await createProduct({ sku: `UEMC-${suffix}`, packSize: 10 })
    const paint = await createProduct({ sku: `UEMP-${suffix}` })
    const { account: builder } = await createBuyer()
    const { account: painter } = await createBuyer()
    const { account: newcomer } = await createBuyer()
    for (const daysAgo of [30, 60]) {
      await createErpOrder(builder.id, [{ productId: cement.id, sku: cement.sku, quantity: 25 }], {
        daysAgo,
      })
      await createErpOrder(painter.id, [{ productId: null, sku: paint.sku, quantity: 3 }], {
        daysAgo,
      })
    }
    await createErpOrder(newcomer.id, [{ productId: paint.id, sku: paint.sku, quantity: 1 }])

    const baskets = await usualBasketsForEmail([builder.id, painter.id, newcomer.id])
    expect(Object.fromEntries(baskets)).toEqual({
      [builder.id]: [{ sku: cement.sku, name: cement.name, unit: 'UN', quantity: 30 }],
      [painter.id]: [{ sku: paint.sku, name: paint.name, unit: 'UN', quantity: 3 }],
    })
  })
})
