import { priceCart, unitPriceFor } from './price-cart'

const line = (sku: string, quantity: number, unitPriceCents: number) => ({
  productId: sku,
  sku,
  name: sku,
  unit: 'UN',
  packSize: 1,
  quantity,
  unitPriceCents,
})

describe('cart pricing', () => {
  it("uses the price list's price when it has one, else the list price", () => {
    expect(unitPriceFor(1000, 900)).toBe(900)
    expect(unitPriceFor(1000, undefined)).toBe(1000)
  })

  it('totals lines in integer cents', () => {
    const cart = priceCart([line('A', 3, 3333), line('B', 7, 1)], 0)
    expect(cart.lines.map((l) => l.totalCents)).toEqual([9999, 7])
    expect(cart.subtotalCents).toBe(10006)
    expect(cart.totalCents).toBe(10006)
  })

  it('says how much is missing for the minimum order', () => {
    expect(priceCart([line('A', 1, 38000)], 50000).missingForMinimumCents).toBe(12000)
    expect(priceCart([line('A', 2, 38000)], 50000).missingForMinimumCents).toBe(0)
    expect(priceCart([], 50000).missingForMinimumCents).toBe(50000)
  })
})
