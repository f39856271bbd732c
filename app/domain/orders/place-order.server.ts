import { prisma, isUniqueViolation } from '~/utils/db.server'
import { syncAccounts } from '../accounts/reclassify.server'
import { audit } from '../audit/audit.server'
import { addRevenue } from '../dashboard/revenue-summary.server'
import { loadCartLines } from './cart.server'
import { sendOrderConfirmation } from './order-notifications.server'
import { priceCart } from './price-cart'

export type PlaceOrderInput = {
  accountId: string
  userId: string
  /** Generated when the checkout form is rendered; the same key always yields the same order. */
  idempotencyKey: string
  paymentTermCode: string
  /** Staff member placing the order for the buyer (telesales), audited. */
  impersonatorId?: string | null
  now?: Date
}

export type PlaceOrderResult =
  | { ok: true; orderId: number; created: boolean }
  | {
      ok: false
      code: 'EMPTY_CART' | 'BELOW_MINIMUM' | 'TERM_NOT_ALLOWED' | 'KEY_IN_USE'
      missingCents?: number
    }

class CheckoutRefused extends Error {
  constructor(readonly result: Extract<PlaceOrderResult, { ok: false }>) {
    super(result.code)
  }
}

async function existingOrder(
  accountId: string,
  idempotencyKey: string,
): Promise<PlaceOrderResult | null> {
  const order = await prisma.order.findUnique({
    where: { idempotencyKey },
    select: { id: true, accountId: true },
  })
  if (!order) return null
  // A key belongs to the account that first used it; another account never sees that order.
  if (order.accountId !== accountId) return { ok: false, code: 'KEY_IN_USE' }
  return { ok: true, orderId: order.id, created: false }
}

/**
 * Turns the account's cart into an order paid on terms. One transaction: snapshot the priced
 * lines, empty the cart, move the account's last-order date and status. Idempotent by key:
 * a double submit or a retry returns the order the first request created.
 */
export async function placeOrderOnTerms(input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const { accountId, userId, idempotencyKey, paymentTermCode } = input
  const now = input.now ?? new Date()
  const replay = await existingOrder(accountId, idempotencyKey)
  if (replay) return replay

  let orderId: number
  try {
    orderId = await prisma.$transaction(async (tx) => {
      const account = await tx.account.findUniqueOrThrow({
        where: { id: accountId },
        select: {
          id: true,
          priceListId: true,
          minimumOrderCents: true,
          repId: true,
          state: true,
          paymentTerms: { select: { code: true } },
        },
      })
      if (!account.paymentTerms.some((term) => term.code === paymentTermCode)) {
        throw new CheckoutRefused({ ok: false, code: 'TERM_NOT_ALLOWED' })
      }
      // Discontinued products are left out (the cart page warns) and leave with the cart.
      const { lines } = await loadCartLines(tx, account)
      if (!lines.length) throw new CheckoutRefused({ ok: false, code: 'EMPTY_CART' })
      const cart = priceCart(lines, account.minimumOrderCents)
      if (cart.missingForMinimumCents > 0) {
        throw new CheckoutRefused({
          ok: false,
          code: 'BELOW_MINIMUM',
          missingCents: cart.missingForMinimumCents,
        })
      }

      const order = await tx.order.create({
        data: {
          accountId,
          channel: 'ONLINE',
          paymentMethod: 'TERMS',
          paymentTermCode,
          idempotencyKey,
          placedById: userId,
          repId: account.repId,
          subtotalCents: cart.subtotalCents,
          discountCents: cart.discountCents,
          totalCents: cart.totalCents,
          placedAt: now,
          lines: {
            create: cart.lines.map((line) => ({
              productId: line.productId,
              sku: line.sku,
              name: line.name,
              quantity: line.quantity,
              unitPriceCents: line.unitPriceCents,
              discountCents: line.discountCents,
              totalCents: line.totalCents,
            })),
          },
        },
        select: { id: true },
      })
      await tx.cartItem.deleteMany({ where: { cart: { accountId } } })
      await addRevenue(tx, [
        {
          placedAt: now,
          channel: 'ONLINE',
          repId: account.repId,
          state: account.state,
          totalCents: cart.totalCents,
        },
      ])
      // Status, cadence, history and reactivation move with the order, in the same transaction.
      await syncAccounts(tx, { accountIds: [accountId], now })
      if (input.impersonatorId) {
        await audit(tx, {
          actorId: input.impersonatorId,
          onBehalfOfUserId: userId,
          action: 'order.placed_on_behalf',
          entity: 'Order',
          entityId: String(order.id),
          changes: { totalCents: cart.totalCents },
        })
      }
      return order.id
    })
  } catch (error) {
    if (error instanceof CheckoutRefused) {
      // The first request may have emptied the cart by now: answer with its order instead.
      return (await existingOrder(accountId, idempotencyKey)) ?? error.result
    }
    if (isUniqueViolation(error)) {
      const winner = await existingOrder(accountId, idempotencyKey)
      if (winner) return winner
    }
    throw error
  }

  await sendOrderConfirmation(orderId).catch((error: unknown) => {
    // The order stands even if the mail cannot go out now; it is logged for follow-up.
    console.error(`Order ${orderId}: confirmation email failed`, error)
  })
  return { ok: true, orderId, created: true }
}
