/**
 * Offers as the storefront meets them: which ones are in play for an account's cart, whether a
 * code can apply, and claiming redemptions when an order is placed. Putting a coupon in the
 * cart is the cart's own business (orders/cart-offers.server.ts).
 */
import { type Prisma } from '@prisma/client'
import { prisma, type Tx } from '~/utils/db.server'
import { unitPriceFor } from '~/domain/pricing/prices'
import { offerAvailability, type PricingAccount, type PricingOffer } from './eligibility'

type Db = Tx | typeof prisma

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase()
}

export const pricingOfferSelect = (accountId: string, priceListId: string | null) =>
  ({
    id: true,
    name: true,
    code: true,
    discountType: true,
    discountValue: true,
    scope: true,
    minOrderCents: true,
    startsAt: true,
    endsAt: true,
    maxRedemptions: true,
    redemptionCount: true,
    maxPerAccount: true,
    audience: true,
    audienceSegment: true,
    stackable: true,
    bonusQuantity: true,
    extraTermDays: true,
    paused: true,
    families: { select: { id: true } },
    products: { select: { id: true } },
    namedAccounts: { where: { id: accountId }, select: { id: true } },
    accountUsage: { where: { accountId }, select: { count: true } },
    bonusProduct: {
      select: {
        id: true,
        sku: true,
        name: true,
        unit: true,
        active: true,
        listPriceCents: true,
        prices: { where: { priceListId: priceListId ?? '' }, select: { priceCents: true } },
      },
    },
  }) satisfies Prisma.OfferSelect

type OfferRow = Prisma.OfferGetPayload<{ select: ReturnType<typeof pricingOfferSelect> }>

export function toPricingOffer(row: OfferRow): PricingOffer {
  const product = row.bonusProduct
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    discountType: row.discountType,
    discountValue: row.discountValue,
    scope: row.scope,
    familyIds: row.families.map((f) => f.id),
    productIds: row.products.map((p) => p.id),
    minOrderCents: row.minOrderCents,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    maxRedemptions: row.maxRedemptions,
    redemptionCount: row.redemptionCount,
    maxPerAccount: row.maxPerAccount,
    accountRedemptions: row.accountUsage[0]?.count ?? 0,
    audience: row.audience,
    audienceSegment: row.audienceSegment,
    namedForAccount: row.namedAccounts.length > 0,
    stackable: row.stackable,
    bonus:
      product && row.bonusQuantity > 0
        ? {
            productId: product.id,
            sku: product.sku,
            name: product.name,
            unit: product.unit,
            quantity: row.bonusQuantity,
            unitValueCents: unitPriceFor(product.listPriceCents, product.prices[0]?.priceCents),
            available: product.active,
          }
        : null,
    extraTermDays: row.extraTermDays,
    paused: row.paused,
  }
}

export type PricingAccountRow = PricingAccount & { priceListId: string | null }

/**
 * The offers the pricing function must consider for this account's cart: automatic offers
 * available to the account (others stay invisible to it), then the coupons applied to the cart.
 */
export async function offersInPlay(
  db: Db,
  account: PricingAccountRow,
  now: Date,
): Promise<PricingOffer[]> {
  // One query for both kinds (each relation costs a statement, so two queries would cost twice).
  const rows = await db.offer.findMany({
    where: {
      OR: [
        {
          code: null,
          paused: false,
          AND: [
            { OR: [{ startsAt: null }, { startsAt: { lte: now } }] },
            { OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
          ],
        },
        { carts: { some: { cart: { accountId: account.id } } } },
      ],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      ...pricingOfferSelect(account.id, account.priceListId),
      carts: { where: { cart: { accountId: account.id } }, select: { appliedAt: true } },
    },
  })
  const automatic = rows
    .filter((row) => row.code === null)
    .map(toPricingOffer)
    .filter((offer) => !offerAvailability(offer, account, now))
  const applied = rows
    .filter((row) => row.code !== null && row.carts.length > 0)
    .sort((a, b) => a.carts[0]!.appliedAt.getTime() - b.carts[0]!.appliedAt.getTime())
    .map(toPricingOffer)
  return [...automatic, ...applied]
}

/**
 * The "welcome back" offers an INACTIVE or LOST account sees when it comes back: automatic
 * offers for that audience that it may still use. Other accounts cost no query.
 */
export async function welcomeBackOffers(
  account: Pick<PricingAccountRow, 'id' | 'status' | 'segment' | 'priceListId'>,
  now = new Date(),
): Promise<{ id: string; name: string; description: string }[]> {
  if (account.status !== 'INACTIVE' && account.status !== 'LOST') return []
  const rows = await prisma.offer.findMany({
    where: {
      code: null,
      paused: false,
      audience: 'INACTIVE',
      AND: [
        { OR: [{ startsAt: null }, { startsAt: { lte: now } }] },
        { OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
      ],
    },
    orderBy: { createdAt: 'asc' },
    select: { ...pricingOfferSelect(account.id, account.priceListId), description: true },
  })
  return rows
    .filter((row) => !offerAvailability(toPricingOffer(row), account, now))
    .map((row) => ({ id: row.id, name: row.name, description: row.description }))
}

/** Why a redemption could not be claimed at checkout. */
export class RedemptionRefused extends Error {
  constructor(
    readonly offerName: string,
    readonly reason: 'EXHAUSTED' | 'ACCOUNT_LIMIT',
  ) {
    super(`${offerName}: ${reason}`)
  }
}

export type RedemptionToClaim = {
  offerId: string
  name: string
  code: string | null
  discountCents: number
  bonusSku: string | null
  bonusQuantity: number
  extraTermDays: number
}

/**
 * Records the offers an order used, inside the order's transaction. The limits are enforced by
 * conditional updates on the counters, not by what was read earlier, so concurrent checkouts
 * can never take more redemptions than there are, on SQLite or PostgreSQL. Throws
 * RedemptionRefused (rolling the order back) when a limit was reached in the meantime.
 */
export async function claimRedemptions(
  tx: Tx,
  order: { id: number; accountId: string },
  redemptions: readonly RedemptionToClaim[],
): Promise<void> {
  for (const redemption of redemptions) {
    const offer = await tx.offer.findUniqueOrThrow({
      where: { id: redemption.offerId },
      select: { maxRedemptions: true, maxPerAccount: true },
    })
    const total = await tx.offer.updateMany({
      where: {
        id: redemption.offerId,
        ...(offer.maxRedemptions === null ? {} : { redemptionCount: { lt: offer.maxRedemptions } }),
      },
      data: { redemptionCount: { increment: 1 } },
    })
    if (total.count !== 1) throw new RedemptionRefused(redemption.name, 'EXHAUSTED')

    const key = { offerId: redemption.offerId, accountId: order.accountId }
    await tx.offerAccountUsage.upsert({
      where: { offerId_accountId: key },
      create: { ...key, count: 0 },
      update: {},
    })
    const mine = await tx.offerAccountUsage.updateMany({
      where: {
        ...key,
        ...(offer.maxPerAccount === null ? {} : { count: { lt: offer.maxPerAccount } }),
      },
      data: { count: { increment: 1 } },
    })
    if (mine.count !== 1) throw new RedemptionRefused(redemption.name, 'ACCOUNT_LIMIT')

    await tx.offerRedemption.create({
      data: {
        offerId: redemption.offerId,
        orderId: order.id,
        accountId: order.accountId,
        label: redemption.name,
        code: redemption.code,
        discountCents: redemption.discountCents,
        bonusSku: redemption.bonusSku,
        bonusQuantity: redemption.bonusQuantity,
        extraTermDays: redemption.extraTermDays,
      },
    })
  }
}
