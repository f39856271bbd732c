import crypto from 'node:crypto'
import { parseWithZod } from '@conform-to/zod'
import { createAccount, createProduct, createTerms, putInCart } from '#tests/fixtures/factories'
import { getBuyerAccount, loadPricedCart } from '~/domain/orders/cart.server'
import { prisma } from '~/utils/db.server'
import { createPaymentTerm, deletePaymentTerm } from './payment-terms.server'
import {
  addListTier,
  createPriceList,
  removeListPrice,
  removeListTier,
  setListPrice,
} from './price-lists.server'
import {
  PaymentTermCreateSchema,
  PriceItemSchema,
  PriceListCreateSchema,
  PriceTierSchema,
  termDays,
} from './pricing-forms'

const unique = () => crypto.randomUUID().slice(0, 8).toUpperCase()

async function manager() {
  return prisma.user.create({
    data: { email: `m-${crypto.randomUUID()}@test.example`, name: 'Gestora', role: 'MANAGER' },
  })
}

function parse<S extends Parameters<typeof parseWithZod>[1]['schema']>(
  schema: S,
  values: Record<string, string>,
) {
  const form = new FormData()
  for (const [k, v] of Object.entries(values)) form.set(k, v)
  return parseWithZod(form, { schema })
}

describe('price lists in the back office', () => {
  it('creates a list, audited, and refuses the same code in another case', async () => {
    const actor = await manager()
    const code = `SUL-${unique()}`
    const created = await createPriceList(actor.id, { code, name: 'Sul' })
    expect(created.ok).toBe(true)
    const again = await createPriceList(actor.id, { code: code.toLowerCase(), name: 'Outra' })
    expect(again).toEqual({
      ok: false,
      errors: { code: [expect.stringContaining('pricing.form.codeTaken')] },
    })
    expect(
      await prisma.priceList.count({ where: { name: 'Outra', code: code.toLowerCase() } }),
    ).toBe(0)
    expect(
      await prisma.auditLog.count({ where: { action: 'price_list.created', actorId: actor.id } }),
    ).toBe(1)
  })

  it('upper-cases the code and refuses a malformed one beside the field', () => {
    const ok = parse(PriceListCreateSchema, { code: ' sul-10 ', name: 'Sul' })
    expect(ok.status === 'success' && ok.value.code).toBe('SUL-10')
    const bad = parse(PriceListCreateSchema, { code: 'sul 10!', name: '' })
    expect(bad.status).toBe('error')
    expect(Object.keys(bad.reply().error ?? {})).toEqual(expect.arrayContaining(['code', 'name']))
  })

  it.each(['0', '0,00', '-5', 'abc', ''])('refuses the price %j beside the field', (price) => {
    const result = parse(PriceItemSchema, { sku: 'X-1', price })
    expect(result.status).toBe('error')
    expect(result.reply().error?.price?.length).toBeGreaterThan(0)
  })

  it('reads a Brazilian price in cents', () => {
    const result = parse(PriceItemSchema, { sku: 'x-1', price: '1.234,56' })
    expect(result.status === 'success' && result.value).toEqual({ sku: 'X-1', price: 123456 })
  })

  it('refuses an unknown SKU or a price of zero and writes nothing', async () => {
    const actor = await manager()
    const list = await createPriceList(actor.id, { code: `L-${unique()}`, name: 'L' })
    if (!list.ok) throw new Error('list')
    const product = await createProduct()
    const unknown = await setListPrice(actor.id, list.id, { sku: 'NO-SUCH-SKU', price: 500 })
    expect(unknown).toEqual({
      ok: false,
      errors: { sku: [expect.stringContaining('pricing.form.unknownSku')] },
    })
    const zero = await setListPrice(actor.id, list.id, { sku: product.sku, price: 0 })
    expect(zero.ok).toBe(false)
    expect(await prisma.priceListItem.count({ where: { priceListId: list.id } })).toBe(0)
  })

  it('charges in the cart the price set here, and the list price again once removed', async () => {
    const actor = await manager()
    const list = await createPriceList(actor.id, { code: `L-${unique()}`, name: 'L' })
    if (!list.ok) throw new Error('list')
    const product = await createProduct({ listPriceCents: 1_000 })
    const account = await createAccount({ priceListId: list.id })
    await putInCart(account.id, [{ productId: product.id, quantity: 3 }])

    expect(await setListPrice(actor.id, list.id, { sku: product.sku, price: 850 })).toEqual({
      ok: true,
      id: list.id,
    })
    // Setting it again changes it.
    await setListPrice(actor.id, list.id, { sku: product.sku.toLowerCase(), price: 790 })
    const cart = await loadPricedCart(prisma, await getBuyerAccount(account.id))
    expect(cart.lines[0]).toMatchObject({ unitPriceCents: 790, totalCents: 2_370 })
    expect(
      await prisma.auditLog.count({ where: { action: 'price_list.item_set', entityId: list.id } }),
    ).toBe(2)

    expect(await removeListPrice(actor.id, list.id, product.id)).toBe(true)
    const after = await loadPricedCart(prisma, await getBuyerAccount(account.id))
    expect(after.lines[0]).toMatchObject({ unitPriceCents: 1_000 })
  })
})

describe("a price list's quantity tiers", () => {
  it.each([
    [{ minQuantity: '1', price: '5,00' }, 'minQuantity'],
    [{ minQuantity: '2,5', price: '5,00' }, 'minQuantity'],
    [{ minQuantity: '10', price: '0' }, 'price'],
  ])('refuses %o beside %s', (values, field) => {
    const result = parse(PriceTierSchema, { sku: 'X-1', ...values })
    expect(Object.keys(result.reply().error ?? {})).toEqual([field])
  })

  it('charges the tier from its quantity on, refuses a duplicate or an unknown SKU, and removes it', async () => {
    const actor = await manager()
    const list = await createPriceList(actor.id, { code: `T-${unique()}`, name: 'T' })
    if (!list.ok) throw new Error('list')
    const product = await createProduct({ listPriceCents: 1_000 })
    const account = await createAccount({ priceListId: list.id })
    await putInCart(account.id, [{ productId: product.id, quantity: 12 }])

    const tier = await addListTier(actor.id, list.id, {
      sku: product.sku,
      minQuantity: 10,
      price: 800,
    })
    if (!tier.ok) throw new Error('tier')
    expect(
      await addListTier(actor.id, list.id, { sku: product.sku, minQuantity: 10, price: 700 }),
    ).toMatchObject({ ok: false, errors: { minQuantity: [expect.any(String)] } })
    expect(
      await addListTier(actor.id, list.id, { sku: 'NO-SUCH', minQuantity: 10, price: 700 }),
    ).toMatchObject({ ok: false, errors: { sku: [expect.any(String)] } })
    expect(await prisma.priceTier.count({ where: { priceListId: list.id } })).toBe(1)

    const cart = await loadPricedCart(prisma, await getBuyerAccount(account.id))
    expect(cart.lines[0]).toMatchObject({ unitPriceCents: 800, tierMinQuantity: 10 })

    expect(await removeListTier(actor.id, list.id, tier.id)).toBe(true)
    const after = await loadPricedCart(prisma, await getBuyerAccount(account.id))
    expect(after.lines[0]).toMatchObject({ unitPriceCents: 1_000 })
    expect(
      await prisma.auditLog.count({
        where: {
          entityId: list.id,
          action: { in: ['price_list.tier_added', 'price_list.tier_removed'] },
        },
      }),
    ).toBe(2)
  })
})

describe('payment terms in the back office', () => {
  it.each([
    ['28', [28]],
    ['28/56', [28, 56]],
    ['30/60/90', [30, 60, 90]],
    ['365', [365]],
    ['0', null],
    ['366', null],
    ['56/28', null],
    ['28/28', null],
    ['28 / 56', null],
    ['28,56', null],
    ['', null],
    ['a', null],
  ])('reads %j as %j', (code, days) => {
    expect(termDays(code)).toEqual(days)
  })

  it('refuses a malformed code beside the field', () => {
    const result = parse(PaymentTermCreateSchema, { code: '60/30' })
    expect(result.reply().error?.code?.[0]).toContain('pricing.form.termCode')
  })

  it('creates a term after the others, audited, and refuses a duplicate', async () => {
    const actor = await manager()
    const code = `${crypto.randomInt(100, 200)}/${crypto.randomInt(201, 365)}`
    await prisma.paymentTerm.deleteMany({ where: { code } })
    const created = await createPaymentTerm(actor.id, code)
    expect(created.ok).toBe(true)
    const again = await createPaymentTerm(actor.id, code)
    expect(again).toEqual({
      ok: false,
      errors: { code: [expect.stringContaining('pricing.form.termTaken')] },
    })
    expect(await prisma.paymentTerm.count({ where: { code } })).toBe(1)
    expect(await createPaymentTerm(actor.id, '90/30')).toMatchObject({ ok: false })
    await deletePaymentTerm(actor.id, created.ok ? created.id : '')
  })

  it('deletes only a term no account may use and no order was placed on', async () => {
    const actor = await manager()
    const code = `${crypto.randomInt(1, 99)}/${crypto.randomInt(100, 365)}`
    await prisma.paymentTerm.deleteMany({ where: { code, accounts: { none: {} } } })
    const [term] = await createTerms([code])
    const account = await createAccount({ terms: [code] })
    expect(await deletePaymentTerm(actor.id, term!.id)).toEqual({
      ok: false,
      code: 'IN_USE_BY_ACCOUNTS',
      count: 1,
    })
    // No account may use it any more, but an order was placed on it.
    await prisma.order.create({
      data: {
        accountId: account.id,
        channel: 'ONLINE',
        paymentMethod: 'TERMS',
        paymentTermCode: code,
        subtotalCents: 1000,
        totalCents: 1000,
      },
    })
    await prisma.account.update({
      where: { id: account.id },
      data: { paymentTerms: { disconnect: { id: term!.id } } },
    })
    expect(await deletePaymentTerm(actor.id, term!.id)).toEqual({
      ok: false,
      code: 'USED_BY_ORDERS',
      count: 1,
    })
    expect(await prisma.paymentTerm.count({ where: { id: term!.id } })).toBe(1)

    const free = await createPaymentTerm(
      actor.id,
      `${crypto.randomInt(1, 50)}/${crypto.randomInt(51, 99)}/${crypto.randomInt(100, 365)}`,
    )
    if (!free.ok) throw new Error('term')
    expect(await deletePaymentTerm(actor.id, free.id)).toEqual({ ok: true })
    expect(await prisma.paymentTerm.count({ where: { id: free.id } })).toBe(0)
    expect(
      await prisma.auditLog.count({ where: { action: 'payment_term.deleted', entityId: free.id } }),
    ).toBe(1)
  })
})
