import { prisma, isUniqueViolation, readAll } from '~/utils/db.server'
import { DAY_MS } from '~/utils/dates'
import { syncAccounts } from '~/domain/accounts/reclassify.server'
import { audit } from '~/domain/audit/audit.server'
import { addRevenue } from '~/domain/accounts/revenue-summary.server'
import { creditOrder } from '~/domain/commission/ledger.server'
import { commissionForOrder } from '~/domain/commission/rates.server'
import { brandingFrom, type Branding } from '~/domain/company/company.server'
import {
  claimRedemptions,
  offersInPlay,
  RedemptionRefused,
} from '~/domain/promotions/offers.server'
import { loadCartLines } from './cart.server'
import { readCheckoutContext } from './checkout-context.server'
import { priceCart } from './price-cart'
import { stripeEnabled } from '~/domain/payments/stripe.server'
import { queueOrderConfirmation, type OrderConfirmation } from './order-notifications.server'
import { pickAttribution } from '~/domain/campaigns/attribution.server'

export type PlaceOrderInput = {
  accountId: string
  userId: string
  /** Generated when the checkout form is rendered; the same key always yields the same order. */
  idempotencyKey: string
  /** On terms (the B2B norm) with one of the account's terms, or pay now with Stripe. */
  paymentMethod?: 'TERMS' | 'STRIPE'
  /** Required on terms; ignored when paying now. */
  paymentTermCode?: string | null
  /**
   * The total the buyer saw when submitting. If the price changed since (an offer ran out, a
   * price was edited), the order is not placed and the buyer sees the new cart.
   */
  expectedTotalCents: number
  /** Staff member placing the order for the buyer (telesales), audited. */
  impersonatorId?: string | null
  now?: Date
}

export type PlaceOrderResult =
  | { ok: true; orderId: number; created: boolean }
  | {
      ok: false
      code:
        | 'EMPTY_CART'
        | 'BELOW_MINIMUM'
        | 'TERM_NOT_ALLOWED'
        | 'PAY_NOW_UNAVAILABLE'
        | 'KEY_IN_USE'
        | 'PRICE_CHANGED'
        | 'OFFER_EXHAUSTED'
        | 'OFFER_ACCOUNT_LIMIT'
      missingCents?: number
      offerName?: string
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
 * Turns the account's cart into an order, on terms or to be paid now with Stripe. One
 * transaction: snapshot the priced lines, empty the cart, move the account's last-order date and
 * status. Idempotent by key: a double submit or a retry returns the order the first request
 * created (the key is unique: a replay finds the cart emptied, or fails to insert, and answers
 * with the first order). An order paid now exists (payment PENDING) before the buyer is sent
 * to Stripe.
 *
 * What it reads and writes is counted (decision 016, checkout-statements.server.test.ts):
 * two statements of context, the cart's lines and the offers in play; then the order, its lines,
 * the redemptions, the commission credit, the emptied cart, the revenue summary and the
 * account's status; and the confirmation email queued from memory.
 */
export async function placeOrder(input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const { accountId, userId, idempotencyKey } = input
  const paymentMethod = input.paymentMethod ?? 'TERMS'
  const paymentTermCode = paymentMethod === 'TERMS' ? (input.paymentTermCode ?? '') : null
  const now = input.now ?? new Date()
  if (paymentMethod === 'STRIPE' && !stripeEnabled()) {
    return (
      (await existingOrder(accountId, idempotencyKey)) ?? { ok: false, code: 'PAY_NOW_UNAVAILABLE' }
    )
  }

  let placed: { confirmation: OrderConfirmation; brand: Branding }
  try {
    placed = await prisma.$transaction(async (tx) => {
      const context = await readCheckoutContext(tx, { accountId, userId, now })
      const { account, settings } = context
      if (paymentTermCode !== null && !account.paymentTermCodes.includes(paymentTermCode)) {
        throw new CheckoutRefused({ ok: false, code: 'TERM_NOT_ALLOWED' })
      }
      // Discontinued products are left out (the cart page warns) and leave with the cart.
      const [{ lines }, offers] = await readAll(tx, [
        () => loadCartLines(tx, account, context.families),
        () => offersInPlay(tx, account, now, context.usage),
      ] as const)
      // A product put in the cart since the context was read (its family unknown to it) means
      // the cart is not the one the buyer saw.
      if (lines.some((line) => !context.families.lineage.has(line.familyIds?.[0] ?? ''))) {
        throw new CheckoutRefused({ ok: false, code: 'PRICE_CHANGED' })
      }
      const cart = priceCart({ lines, account, offers, now })
      if (!cart.lines.length) throw new CheckoutRefused({ ok: false, code: 'EMPTY_CART' })
      if (cart.missingForMinimumCents > 0) {
        throw new CheckoutRefused({
          ok: false,
          code: 'BELOW_MINIMUM',
          missingCents: cart.missingForMinimumCents,
        })
      }
      if (input.expectedTotalCents !== cart.totalCents) {
        throw new CheckoutRefused({ ok: false, code: 'PRICE_CHANGED' })
      }
      const applied = cart.offers.filter((offer) => offer.applied)
      const commission = await commissionForOrder(
        tx,
        {
          repId: account.repId,
          // An order that brings an INACTIVE or LOST account back is inside its own bonus window.
          reactivatedAt:
            account.status === 'INACTIVE' || account.status === 'LOST'
              ? now
              : account.reactivatedAt,
          placedAt: now,
          lines: cart.lines.map((line) => ({
            familyIds: line.familyIds,
            netCents: line.totalCents,
          })),
        },
        settings,
        context.rep,
      )

      const since = new Date(now.getTime() - settings.attributionWindowDays * DAY_MS)
      const invitationId = pickAttribution(context.invitations, since, now)
      const termExtraDays = paymentTermCode ? cart.extraTermDays : 0
      const order = await tx.order.create({
        data: {
          accountId,
          invitationId,
          channel: 'ONLINE',
          paymentMethod,
          paymentTermCode,
          // Extra days on the terms mean nothing when paying now.
          termExtraDays,
          idempotencyKey,
          placedById: userId,
          repId: account.repId,
          subtotalCents: cart.subtotalCents,
          discountCents: cart.discountCents,
          totalCents: cart.totalCents,
          placedAt: now,
        },
        select: { id: true, currency: true },
      })
      const orderLines = [
        ...cart.lines.map((line, index) => ({
          orderId: order.id,
          commissionBps: commission?.lines[index]?.bps ?? null,
          productId: line.productId,
          sku: line.sku,
          name: line.name,
          quantity: line.quantity,
          unitPriceCents: line.unitPriceCents,
          discountCents: line.discountCents,
          totalCents: line.totalCents,
          isBonus: false,
        })),
        // Free items: at their value, discounted in full, so the order shows what was given.
        ...cart.bonusItems.map((item) => ({
          orderId: order.id,
          productId: item.productId,
          sku: item.sku,
          name: item.name,
          quantity: item.quantity,
          unitPriceCents: item.unitValueCents,
          discountCents: item.unitValueCents * item.quantity,
          totalCents: 0,
          isBonus: true,
          commissionBps: commission ? 0 : null,
        })),
      ]
      await tx.orderLine.createMany({ data: orderLines })
      if (paymentMethod === 'STRIPE') await tx.stripePayment.create({ data: { orderId: order.id } })
      const limits = new Map(offers.map((offer) => [offer.id, offer]))
      await claimRedemptions(
        tx,
        { id: order.id, accountId },
        applied.map((offer) => ({
          offerId: offer.offerId,
          name: offer.name,
          code: offer.code,
          discountCents: offer.discountCents,
          bonusSku: offer.bonus?.sku ?? null,
          bonusQuantity: offer.bonus?.quantity ?? 0,
          extraTermDays: offer.extraTermDays,
          limits: limits.get(offer.offerId),
        })),
      )
      await creditOrder(
        tx,
        { id: order.id, repId: account.repId, commissionCents: commission?.totalCents ?? 0 },
        { orderIsNew: true, at: now },
      )
      // The cart goes with its lines and coupons (their rows cascade), one statement; the next
      // visit starts a new one. A second checkout of the same cart (another tab, another buyer
      // of the account) waits on this row and finds it gone: refused, never a second order.
      const emptied = await tx.cart.deleteMany({ where: { accountId } })
      if (emptied.count !== 1) throw new CheckoutRefused({ ok: false, code: 'EMPTY_CART' })
      await addRevenue(tx, [
        {
          placedAt: now,
          channel: 'ONLINE',
          repId: account.repId,
          state: account.state,
          totalCents: cart.totalCents,
        },
      ])
      // Status, cadence, history and reactivation move with the order, in the same transaction,
      // from the account's orders read with the context and this one.
      await syncAccounts(tx, {
        accountIds: [accountId],
        now,
        thresholds: settings.thresholds,
        known: {
          account: {
            id: account.id,
            status: account.status,
            medianIntervalDays: account.medianIntervalDays,
            lastOrderAt: account.lastOrderAt,
            firstOrderAt: account.firstOrderAt,
            expectedNextOrderAt: account.expectedNextOrderAt,
            reactivatedAt: account.reactivatedAt,
            nextReviewAt: account.nextReviewAt,
          },
          orders: [
            ...context.orders,
            { id: order.id, channel: 'ONLINE', placedAt: now, invitationId },
          ],
          lastStatusChangeAt: context.lastStatusChangeAt,
        },
      })
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
      return {
        confirmation: {
          id: order.id,
          currency: order.currency,
          totalCents: cart.totalCents,
          discountCents: cart.discountCents,
          paymentTermCode,
          termExtraDays,
          accountName: account.tradeName,
          placedBy: context.placedBy,
          lines: orderLines,
        },
        brand: brandingFrom(settings.brand),
      }
    })
  } catch (error) {
    if (error instanceof RedemptionRefused) {
      const code = error.reason === 'EXHAUSTED' ? 'OFFER_EXHAUSTED' : 'OFFER_ACCOUNT_LIMIT'
      return (
        (await existingOrder(accountId, idempotencyKey)) ?? {
          ok: false,
          code,
          offerName: error.offerName,
        }
      )
    }
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

  const orderId = placed.confirmation.id
  await queueOrderConfirmation(placed.confirmation, placed.brand).catch((error: unknown) => {
    // The order stands even if the mail cannot go out now; it is logged for follow-up.
    console.error(`Order ${orderId}: confirmation email failed`, error)
  })
  return { ok: true, orderId, created: true }
}
