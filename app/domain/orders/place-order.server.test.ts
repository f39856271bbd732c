import crypto from 'node:crypto'
import {
  checkoutAsShown,
  createBuyer,
  createProduct,
  deliverQueuedEmail,
  putInCart,
} from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'

async function buyerWithCart(options: Parameters<typeof createBuyer>[0] = {}) {
  const { account, user } = await createBuyer({ terms: ['28', '28/56'], ...options })
  const cement = await createProduct({ name: 'Cimento CP-II', listPriceCents: 3890, packSize: 1 })
  const grout = await createProduct({ name: 'Rejunte', listPriceCents: 990, packSize: 6 })
  await putInCart(account.id, [
    { productId: cement.id, quantity: 10 },
    { productId: grout.id, quantity: 12 },
  ])
  return { account, user, cement, grout }
}

describe('placing an order on terms', () => {
  it('snapshots the priced lines, empties the cart and records the order date on the account', async () => {
    const { account, user } = await buyerWithCart()
    const now = new Date('2026-11-20T15:00:00Z')
    const result = await checkoutAsShown({
      accountId: account.id,
      userId: user.id,
      idempotencyKey: crypto.randomUUID(),
      paymentTermCode: '28/56',
      now,
    })
    expect(result).toMatchObject({ ok: true, created: true })
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: (result as { orderId: number }).orderId },
      include: { lines: { orderBy: { name: 'asc' } } },
    })
    expect(order).toMatchObject({
      channel: 'ONLINE',
      paymentMethod: 'TERMS',
      paymentTermCode: '28/56',
      subtotalCents: 38_900 + 11_880,
      totalCents: 50_780,
      placedById: user.id,
    })
    expect(order.lines.map((l) => [l.name, l.quantity, l.unitPriceCents, l.totalCents])).toEqual([
      ['Cimento CP-II', 10, 3890, 38_900],
      ['Rejunte', 12, 990, 11_880],
    ])
    expect(await prisma.cartItem.count({ where: { cart: { accountId: account.id } } })).toBe(0)
    const updated = await prisma.account.findUniqueOrThrow({ where: { id: account.id } })
    expect(updated.lastOrderAt).toEqual(now)
    expect(updated.firstOrderAt).toEqual(now)
    expect(updated.status).toBe('ACTIVE')
  })

  it('uses the price of the account price list', async () => {
    const list = await prisma.priceList.create({
      data: { code: `PL-${crypto.randomUUID()}`, name: 'SP' },
    })
    const { account, user, cement } = await buyerWithCart({ priceListId: list.id })
    await prisma.priceListItem.create({
      data: { priceListId: list.id, productId: cement.id, priceCents: 3500 },
    })
    const result = await checkoutAsShown({
      accountId: account.id,
      userId: user.id,
      idempotencyKey: crypto.randomUUID(),
      paymentTermCode: '28',
    })
    const line = await prisma.orderLine.findFirstOrThrow({
      where: { orderId: (result as { orderId: number }).orderId, productId: cement.id },
    })
    expect(line.unitPriceCents).toBe(3500)
  })

  it('creates one order when the same checkout is submitted five times at once', async () => {
    const { account, user } = await buyerWithCart()
    const key = crypto.randomUUID()
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        checkoutAsShown({
          accountId: account.id,
          userId: user.id,
          idempotencyKey: key,
          paymentTermCode: '28',
        }),
      ),
    )
    const ids = new Set(results.map((r) => (r.ok ? r.orderId : null)))
    expect(ids.size).toBe(1)
    expect([...ids][0]).not.toBeNull()
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1)
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(1)
    await deliverQueuedEmail()
    expect(await prisma.mailboxMessage.count({ where: { to: user.email } })).toBe(1)
  })

  it('places one order when two tabs check out the same cart at once, each with its own key', async () => {
    const { account, user } = await buyerWithCart()
    const results = await Promise.all(
      Array.from({ length: 3 }, () =>
        checkoutAsShown({
          accountId: account.id,
          userId: user.id,
          idempotencyKey: crypto.randomUUID(),
          paymentTermCode: '28',
        }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(
      expect.arrayContaining(['EMPTY_CART']),
    )
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(1)
  })

  it('answers a retry after success with the same order, not a new one', async () => {
    const { account, user } = await buyerWithCart()
    const key = crypto.randomUUID()
    const first = await checkoutAsShown({
      accountId: account.id,
      userId: user.id,
      idempotencyKey: key,
      paymentTermCode: '28',
    })
    const retry = await checkoutAsShown({
      accountId: account.id,
      userId: user.id,
      idempotencyKey: key,
      paymentTermCode: '28',
    })
    expect(retry).toEqual({
      ok: true,
      orderId: (first as { orderId: number }).orderId,
      created: false,
    })
  })

  it('refuses an order below the minimum and writes nothing', async () => {
    const { account, user } = await buyerWithCart({ minimumOrderCents: 60_000 })
    const result = await checkoutAsShown({
      accountId: account.id,
      userId: user.id,
      idempotencyKey: crypto.randomUUID(),
      paymentTermCode: '28',
    })
    expect(result).toEqual({ ok: false, code: 'BELOW_MINIMUM', missingCents: 60_000 - 50_780 })
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(0)
    expect(await prisma.cartItem.count({ where: { cart: { accountId: account.id } } })).toBe(2)
  })

  it('refuses payment terms the account is not allowed', async () => {
    const { account, user } = await buyerWithCart({ terms: ['28'] })
    const result = await checkoutAsShown({
      accountId: account.id,
      userId: user.id,
      idempotencyKey: crypto.randomUUID(),
      paymentTermCode: '28/56',
    })
    expect(result).toEqual({ ok: false, code: 'TERM_NOT_ALLOWED' })
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(0)
  })

  it('refuses an empty cart', async () => {
    const { account, user } = await createBuyer()
    const result = await checkoutAsShown({
      accountId: account.id,
      userId: user.id,
      idempotencyKey: crypto.randomUUID(),
      paymentTermCode: '28',
    })
    expect(result).toEqual({ ok: false, code: 'EMPTY_CART' })
  })

  it("never hands one account's order to another that reuses its key", async () => {
    const first = await buyerWithCart()
    const second = await buyerWithCart()
    const key = crypto.randomUUID()
    await checkoutAsShown({
      accountId: first.account.id,
      userId: first.user.id,
      idempotencyKey: key,
      paymentTermCode: '28',
    })
    const result = await checkoutAsShown({
      accountId: second.account.id,
      userId: second.user.id,
      idempotencyKey: key,
      paymentTermCode: '28',
    })
    expect(result).toEqual({ ok: false, code: 'KEY_IN_USE' })
    expect(await prisma.order.count({ where: { accountId: second.account.id } })).toBe(0)
  })

  it('leaves discontinued products out of the order', async () => {
    const { account, user, grout } = await buyerWithCart()
    await prisma.product.update({ where: { id: grout.id }, data: { active: false } })
    const result = await checkoutAsShown({
      accountId: account.id,
      userId: user.id,
      idempotencyKey: crypto.randomUUID(),
      paymentTermCode: '28',
    })
    const lines = await prisma.orderLine.findMany({
      where: { orderId: (result as { orderId: number }).orderId },
    })
    expect(lines.map((l) => l.productId)).not.toContain(grout.id)
    expect(await prisma.cartItem.count({ where: { cart: { accountId: account.id } } })).toBe(0)
  })

  it('marks an inactive account as reactivated when it orders again, with the order and channel', async () => {
    const { account, user } = await buyerWithCart()
    const lastImported = new Date('2025-12-01T10:00:00Z')
    await prisma.order.create({
      data: {
        accountId: account.id,
        channel: 'OFFLINE',
        paymentMethod: 'ERP',
        externalRef: `old-${account.id}`,
        subtotalCents: 100,
        totalCents: 100,
        placedAt: lastImported,
      },
    })
    const now = new Date('2026-11-20T10:00:00Z')
    const result = await checkoutAsShown({
      accountId: account.id,
      userId: user.id,
      idempotencyKey: crypto.randomUUID(),
      paymentTermCode: '28',
      now,
    })
    const orderId = (result as { orderId: number }).orderId
    const updated = await prisma.account.findUniqueOrThrow({ where: { id: account.id } })
    expect(updated).toMatchObject({
      status: 'ACTIVE',
      reactivatedAt: now,
      lastOrderAt: now,
      firstOrderAt: lastImported,
    })
    const reactivation = await prisma.reactivation.findFirstOrThrow({
      where: { accountId: account.id },
    })
    expect(reactivation).toMatchObject({
      orderId,
      channel: 'ONLINE',
      previousStatus: 'INACTIVE',
      reactivatedAt: now,
    })
    const history = await prisma.accountStatusChange.findMany({
      where: { accountId: account.id },
      orderBy: { changedAt: 'asc' },
    })
    expect(history.map((h) => h.toStatus)).toEqual(['ACTIVE', 'AT_RISK', 'INACTIVE', 'ACTIVE'])
  })

  it('emails the confirmation with the lines and total to the buyer', async () => {
    const { account, user } = await buyerWithCart()
    const result = await checkoutAsShown({
      accountId: account.id,
      userId: user.id,
      idempotencyKey: crypto.randomUUID(),
      paymentTermCode: '28/56',
    })
    // Queued with the order; the worker sends it.
    expect(await prisma.outboxMessage.count({ where: { to: user.email, status: 'PENDING' } })).toBe(
      1,
    )
    await deliverQueuedEmail()
    const mail = await prisma.mailboxMessage.findFirstOrThrow({ where: { to: user.email } })
    expect(mail.subject).toBe(`Pedido ${(result as { orderId: number }).orderId} recebido`)
    // Intl separates the currency symbol with a no-break space.
    const text = mail.text.replace(/\s+/g, ' ')
    expect(text).toContain('10 × Cimento CP-II')
    expect(text).toContain('Total do pedido R$ 507,80')
    expect(text).toContain('28/56')
  })
})
