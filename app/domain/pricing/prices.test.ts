import { allocate, percentOf, tieredUnitPrice, unitPriceFor } from './prices'

describe('prices', () => {
  it("uses the price list's price when it has one, else the list price", () => {
    expect(unitPriceFor(1000, 900)).toBe(900)
    expect(unitPriceFor(1000, undefined)).toBe(1000)
    expect(unitPriceFor(1000, null)).toBe(1000)
  })

  it.each([
    // quantity, expected unit price, tier used, next tier
    [1, 1000, null, 10],
    [9, 1000, null, 10],
    [10, 900, 10, 50],
    [49, 900, 10, 50],
    [50, 850, 50, null],
    [500, 850, 50, null],
  ])('at %i units a tiered product costs %i', (quantity, unit, tier, next) => {
    const tiers = [
      { minQuantity: 50, priceCents: 850 },
      { minQuantity: 10, priceCents: 900 },
    ]
    const result = tieredUnitPrice(1000, tiers, quantity)
    expect(result.unitPriceCents).toBe(unit)
    expect(result.tierMinQuantity).toBe(tier)
    expect(result.nextTier?.minQuantity ?? null).toBe(next)
  })
})

describe('rounding', () => {
  it('rounds percentages half up, in cents', () => {
    expect(percentOf(1005, 1000)).toBe(101) // 100.5 -> 101
    expect(percentOf(1004, 1000)).toBe(100) // 100.4 -> 100
    expect(percentOf(333, 3333)).toBe(111) // 110.99 -> 111
  })

  it('splits an amount over lines in whole cents that add up exactly', () => {
    expect(allocate(100, [300, 300, 300])).toEqual([34, 33, 33])
    expect(allocate(100, [1, 1, 1])).toEqual([1, 1, 1]) // a line never goes below zero
    expect(allocate(1000, [300, 700])).toEqual([300, 700])
    expect(allocate(5000, [300, 700])).toEqual([300, 700]) // never more than the lines
    expect(allocate(0, [300, 700])).toEqual([0, 0])
  })
})
