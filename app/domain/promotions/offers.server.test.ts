import crypto from 'node:crypto'
import {
  checkoutAsShown,
  createBuyer,
  createFamily,
  createOffer,
  createProduct,
  putInCart,
} from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { getBuyerAccount, loadPricedCart } from '~/domain/orders/cart.server'
import { placeOrder } from '~/domain/orders/place-order.server'
import { applyCoupon, removeCoupon } from '~/domain/orders/cart-offers.server'
import { claimRedemptions, RedemptionRefused } from './offers.server'

const NOW = new Date('2026-11-23T12:00:00Z')

async function buyerWithCart(
  options: Parameters<typeof createBuyer>[0] = {},
  priceCents = 10_000,
  quantity = 10,
) {
  const buyer = await createBuyer({ terms: ['28', '28/56'], ...options })
  const product = await createProduct({ listPriceCents: priceCents })
  await putInCart(buyer.account.id, [{ productId: product.id, quantity }])
  return { ...buyer, product }
}

const key = () => crypto.randomUUID()

describe('applying a coupon code', () => {
  it('keeps a code that needs more in the cart, and says how much is missing', async () => {
    const { account } = await buyerWithCart({}, 1_000, 12)
    const coupon = await createOffer({ code: 'MIN500', minOrderCents: 50_000 })
    expect(await applyCoupon(await getBuyerAccount(account.id), ' min500 ')).toEqual({
      ok: true,
      code: 'MIN500',
    })
    const cart = await loadPricedCart(prisma, await getBuyerAccount(account.id), NOW)
    expect(cart.offers).toMatchObject([
      {
        offerId: coupon.id,
        applied: false,
        refusal: { code: 'BELOW_MINIMUM', minimumCents: 50_000, missingCents: 38_000 },
      },
    ])
  })

  it.each([
    ['an unknown code', {}, 'NOPE', 'NOT_VALID'],
    ['an expired code', { endsAt: new Date('2020-01-01T00:00:00Z') }, null, 'NOT_VALID'],
    ['a paused code', { paused: true }, null, 'NOT_VALID'],
    ['a code for inactive accounts', { audience: 'INACTIVE' as const }, null, 'NOT_VALID'],
    ['a used-up code', { maxRedemptions: 3, redemptionCount: 3 }, null, 'NOT_VALID'],
  ])('refuses %s and keeps nothing', async (_label, data, typed, refusal) => {
    const { account } = await buyerWithCart({ status: 'ACTIVE' })
    const offer = await createOffer(data)
    const result = await applyCoupon(await getBuyerAccount(account.id), typed ?? offer.code!)
    expect(result).toMatchObject({ ok: false, refusal: { code: refusal } })
    expect(await prisma.cartOffer.count({ where: { cart: { accountId: account.id } } })).toBe(0)
  })

  it('refuses a code applied twice, and removes it on request', async () => {
    const { account } = await buyerWithCart()
    const offer = await createOffer()
    const buyer = await getBuyerAccount(account.id)
    await applyCoupon(buyer, offer.code!)
    expect(await applyCoupon(buyer, offer.code!)).toMatchObject({
      ok: false,
      refusal: { code: 'ALREADY_APPLIED' },
    })
    await removeCoupon(account.id, offer.id)
    expect(await prisma.cartOffer.count({ where: { cart: { accountId: account.id } } })).toBe(0)
  })

  it('accepts a coupon named for this account only', async () => {
    const mine = await buyerWithCart()
    const other = await buyerWithCart()
    const offer = await createOffer({ audience: 'NAMED', namedAccountIds: [mine.account.id] })
    expect((await applyCoupon(await getBuyerAccount(mine.account.id), offer.code!)).ok).toBe(true)
    expect(await applyCoupon(await getBuyerAccount(other.account.id), offer.code!)).toMatchObject({
      ok: false,
      refusal: { code: 'NOT_VALID' },
    })
  })
})

describe('checking out with offers', () => {
  it('records the welcome-back discount, a family coupon, the bonus item and the extended terms with the order', async () => {
    const family = await createFamily({ name: 'Argamassas' })
    const bonusProduct = await createProduct({ name: 'Desempenadeira', listPriceCents: 2_490 })
    const { account, user } = await createBuyer({
      terms: ['28/56'],
      status: 'INACTIVE',
      lastOrderAt: new Date('2026-01-10T00:00:00Z'),
    })
    const mortar = await createProduct({ familyId: family.id, listPriceCents: 2_000 })
    const other = await createProduct({ listPriceCents: 3_000 })
    await putInCart(account.id, [
      { productId: mortar.id, quantity: 50 },
      { productId: other.id, quantity: 20 },
    ])
    const welcome = await createOffer({
      code: null,
      name: 'Bem-vindo de volta',
      audience: 'INACTIVE',
      discountValue: 500,
      extraTermDays: 30,
      stackable: true,
    })
    const coupon = await createOffer({
      scope: 'FAMILIES',
      familyIds: [family.id],
      discountValue: 1_000,
      stackable: true,
      maxRedemptions: 5,
      maxPerAccount: 1,
    })
    const bonus = await createOffer({
      code: null,
      name: 'Bonificação',
      discountType: 'NONE',
      discountValue: 0,
      scope: 'FAMILIES',
      familyIds: [family.id],
      minOrderCents: 150_000,
      bonusProductId: bonusProduct.id,
      bonusQuantity: 1,
      stackable: true,
    })
    expect((await applyCoupon(await getBuyerAccount(account.id), coupon.code!)).ok).toBe(true)

    const result = await checkoutAsShown({
      accountId: account.id,
      userId: user.id,
      idempotencyKey: key(),
      paymentTermCode: '28/56',
    })
    expect(result).toMatchObject({ ok: true, created: true })
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: (result as { orderId: number }).orderId },
      include: { lines: true, redemptions: true },
    })
    // 160,00 of goods: 5 % on all = 8,00 (5,00 + 3,00); 10 % on the mortar's remaining 95,00 = 9,50.
    expect(order).toMatchObject({
      subtotalCents: 160_000,
      discountCents: 8_000 + 9_500,
      totalCents: 142_500,
      paymentTermCode: '28/56',
      termExtraDays: 30,
    })
    const mortarLine = order.lines.find((l) => l.productId === mortar.id)!
    expect(mortarLine.discountCents).toBe(5_000 + 9_500)
    expect(order.lines.find((l) => l.isBonus)).toMatchObject({
      productId: bonusProduct.id,
      quantity: 1,
      unitPriceCents: 2_490,
      discountCents: 2_490,
      totalCents: 0,
    })
    expect(
      order.redemptions
        .map((r) => [r.offerId, r.discountCents, r.bonusQuantity, r.extraTermDays])
        .sort(),
    ).toEqual(
      [
        [welcome.id, 8_000, 0, 30],
        [coupon.id, 9_500, 0, 0],
        [bonus.id, 0, 1, 0],
      ].sort(),
    )
    expect(await prisma.offer.findUniqueOrThrow({ where: { id: coupon.id } })).toMatchObject({
      redemptionCount: 1,
    })
    expect(await prisma.cartOffer.count({ where: { cart: { accountId: account.id } } })).toBe(0)
  })

  it('redeems once when the same checkout is submitted again', async () => {
    const { account, user } = await buyerWithCart()
    const coupon = await createOffer({ maxRedemptions: 5 })
    await applyCoupon(await getBuyerAccount(account.id), coupon.code!)
    const input = {
      accountId: account.id,
      userId: user.id,
      idempotencyKey: key(),
      paymentTermCode: '28',
    }
    const first = await checkoutAsShown(input)
    const again = await checkoutAsShown({ ...input, expectedTotalCents: 90_000 })
    expect(again).toEqual({ ...first, created: false })
    expect(await prisma.offerRedemption.count({ where: { offerId: coupon.id } })).toBe(1)
    expect(
      (await prisma.offer.findUniqueOrThrow({ where: { id: coupon.id } })).redemptionCount,
    ).toBe(1)
  })

  it('refuses the order, writing nothing, when the total changed since the buyer saw it', async () => {
    const { account, user } = await buyerWithCart()
    const coupon = await createOffer({ discountValue: 1_000 })
    await applyCoupon(await getBuyerAccount(account.id), coupon.code!)
    const shown = (await loadPricedCart(prisma, await getBuyerAccount(account.id))).totalCents
    await prisma.offer.update({ where: { id: coupon.id }, data: { paused: true } })
    const result = await placeOrder({
      accountId: account.id,
      userId: user.id,
      idempotencyKey: key(),
      paymentTermCode: '28',
      expectedTotalCents: shown,
    })
    expect(result).toEqual({ ok: false, code: 'PRICE_CHANGED' })
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(0)
    expect(await prisma.cartItem.count({ where: { cart: { accountId: account.id } } })).toBe(1)
  })

  it('lets an account use a coupon only as many times as allowed', async () => {
    const { account, user, product } = await buyerWithCart()
    const coupon = await createOffer({ maxPerAccount: 1 })
    await applyCoupon(await getBuyerAccount(account.id), coupon.code!)
    const base = { accountId: account.id, userId: user.id, paymentTermCode: '28' }
    expect((await checkoutAsShown({ ...base, idempotencyKey: key() })).ok).toBe(true)
    await putInCart(account.id, [{ productId: product.id, quantity: 10 }])
    expect(await applyCoupon(await getBuyerAccount(account.id), coupon.code!)).toMatchObject({
      ok: false,
      refusal: { code: 'ACCOUNT_LIMIT' },
    })
  })

  it('gives 50 simultaneous checkouts against a coupon with 10 redemptions left exactly 10 redeemed orders', async () => {
    const coupon = await createOffer({ maxRedemptions: 12, redemptionCount: 2, stackable: true })
    const product = await createProduct({ listPriceCents: 10_000 })
    const buyers = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const buyer = await createBuyer({ terms: ['28'] })
        await putInCart(buyer.account.id, [{ productId: product.id, quantity: 1 }])
        await applyCoupon(await getBuyerAccount(buyer.account.id), coupon.code!)
        return buyer
      }),
    )
    // Every buyer saw the discounted total before anyone submitted.
    const shown = await Promise.all(
      buyers.map(
        async ({ account }) =>
          (await loadPricedCart(prisma, await getBuyerAccount(account.id))).totalCents,
      ),
    )
    expect(new Set(shown)).toEqual(new Set([9_000]))

    const results = await Promise.all(
      buyers.map(({ account, user }, i) =>
        placeOrder({
          accountId: account.id,
          userId: user.id,
          idempotencyKey: key(),
          paymentTermCode: '28',
          expectedTotalCents: shown[i]!,
        }),
      ),
    )
    const placed = results.filter((r) => r.ok)
    expect(placed).toHaveLength(10)
    for (const refused of results.filter((r) => !r.ok)) {
      expect(['OFFER_EXHAUSTED', 'PRICE_CHANGED']).toContain(refused.code)
    }
    expect(await prisma.offerRedemption.count({ where: { offerId: coupon.id } })).toBe(10)
    expect(
      (await prisma.offer.findUniqueOrThrow({ where: { id: coupon.id } })).redemptionCount,
    ).toBe(12)
    const orders = await prisma.order.findMany({
      where: { accountId: { in: buyers.map((b) => b.account.id) } },
      select: { totalCents: true },
    })
    expect(orders.map((o) => o.totalCents)).toEqual(Array(10).fill(9_000))
  })
})

describe('claiming redemptions', () => {
  // The claim must not trust what the checkout read earlier: another checkout may have taken
  // the last redemption in between. Here the counter moved after the cart was priced.
  it('refuses the last redemption when the counter says it is gone, whatever was read before', async () => {
    const { account, user } = await buyerWithCart()
    const coupon = await createOffer({ maxRedemptions: 1, redemptionCount: 1 })
    const order = await prisma.order.create({
      data: {
        accountId: account.id,
        channel: 'ONLINE',
        paymentMethod: 'TERMS',
        placedById: user.id,
        subtotalCents: 1,
        totalCents: 1,
      },
    })
    const claim = prisma.$transaction((tx) =>
      claimRedemptions(tx, { id: order.id, accountId: account.id }, [
        {
          offerId: coupon.id,
          name: coupon.name,
          code: coupon.code,
          discountCents: 100,
          bonusSku: null,
          bonusQuantity: 0,
          extraTermDays: 0,
        },
      ]),
    )
    await expect(claim).rejects.toBeInstanceOf(RedemptionRefused)
    expect(await prisma.offerRedemption.count({ where: { offerId: coupon.id } })).toBe(0)
  })
})
