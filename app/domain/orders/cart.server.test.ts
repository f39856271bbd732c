import { createBuyer, createFamily, createProduct } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import {
  addQuickOrder,
  addToCart,
  getBuyerAccount,
  loadPricedCart,
  setCartQuantity,
} from './cart.server'

describe('cart', () => {
  it('adds whole packs and sums repeated adds', async () => {
    const { account } = await createBuyer()
    const grout = await createProduct({ packSize: 6, listPriceCents: 990 })
    expect(await addToCart(account.id, grout.id, 6)).toEqual({ ok: true })
    expect(await addToCart(account.id, grout.id, 12)).toEqual({ ok: true })
    const cart = await loadPricedCart(prisma, await getBuyerAccount(account.id))
    expect(cart.lines).toMatchObject([{ productId: grout.id, quantity: 18, totalCents: 17_820 }])
  })

  it('refuses quantities that are not whole packs, and discontinued products, changing nothing', async () => {
    const { account } = await createBuyer()
    const grout = await createProduct({ packSize: 6 })
    const gone = await createProduct({ active: false })
    expect(await addToCart(account.id, grout.id, 7)).toEqual({
      ok: false,
      problem: 'NOT_PACK_MULTIPLE',
    })
    expect(await addToCart(account.id, grout.id, 0)).toEqual({ ok: false, problem: 'NOT_POSITIVE' })
    expect(await addToCart(account.id, gone.id, 1)).toEqual({ ok: false, problem: 'UNAVAILABLE' })
    expect(await addToCart(account.id, 'no-such-product', 1)).toEqual({
      ok: false,
      problem: 'UNKNOWN_SKU',
    })
    expect(await prisma.cartItem.count({ where: { cart: { accountId: account.id } } })).toBe(0)
  })

  it('updates and removes a line of its own cart only', async () => {
    const mine = await createBuyer()
    const theirs = await createBuyer()
    const product = await createProduct()
    await addToCart(mine.account.id, product.id, 3)
    await addToCart(theirs.account.id, product.id, 5)
    expect(await setCartQuantity(mine.account.id, product.id, 4)).toEqual({ ok: true })
    const pack = await createProduct({ packSize: 6 })
    await addToCart(mine.account.id, pack.id, 6)
    expect(await setCartQuantity(mine.account.id, pack.id, 8)).toEqual({
      ok: false,
      problem: 'NOT_PACK_MULTIPLE',
      packSize: 6,
    })
    await setCartQuantity(mine.account.id, pack.id, 0)
    await setCartQuantity(mine.account.id, product.id, 0)
    expect(await prisma.cartItem.count({ where: { cart: { accountId: mine.account.id } } })).toBe(0)
    const other = await prisma.cartItem.findFirstOrThrow({
      where: { cart: { accountId: theirs.account.id } },
    })
    expect(other.quantity).toBe(5)
  })

  it('leaves out, as unavailable, a line whose family (or a family above it) was deactivated after it went into the cart', async () => {
    const { account } = await createBuyer()
    const parent = await createFamily()
    const child = await createFamily({ parentId: parent.id })
    const hidden = await createProduct({ familyId: child.id, listPriceCents: 1_000 })
    const kept = await createProduct({ listPriceCents: 2_000 })
    await addToCart(account.id, hidden.id, 1)
    await addToCart(account.id, kept.id, 1)
    await prisma.productFamily.update({ where: { id: parent.id }, data: { active: false } })
    const cart = await loadPricedCart(prisma, await getBuyerAccount(account.id))
    expect(cart.lines.map((line) => line.productId)).toEqual([kept.id])
    expect(cart.unavailable).toEqual([{ sku: hidden.sku, name: hidden.name }])
    expect(cart.subtotalCents).toBe(2_000)
  })

  it('says how much is missing for the minimum order', async () => {
    const { account } = await createBuyer({ minimumOrderCents: 30_000 })
    const product = await createProduct({ listPriceCents: 10_000 })
    await addToCart(account.id, product.id, 2)
    const cart = await loadPricedCart(prisma, await getBuyerAccount(account.id))
    expect(cart.missingForMinimumCents).toBe(10_000)
  })
})

describe('quick order', () => {
  it('adds the good lines and reports each bad one with its reason', async () => {
    const { account } = await createBuyer()
    const cement = await createProduct({ sku: 'QCIM-0001' })
    const grout = await createProduct({ sku: 'QREJ-0001', packSize: 6 })
    await createProduct({ sku: 'QOLD-0001', active: false })
    const result = await addQuickOrder(
      account.id,
      ['qcim-0001 10', 'QREJ-0001;12', 'NOPE-404 3', 'QREJ-0001x', 'QOLD-0001 1', 'garbage'].join(
        '\n',
      ),
    )
    expect(result.added).toEqual([
      { sku: 'QCIM-0001', quantity: 10 },
      { sku: 'QREJ-0001', quantity: 12 },
    ])
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'UNKNOWN_SKU'],
      [4, 'BAD_FORMAT'],
      [5, 'UNAVAILABLE'],
      [6, 'BAD_FORMAT'],
    ])
    const items = await prisma.cartItem.findMany({
      where: { cart: { accountId: account.id } },
      orderBy: { quantity: 'asc' },
    })
    expect(items.map((i) => [i.productId, i.quantity])).toEqual([
      [cement.id, 10],
      [grout.id, 12],
    ])
  })

  it('reports a quantity that is not a whole pack with the pack size', async () => {
    const { account } = await createBuyer()
    await createProduct({ sku: 'QPACK-0001', packSize: 10 })
    const result = await addQuickOrder(account.id, 'QPACK-0001 15')
    expect(result.errors).toEqual([
      { line: 1, text: 'QPACK-0001 15', code: 'NOT_PACK_MULTIPLE', packSize: 10 },
    ])
    expect(await prisma.cartItem.count({ where: { cart: { accountId: account.id } } })).toBe(0)
  })
})
