import { type PricingAccount, type PricingOffer } from '~/domain/promotions/eligibility'
import { priceCart, type CartLineInput } from './price-cart'

const NOW = new Date('2026-11-23T12:00:00Z')

const line = (
  sku: string,
  quantity: number,
  listPriceCents: number,
  extra: Partial<CartLineInput> = {},
): CartLineInput => ({
  productId: sku,
  sku,
  name: sku,
  unit: 'UN',
  packSize: 1,
  quantity,
  listPriceCents,
  familyIds: ['fam-other'],
  ...extra,
})

const account = (extra: Partial<PricingAccount> = {}): PricingAccount => ({
  id: 'acc-1',
  status: 'ACTIVE',
  segment: 'Home center',
  minimumOrderCents: 0,
  paymentTermCodes: ['28', '28/56'],
  ...extra,
})

let offerSeq = 0
const offer = (extra: Partial<PricingOffer> = {}): PricingOffer => ({
  id: `offer-${++offerSeq}`,
  name: `Offer ${offerSeq}`,
  code: `CODE${offerSeq}`,
  discountType: 'PERCENT',
  discountValue: 1000,
  scope: 'ORDER',
  familyIds: [],
  productIds: [],
  minOrderCents: 0,
  startsAt: null,
  endsAt: null,
  maxRedemptions: null,
  redemptionCount: 0,
  maxPerAccount: null,
  accountRedemptions: 0,
  audience: 'EVERYONE',
  audienceSegment: null,
  namedForAccount: false,
  stackable: false,
  bonus: null,
  extraTermDays: 0,
  paused: false,
  ...extra,
})

const price = (
  lines: CartLineInput[],
  offers: PricingOffer[] = [],
  acc: Partial<PricingAccount> = {},
) => priceCart({ lines, account: account(acc), offers, now: NOW })

describe('prices without offers', () => {
  it("uses the price list's price when it has one, else the list price", () => {
    const cart = price([line('A', 2, 1000, { priceListPriceCents: 970 })])
    expect(cart.lines[0]!.unitPriceCents).toBe(970)
    expect(cart.totalCents).toBe(1940)
  })

  it('totals lines in integer cents', () => {
    const cart = price([line('A', 3, 3333), line('B', 7, 1)])
    expect(cart.lines.map((l) => l.totalCents)).toEqual([9999, 7])
    expect(cart.subtotalCents).toBe(10006)
    expect(cart.totalCents).toBe(10006)
    expect(cart.discountCents).toBe(0)
  })

  it('says how much is missing for the minimum order', () => {
    expect(
      price([line('A', 1, 38000)], [], { minimumOrderCents: 50000 }).missingForMinimumCents,
    ).toBe(12000)
    expect(
      price([line('A', 2, 38000)], [], { minimumOrderCents: 50000 }).missingForMinimumCents,
    ).toBe(0)
    expect(price([], [], { minimumOrderCents: 50000 }).missingForMinimumCents).toBe(50000)
  })

  it('never lets a tier raise the price list price', () => {
    const cart = price([
      line('A', 20, 1000, {
        priceListPriceCents: 800,
        tiers: [{ minQuantity: 10, priceCents: 900 }],
      }),
    ])
    expect(cart.lines[0]!.unitPriceCents).toBe(800)
    expect(cart.lines[0]!.tierMinQuantity).toBeNull()
  })
})

describe('rounding', () => {
  it('gives every line its share of a percent discount, and the shares add up to the total', () => {
    const cart = price(
      [line('A', 1, 333), line('B', 1, 333), line('C', 1, 334)],
      [offer({ discountValue: 1000 })],
    )
    expect(cart.discountCents).toBe(100)
    expect(cart.lines.map((l) => l.discountCents)).toEqual([33, 33, 34])
    expect(cart.lines.reduce((sum, l) => sum + l.totalCents, 0)).toBe(cart.totalCents)
    expect(cart.totalCents).toBe(900)
  })
})

describe('each rule alone', () => {
  it('takes a percentage off the whole order', () => {
    const coupon = offer({ discountType: 'PERCENT', discountValue: 1500 })
    const cart = price([line('A', 2, 10000)], [coupon])
    expect(cart.discountCents).toBe(3000)
    expect(cart.totalCents).toBe(17000)
    expect(cart.offers[0]).toMatchObject({ applied: true, discountCents: 3000 })
    expect(cart.lines[0]!.discounts).toEqual([{ offerId: coupon.id, cents: 3000 }])
  })

  it('takes a fixed amount off, never more than the order', () => {
    expect(
      price([line('A', 1, 10000)], [offer({ discountType: 'FIXED', discountValue: 2500 })])
        .totalCents,
    ).toBe(7500)
    expect(
      price([line('A', 1, 1000)], [offer({ discountType: 'FIXED', discountValue: 2500 })])
        .totalCents,
    ).toBe(0)
  })

  it('restricts a family discount to the lines of that family or its sub-families', () => {
    const coupon = offer({ scope: 'FAMILIES', familyIds: ['fam-argamassa'] })
    const cart = price(
      [
        line('ARG', 10, 2000, { familyIds: ['fam-ac3', 'fam-argamassa'] }),
        line('CIM', 10, 3000, { familyIds: ['fam-cimento'] }),
      ],
      [coupon],
    )
    expect(cart.lines.map((l) => l.discountCents)).toEqual([2000, 0])
    expect(cart.totalCents).toBe(48000)
  })

  it('restricts a product discount to those products', () => {
    const coupon = offer({
      scope: 'PRODUCTS',
      productIds: ['B'],
      discountType: 'FIXED',
      discountValue: 500,
    })
    const cart = price([line('A', 1, 1000), line('B', 1, 1000)], [coupon])
    expect(cart.lines.map((l) => l.discountCents)).toEqual([0, 500])
  })

  it('refuses a family coupon when the cart has nothing of the family', () => {
    const cart = price([line('CIM', 1, 1000)], [offer({ scope: 'FAMILIES', familyIds: ['fam-x'] })])
    expect(cart.offers[0]).toMatchObject({ applied: false, refusal: { code: 'NO_TARGETED_ITEMS' } })
    expect(cart.totalCents).toBe(1000)
  })

  it('says how much is missing for the minimum of an offer', () => {
    const cart = price([line('A', 1, 12000)], [offer({ minOrderCents: 50000 })])
    expect(cart.offers[0]!.refusal).toEqual({
      code: 'BELOW_MINIMUM',
      minimumCents: 50000,
      missingCents: 38000,
    })
    expect(cart.discountCents).toBe(0)
  })

  it('applies from exactly the minimum', () => {
    expect(price([line('A', 1, 50000)], [offer({ minOrderCents: 50000 })]).offers[0]!.applied).toBe(
      true,
    )
  })

  it.each([
    ['not started', { startsAt: new Date('2026-12-01T00:00:00Z') }, 'NOT_STARTED'],
    ['expired', { endsAt: new Date('2026-11-23T11:59:59Z') }, 'EXPIRED'],
    ['ending right now', { endsAt: NOW }, 'EXPIRED'],
    ['paused', { paused: true }, 'PAUSED'],
    ['used up', { maxRedemptions: 10, redemptionCount: 10 }, 'EXHAUSTED'],
    ['used up by this account', { maxPerAccount: 1, accountRedemptions: 1 }, 'ACCOUNT_LIMIT'],
    ['for inactive accounts', { audience: 'INACTIVE' as const }, 'NOT_FOR_ACCOUNT'],
    [
      'for another segment',
      { audience: 'SEGMENT' as const, audienceSegment: 'Farmácia' },
      'NOT_FOR_ACCOUNT',
    ],
    [
      'for named accounts',
      { audience: 'NAMED' as const, namedForAccount: false },
      'NOT_FOR_ACCOUNT',
    ],
  ])('refuses an offer %s', (_label, extra, code) => {
    const cart = price([line('A', 1, 10000)], [offer(extra)])
    expect(cart.offers[0]).toMatchObject({ applied: false, refusal: { code } })
    expect(cart.totalCents).toBe(10000)
  })

  it.each([
    ['still valid', { endsAt: new Date('2026-11-23T12:00:01Z') }],
    ['with redemptions left', { maxRedemptions: 10, redemptionCount: 9 }],
    ['for inactive accounts', { audience: 'INACTIVE' as const }, { status: 'INACTIVE' as const }],
    ['for lost accounts', { audience: 'INACTIVE' as const }, { status: 'LOST' as const }],
    [
      'for its segment, whatever the case',
      { audience: 'SEGMENT' as const, audienceSegment: 'home CENTER ' },
    ],
    ['for this named account', { audience: 'NAMED' as const, namedForAccount: true }],
  ])('applies an offer %s', (_label, extra, acc: Partial<PricingAccount> = {}) => {
    expect(price([line('A', 1, 10000)], [offer(extra)], acc).offers[0]!.applied).toBe(true)
  })

  it('adds a bonus item when the order qualifies, at no cost', () => {
    const bonus = offer({
      code: null,
      discountType: 'NONE',
      discountValue: 0,
      scope: 'FAMILIES',
      familyIds: ['fam-cimento'],
      minOrderCents: 150000,
      bonus: {
        productId: 'X',
        sku: 'X',
        name: 'Desempenadeira',
        unit: 'UN',
        quantity: 1,
        unitValueCents: 2490,
        available: true,
      },
    })
    const qualifying = price([line('CIM', 50, 3200, { familyIds: ['fam-cimento'] })], [bonus])
    expect(qualifying.bonusItems).toEqual([
      expect.objectContaining({ sku: 'X', quantity: 1, unitValueCents: 2490 }),
    ])
    expect(qualifying.totalCents).toBe(160000)
    expect(qualifying.savingsCents).toBe(2490)

    const tooSmall = price([line('CIM', 40, 3200, { familyIds: ['fam-cimento'] })], [bonus])
    expect(tooSmall.bonusItems).toEqual([])
    expect(tooSmall.offers[0]!.refusal).toMatchObject({
      code: 'BELOW_MINIMUM',
      missingCents: 22000,
    })

    const wrongFamily = price([line('ARG', 100, 3200, { familyIds: ['fam-arg'] })], [bonus])
    expect(wrongFamily.offers[0]!.refusal).toEqual({ code: 'NO_TARGETED_ITEMS' })
  })

  it('drops a bonus offer whose product is no longer sold', () => {
    const bonus = offer({
      discountType: 'NONE',
      discountValue: 0,
      bonus: {
        productId: 'X',
        sku: 'X',
        name: 'X',
        unit: 'UN',
        quantity: 1,
        unitValueCents: 100,
        available: false,
      },
    })
    const cart = price([line('A', 1, 1000)], [bonus])
    expect(cart.offers[0]!.refusal).toEqual({ code: 'BONUS_UNAVAILABLE' })
    expect(cart.bonusItems).toEqual([])
  })

  it('extends every instalment of every allowed term', () => {
    const cart = price(
      [line('A', 1, 1000)],
      [offer({ discountType: 'NONE', discountValue: 0, extraTermDays: 30 })],
    )
    expect(cart.extraTermDays).toBe(30)
    expect(cart.terms).toEqual([
      { code: '28', extraDays: 30, effectiveCode: '58' },
      { code: '28/56', extraDays: 30, effectiveCode: '58/86' },
    ])
  })
})

describe('rules combined', () => {
  const welcomeBack = () =>
    offer({
      code: null,
      name: 'Bem-vindo de volta',
      audience: 'INACTIVE',
      discountValue: 500,
      extraTermDays: 30,
      stackable: true,
    })

  it('stacks stackable offers, each on what the previous ones left', () => {
    const first = welcomeBack()
    const second = offer({
      stackable: true,
      scope: 'FAMILIES',
      familyIds: ['fam-arg'],
      discountValue: 1000,
    })
    const cart = price(
      [line('ARG', 10, 1000, { familyIds: ['fam-arg'] }), line('CIM', 10, 1000)],
      [first, second],
      { status: 'INACTIVE' },
    )
    // 5 % of 200,00 = 10,00; then 10 % of the remaining 95,00 of argamassa = 9,50.
    expect(cart.offers.map((o) => o.discountCents)).toEqual([1000, 950])
    expect(cart.lines.map((l) => l.discountCents)).toEqual([1450, 500])
    expect(cart.totalCents).toBe(18050)
    expect(cart.extraTermDays).toBe(30)
  })

  it('gives a non-stackable offer alone when it is worth more than the stackable ones', () => {
    const stack = welcomeBack()
    const alone = offer({ stackable: false, discountValue: 2000, name: 'VINTE' })
    const cart = price([line('A', 1, 10000)], [stack, alone], { status: 'LOST' })
    expect(cart.offers.map((o) => o.applied)).toEqual([false, true])
    expect(cart.offers[0]!.refusal).toEqual({ code: 'NOT_STACKABLE', otherOffer: 'VINTE' })
    expect(cart.totalCents).toBe(8000)
    expect(cart.extraTermDays).toBe(0)
  })

  it('keeps the stackable offers when a non-stackable one is worth less', () => {
    const stack = welcomeBack()
    const alone = offer({
      stackable: false,
      discountType: 'FIXED',
      discountValue: 100,
      name: 'UM REAL',
    })
    const cart = price([line('A', 1, 10000)], [stack, alone], { status: 'INACTIVE' })
    expect(cart.offers.map((o) => o.applied)).toEqual([true, false])
    expect(cart.offers[1]!.refusal).toEqual({
      code: 'NOT_STACKABLE',
      otherOffer: 'Bem-vindo de volta',
    })
    expect(cart.totalCents).toBe(9500)
  })

  it('counts a bonus item at its value when choosing between offers', () => {
    const bonus = offer({
      stackable: false,
      discountType: 'NONE',
      discountValue: 0,
      bonus: {
        productId: 'X',
        sku: 'X',
        name: 'X',
        unit: 'UN',
        quantity: 2,
        unitValueCents: 1000,
        available: true,
      },
    })
    const small = offer({ stackable: false, discountType: 'FIXED', discountValue: 1500 })
    const cart = price([line('A', 1, 10000)], [small, bonus])
    expect(cart.offers.map((o) => o.applied)).toEqual([false, true])
    expect(cart.savingsCents).toBe(2000)
  })

  it('does not add up the extra days of two term offers; the longest counts', () => {
    const a = offer({ stackable: true, discountType: 'NONE', discountValue: 0, extraTermDays: 15 })
    const b = offer({ stackable: true, discountType: 'NONE', discountValue: 0, extraTermDays: 30 })
    expect(price([line('A', 1, 1000)], [a, b]).extraTermDays).toBe(30)
  })

  it('checks the account minimum against the total after discounts', () => {
    const cart = price([line('A', 1, 50000)], [offer({ discountValue: 1000 })], {
      minimumOrderCents: 50000,
    })
    expect(cart.totalCents).toBe(45000)
    expect(cart.missingForMinimumCents).toBe(5000)
  })

  it('checks an offer minimum against the subtotal before discounts, with tiers and price list applied', () => {
    const cart = price(
      [
        line('A', 10, 10000, {
          priceListPriceCents: 9000,
          tiers: [{ minQuantity: 10, priceCents: 5000 }],
        }),
      ],
      [offer({ minOrderCents: 60000 })],
    )
    expect(cart.subtotalCents).toBe(50000)
    expect(cart.offers[0]!.refusal).toMatchObject({ code: 'BELOW_MINIMUM', missingCents: 10000 })
  })

  it('reports a refused coupon without touching the prices of an applied one', () => {
    const good = offer({ stackable: true, discountValue: 1000 })
    const expired = offer({ stackable: true, endsAt: new Date('2026-01-01T00:00:00Z') })
    const cart = price([line('A', 3, 999)], [good, expired])
    expect(cart.offers.map((o) => [o.applied, o.refusal?.code])).toEqual([
      [true, undefined],
      [false, 'EXPIRED'],
    ])
    expect(cart.discountCents).toBe(300) // 10 % of 29,97 = 2,997 -> 3,00
  })
})
