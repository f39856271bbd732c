/**
 * "Seu pedido de sempre": what an account usually buys, from its own recent orders (online and
 * imported alike), in the quantity it usually takes, rounded up to whole packs.
 */
import { roundUpToPack } from '~/domain/catalog/quantity'

/** How many of the latest orders speak for the account's habit. */
export const USUAL_BASKET_ORDERS = 6
/** Only orders of the last year count: an older habit is not today's. */
export const USUAL_BASKET_DAYS = 365
export const USUAL_BASKET_MAX_ITEMS = 12

export type BasketOrder = { lines: readonly { productId: string; quantity: number }[] }
export type UsualItem = { productId: string; quantity: number; orders: number }

/**
 * The products bought in at least half of the given orders (and in two of them at least), each
 * in the median of the quantities it was bought in (lines of one order summed), rounded up to
 * its pack size. Products without a pack size (not on sale today) are left out. Most frequent
 * first, then the largest quantity; at most `maxItems`.
 */
export function usualBasket(
  orders: readonly BasketOrder[],
  packSizes: ReadonlyMap<string, number>,
  maxItems = USUAL_BASKET_MAX_ITEMS,
): UsualItem[] {
  const considered = orders.slice(0, USUAL_BASKET_ORDERS)
  const needed = Math.max(2, Math.ceil(considered.length / 2))
  const quantities = new Map<string, number[]>()
  for (const order of considered) {
    const inOrder = new Map<string, number>()
    for (const line of order.lines) {
      inOrder.set(line.productId, (inOrder.get(line.productId) ?? 0) + line.quantity)
    }
    for (const [productId, quantity] of inOrder) {
      quantities.set(productId, [...(quantities.get(productId) ?? []), quantity])
    }
  }
  const items: UsualItem[] = []
  for (const [productId, bought] of quantities) {
    const packSize = packSizes.get(productId)
    if (packSize === undefined || bought.length < needed) continue
    items.push({
      productId,
      quantity: roundUpToPack(median(bought), packSize),
      orders: bought.length,
    })
  }
  items.sort(
    (a, b) => b.orders - a.orders || b.quantity - a.quantity || cmp(a.productId, b.productId),
  )
  return items.slice(0, maxItems)
}

/** The middle value; of two middle values, their mean (the pack rounding then goes up). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
