import { usualBasket } from './usual-basket'

const order = (...lines: [string, number][]) => ({
  lines: lines.map(([productId, quantity]) => ({ productId, quantity })),
})
const packs = new Map([
  ['cement', 10],
  ['paint', 1],
  ['trowel', 1],
  ['screws', 4],
])

describe('the usual basket', () => {
  it('keeps what at least half of the orders had, in the median quantity rounded to the pack', () => {
    const orders = [
      order(['cement', 40], ['paint', 2]),
      order(['cement', 55], ['trowel', 1]),
      order(['cement', 30], ['paint', 3]),
      order(['paint', 1]),
    ]
    expect(usualBasket(orders, packs)).toEqual([
      // 30, 40, 55 → 40; bought in 3 of 4 orders.
      { productId: 'cement', quantity: 40, orders: 3 },
      // 1, 2, 3 → 2.
      { productId: 'paint', quantity: 2, orders: 3 },
    ])
  })

  it('sums the lines of one order and rounds an even median up to whole packs', () => {
    const orders = [order(['screws', 3], ['screws', 2]), order(['screws', 8])]
    // 5 and 8 → 6.5 → two packs of 4.
    expect(usualBasket(orders, packs)).toEqual([{ productId: 'screws', quantity: 8, orders: 2 }])
  })

  it('needs a product in two orders at least: one order is not a habit', () => {
    expect(usualBasket([order(['cement', 40])], packs)).toEqual([])
    expect(usualBasket([order(['cement', 40]), order(['paint', 2])], packs)).toEqual([])
  })

  it('leaves out products not on sale today and looks at the six latest orders only', () => {
    const recent = Array.from({ length: 6 }, () => order(['paint', 1]))
    const older = Array.from({ length: 6 }, () => order(['cement', 10], ['gone', 5]))
    expect(usualBasket([...recent, ...older], packs)).toEqual([
      { productId: 'paint', quantity: 1, orders: 6 },
    ])
    expect(usualBasket([order(['gone', 5]), order(['gone', 5])], packs)).toEqual([])
  })

  it('puts the most frequent first and stops at the limit', () => {
    const orders = [
      order(['paint', 1], ['cement', 10], ['trowel', 1]),
      order(['paint', 1], ['cement', 10], ['trowel', 1]),
      order(['paint', 1], ['cement', 10]),
      order(['paint', 1]),
    ]
    expect(usualBasket(orders, packs, 2).map((item) => item.productId)).toEqual(['paint', 'cement'])
  })
})
