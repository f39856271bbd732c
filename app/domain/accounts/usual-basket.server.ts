/**
 * Reading an account's usual basket ("Seu pedido de sempre", ./usual-basket.ts) from its order
 * history, for the storefront, the rep's account page and invitation emails.
 */
import { productCards } from '~/domain/catalog/catalog.server'
import { DAY_MS } from '~/utils/dates'
import { prisma } from '~/utils/db.server'
import { USUAL_BASKET_DAYS, USUAL_BASKET_ORDERS, usualBasket } from './usual-basket'

type Card = Awaited<ReturnType<typeof productCards>>[number]

/**
 * The usual baskets of these accounts, each product as the account's price list shows it today,
 * read in a few queries whatever the number of accounts (an outbox batch reads its invitations'
 * baskets at once). Accounts whose history shows no habit yet are absent.
 */
async function basketsOf(accountIds: readonly string[], now: Date) {
  const accounts = await prisma.account.findMany({
    where: { id: { in: [...accountIds] } },
    select: {
      id: true,
      priceListId: true,
      medianIntervalDays: true,
      lastOrderAt: true,
      orders: {
        where: {
          status: { not: 'CANCELLED' },
          placedAt: { gte: new Date(now.getTime() - USUAL_BASKET_DAYS * DAY_MS) },
        },
        orderBy: { placedAt: 'desc' },
        take: USUAL_BASKET_ORDERS,
        // Free items came from an offer, not from the buyer's habit.
        select: {
          lines: {
            where: { isBonus: false },
            select: { productId: true, sku: true, quantity: true },
          },
        },
      },
    },
  })
  const withHabit = accounts.filter((account) => account.orders.length >= 2)
  // Imported lines may carry only a SKU: match them to the catalog by SKU, as reorder does.
  const skus = [
    ...new Set(
      withHabit.flatMap((account) =>
        account.orders.flatMap((o) =>
          o.lines.filter((l) => !l.productId).map((l) => l.sku.toUpperCase()),
        ),
      ),
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
  const basketOrders = new Map(
    withHabit.map((account) => [
      account.id,
      account.orders.map((order) => ({
        lines: order.lines.flatMap((line) => {
          const productId = line.productId ?? bySku.get(line.sku.toUpperCase())
          return productId ? [{ productId, quantity: line.quantity }] : []
        }),
      })),
    ]),
  )
  // One read of the products per price list among these accounts.
  const cardsByList = new Map<string | null, Map<string, Card>>()
  for (const priceListId of new Set(withHabit.map((account) => account.priceListId))) {
    const ids = new Set(
      withHabit
        .filter((account) => account.priceListId === priceListId)
        .flatMap((account) =>
          basketOrders.get(account.id)!.flatMap((o) => o.lines.map((l) => l.productId)),
        ),
    )
    const cards = await productCards(priceListId, [...ids])
    cardsByList.set(priceListId, new Map(cards.map((card) => [card.id, card])))
  }
  const baskets = new Map<
    string,
    {
      items: (Card & { quantity: number })[]
      cadenceDays: number | null
      daysSinceLastOrder: number | null
    }
  >()
  for (const account of withHabit) {
    const cards = cardsByList.get(account.priceListId)!
    const packSizes = new Map([...cards.values()].map((card) => [card.id, card.packSize]))
    const items = usualBasket(basketOrders.get(account.id)!, packSizes)
    if (!items.length) continue
    baskets.set(account.id, {
      items: items.map((item) => ({ ...cards.get(item.productId)!, quantity: item.quantity })),
      cadenceDays: account.medianIntervalDays,
      daysSinceLastOrder: account.lastOrderAt
        ? Math.floor((now.getTime() - account.lastOrderAt.getTime()) / DAY_MS)
        : null,
    })
  }
  return baskets
}

/**
 * The account's usual basket as its storefront shows it: each product with today's price for
 * the account and the usual quantity, plus the account's cadence (median days between orders)
 * and the days since its last order. Null when the history shows no habit yet.
 */
export async function loadUsualBasket(accountId: string, now = new Date()) {
  return (await basketsOf([accountId], now)).get(accountId) ?? null
}

/** A line of the usual basket as an invitation email lists it. */
export type EmailBasketItem = { sku: string; name: string; unit: string; quantity: number }

/** The usual baskets of these accounts for their invitation emails, by account. */
export async function usualBasketsForEmail(
  accountIds: readonly string[],
  now = new Date(),
): Promise<Map<string, EmailBasketItem[]>> {
  const baskets = await basketsOf(accountIds, now)
  return new Map(
    [...baskets].map(([accountId, basket]) => [
      accountId,
      basket.items.map(({ sku, name, unit, quantity }) => ({ sku, name, unit, quantity })),
    ]),
  )
}
