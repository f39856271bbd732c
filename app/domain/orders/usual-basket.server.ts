import { productCards } from '~/domain/catalog/catalog.server'
import { prisma } from '~/utils/db.server'
import { addItemsToCart } from './cart.server'
import { checkQuantity } from './quantity'
import { USUAL_BASKET_DAYS, USUAL_BASKET_ORDERS, usualBasket } from './usual-basket'

const DAY_MS = 86_400_000

/**
 * The account's usual basket as its storefront shows it: each product with today's price for
 * the account and the usual quantity, plus the account's cadence (median days between orders)
 * and the days since its last order. Null when the history shows no habit yet.
 */
export async function loadUsualBasket(accountId: string, now = new Date()) {
  const account = await prisma.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { priceListId: true, medianIntervalDays: true, lastOrderAt: true },
  })
  const orders = await prisma.order.findMany({
    where: {
      accountId,
      status: { not: 'CANCELLED' },
      placedAt: { gte: new Date(now.getTime() - USUAL_BASKET_DAYS * DAY_MS) },
    },
    orderBy: { placedAt: 'desc' },
    take: USUAL_BASKET_ORDERS,
    // Free items came from an offer, not from the buyer's habit.
    select: {
      lines: { where: { isBonus: false }, select: { productId: true, sku: true, quantity: true } },
    },
  })
  if (orders.length < 2) return null
  // Imported lines may carry only a SKU: match them to the catalog by SKU, as reorder does.
  const skus = [
    ...new Set(
      orders.flatMap((o) => o.lines.filter((l) => !l.productId).map((l) => l.sku.toUpperCase())),
    ),
  ]
  const bySku = new Map(
    skus.length
      ? (
          await prisma.product.findMany({
            where: { sku: { in: skus } },
            select: { id: true, sku: true },
          })
        ).map((p) => [p.sku, p.id])
      : [],
  )
  const basketOrders = orders.map((order) => ({
    lines: order.lines.flatMap((line) => {
      const productId = line.productId ?? bySku.get(line.sku.toUpperCase())
      return productId ? [{ productId, quantity: line.quantity }] : []
    }),
  }))
  const candidates = [...new Set(basketOrders.flatMap((o) => o.lines.map((l) => l.productId)))]
  const cards = await productCards(account.priceListId, candidates)
  const items = usualBasket(basketOrders, new Map(cards.map((card) => [card.id, card.packSize])))
  if (!items.length) return null
  const cardById = new Map(cards.map((card) => [card.id, card]))
  return {
    items: items.map((item) => ({ ...cardById.get(item.productId)!, quantity: item.quantity })),
    cadenceDays: account.medianIntervalDays,
    daysSinceLastOrder: account.lastOrderAt
      ? Math.floor((now.getTime() - account.lastOrderAt.getTime()) / DAY_MS)
      : null,
  }
}

export type UsualBasketProblem = {
  index: number
  packSize?: number
  code: 'UNAVAILABLE' | 'QUANTITY' | 'NOT_PACK_MULTIPLE'
}

/**
 * Puts the basket's lines in the cart, with the quantities the buyer left (0 skips a line), in
 * one transaction; nothing is added when a line is refused, so the buyer corrects and resends.
 */
export async function addUsualBasket(
  accountId: string,
  lines: readonly { productId: string; quantity: number }[],
): Promise<{ ok: true; added: number } | { ok: false; problems: UsualBasketProblem[] }> {
  const account = await prisma.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { priceListId: true },
  })
  const cards = await productCards(
    account.priceListId,
    lines.map((line) => line.productId),
  )
  const packOf = new Map(cards.map((card) => [card.id, card.packSize]))
  const problems: UsualBasketProblem[] = []
  lines.forEach((line, index) => {
    if (line.quantity === 0) return
    const packSize = packOf.get(line.productId)
    if (packSize === undefined) return problems.push({ index, code: 'UNAVAILABLE' })
    const problem = checkQuantity(line.quantity, packSize)
    if (problem === 'NOT_PACK_MULTIPLE') problems.push({ index, code: problem, packSize })
    else if (problem) problems.push({ index, code: 'QUANTITY' })
  })
  if (problems.length) return { ok: false, problems }
  const wanted = lines.filter((line) => line.quantity > 0)
  await addItemsToCart(accountId, wanted)
  return { ok: true, added: wanted.length }
}
