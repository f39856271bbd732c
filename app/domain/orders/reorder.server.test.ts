import { createBuyer, createErpOrder, createFamily, createProduct } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { getAccountOrder } from './order-history.server'
import { reorder } from './reorder.server'

describe('reorder', () => {
  it('puts available lines back in the cart in whole packs and reports the rest', async () => {
    const { account } = await createBuyer()
    const cement = await createProduct({ sku: 'RCIM-1' })
    const grout = await createProduct({ sku: 'RREJ-1', packSize: 6 })
    const gone = await createProduct({ sku: 'ROLD-1', active: false })
    const order = await createErpOrder(account.id, [
      { productId: cement.id, sku: 'RCIM-1', quantity: 10 },
      { productId: grout.id, sku: 'RREJ-1', quantity: 8 },
      { productId: gone.id, sku: 'ROLD-1', quantity: 1 },
      { productId: null, sku: 'ERP-ONLY-9', quantity: 2 },
    ])
    const result = await reorder(account.id, order.id)
    expect(result).toEqual({
      ok: true,
      added: [
        { sku: 'RCIM-1', quantity: 10 },
        { sku: 'RREJ-1', quantity: 12 },
      ],
      unavailable: [
        { sku: 'ROLD-1', name: 'ROLD-1', reason: 'DISCONTINUED' },
        { sku: 'ERP-ONLY-9', name: 'ERP-ONLY-9', reason: 'NOT_IN_CATALOG' },
      ],
    })
    expect(await prisma.cartItem.count({ where: { cart: { accountId: account.id } } })).toBe(2)
  })

  it('reports a product of a deactivated family as discontinued, not back in the cart', async () => {
    const { account } = await createBuyer()
    const family = await createFamily()
    const hidden = await createProduct({ sku: `RFAM-${Date.now()}`, familyId: family.id })
    await prisma.productFamily.update({ where: { id: family.id }, data: { active: false } })
    const order = await createErpOrder(account.id, [
      { productId: hidden.id, sku: hidden.sku, quantity: 2 },
    ])
    expect(await reorder(account.id, order.id)).toEqual({
      ok: true,
      added: [],
      unavailable: [{ sku: hidden.sku, name: hidden.sku, reason: 'DISCONTINUED' }],
    })
    expect(await prisma.cartItem.count({ where: { cart: { accountId: account.id } } })).toBe(0)
  })

  it('matches imported lines to the catalog by SKU when they carry no product id', async () => {
    const { account } = await createBuyer()
    const cement = await createProduct({ sku: 'RSKU-1' })
    const order = await createErpOrder(account.id, [
      { productId: null, sku: 'rsku-1', quantity: 3 },
    ])
    await reorder(account.id, order.id)
    const item = await prisma.cartItem.findFirstOrThrow({
      where: { cart: { accountId: account.id } },
    })
    expect([item.productId, item.quantity]).toEqual([cement.id, 3])
  })

  it("does not find another account's order, to read or to reorder", async () => {
    const owner = await createBuyer()
    const stranger = await createBuyer()
    const product = await createProduct()
    const order = await createErpOrder(owner.account.id, [
      { productId: product.id, sku: product.sku, quantity: 1 },
    ])
    expect(await reorder(stranger.account.id, order.id)).toEqual({ ok: false, code: 'NOT_FOUND' })
    expect(await getAccountOrder(stranger.account.id, order.id)).toBeNull()
    expect(await getAccountOrder(owner.account.id, order.id)).not.toBeNull()
    expect(
      await prisma.cartItem.count({ where: { cart: { accountId: stranger.account.id } } }),
    ).toBe(0)
  })
})
