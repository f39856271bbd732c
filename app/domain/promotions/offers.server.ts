/**
 * Offers as the storefront meets them: which ones are in play for an account's cart, whether a
 * code can apply, and claiming redemptions when an order is placed. Putting a coupon in the
 * cart is the cart's own business (orders/cart-offers.server.ts).
 */
import { Prisma } from '@prisma/client'
import { prisma, type Tx } from '~/utils/db.server'
import { typed } from '~/utils/sql.server'
import { unitPriceFor } from '~/domain/pricing/prices'
import { offerAvailability, type PricingAccount, type PricingOffer } from './eligibility'

type Db = Tx | typeof prisma

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase()
}

const pricingOfferScalars = {
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
  bonusProductId: true,
} satisfies Prisma.OfferSelect

/** What pricing needs of an offer that is not a column of its own: each relation costs a statement. */
const pricingOfferRelations = (accountId: string, priceListId: string | null) =>
  ({
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

export const pricingOfferSelect = (accountId: string, priceListId: string | null) =>
  ({
    ...pricingOfferScalars,
    ...pricingOfferRelations(accountId, priceListId),
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

/** How many times the account used each offer (its OfferAccountUsage rows). */
export type OfferUsage = readonly { offerId: string; count: number }[]

export type PricingAccountRow = PricingAccount & { priceListId: string | null }

/**
 * The offers the pricing function must consider for this account's cart: automatic offers
 * available to the account (others stay invisible to it), then the coupons applied to the cart.
 */
export async function offersInPlay(
  db: Db,
  account: PricingAccountRow,
  now: Date,
  knownUsage?: OfferUsage,
): Promise<PricingOffer[]> {
  // One query for both kinds, columns only: when no offer is in play (the usual checkout),
  // that is the only statement. Relations are read for the offers found, each relation one
  // statement whatever the number of offers.
  const cartOfThisAccount = { cart: { accountId: account.id } }
  const found = await db.offer.findMany({
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
        { carts: { some: cartOfThisAccount } },
      ],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: pricingOfferScalars,
  })
  if (!found.length) return []
  // Only the relations these offers use: families for family offers, products for product
  // offers, the named list for named audiences, the bonus product of bonus offers, and when
  // several coupons are applied, the order they went in; this account's usage (read directly,
  // one statement) of offers limited per account.
  const relations = pricingOfferRelations(account.id, account.priceListId)
  const needs = (test: (row: (typeof found)[number]) => boolean) => found.some(test)
  const coupons = found.filter((row) => row.code !== null)
  const select = {
    id: true,
    ...(needs((row) => row.scope === 'FAMILIES') && { families: relations.families }),
    ...(needs((row) => row.scope === 'PRODUCTS') && { products: relations.products }),
    ...(needs((row) => row.audience === 'NAMED') && { namedAccounts: relations.namedAccounts }),
    ...(needs((row) => row.bonusQuantity > 0 && row.bonusProductId !== null) && {
      bonusProduct: relations.bonusProduct,
    }),
    ...(coupons.length > 1 && {
      carts: { where: cartOfThisAccount, select: { appliedAt: true } },
    }),
  }
  const limited = found.filter((row) => row.maxPerAccount !== null).map((row) => row.id)
  // An offer on the whole order, unlimited per account, needs no second statement at all.
  const usage = knownUsage
    ? knownUsage.filter((use) => limited.includes(use.offerId))
    : limited.length
      ? await db.offerAccountUsage.findMany({
          where: { accountId: account.id, offerId: { in: limited } },
          select: { offerId: true, count: true },
        })
      : []
  const related = (
    Object.keys(select).length > 1
      ? await db.offer.findMany({ where: { id: { in: found.map((row) => row.id) } }, select })
      : []
  ) as (Partial<Pick<OfferRow, Exclude<keyof typeof relations, 'accountUsage'>>> & {
    id: string
    carts?: { appliedAt: Date }[]
  })[]
  const relationsOf = new Map(related.map((row) => [row.id, row]))
  const rows = found.map((row) => {
    const loaded = relationsOf.get(row.id)
    return {
      ...row,
      families: loaded?.families ?? [],
      products: loaded?.products ?? [],
      namedAccounts: loaded?.namedAccounts ?? [],
      accountUsage: usage.filter((use) => use.offerId === row.id),
      bonusProduct: loaded?.bonusProduct ?? null,
      appliedAt: loaded?.carts?.[0]?.appliedAt.getTime() ?? 0,
    }
  })
  const automatic = rows
    .filter((row) => row.code === null)
    .map(toPricingOffer)
    .filter((offer) => !offerAvailability(offer, account, now))
  const applied = rows
    // Every coupon found is in this account's cart (automatic offers have no code).
    .filter((row) => row.code !== null)
    .sort((a, b) => a.appliedAt - b.appliedAt)
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
  /** The offer's limits as read in this transaction; read again when not given. */
  limits?: { maxRedemptions: number | null; maxPerAccount: number | null }
}

/**
 * Records the offers an order used, inside the order's transaction. The limits are enforced by
 * conditional writes on the counters, not by what was read earlier, so concurrent checkouts
 * can never take more redemptions than there are, on SQLite or PostgreSQL. Throws
 * RedemptionRefused (rolling the order back) when a limit was reached in the meantime.
 * Three statements an offer: the total's conditional increment, the account's (an insert that
 * adds to the existing row only while under the limit), the redemption.
 */
export async function claimRedemptions(
  tx: Tx,
  order: { id: number; accountId: string },
  redemptions: readonly RedemptionToClaim[],
): Promise<void> {
  for (const redemption of redemptions) {
    const offer =
      redemption.limits ??
      (await tx.offer.findUniqueOrThrow({
        where: { id: redemption.offerId },
        select: { maxRedemptions: true, maxPerAccount: true },
      }))
    const total = await tx.offer.updateMany({
      where: {
        id: redemption.offerId,
        ...(offer.maxRedemptions === null ? {} : { redemptionCount: { lt: offer.maxRedemptions } }),
      },
      data: { redemptionCount: { increment: 1 } },
    })
    if (total.count !== 1) throw new RedemptionRefused(redemption.name, 'EXHAUSTED')

    // The first use inserts the row at 1; a later one adds 1 only while under the limit (an
    // upsert whose update is conditional: one statement, the same on SQLite and PostgreSQL).
    const perAccount = offer.maxPerAccount
    if (perAccount !== null && perAccount < 1) {
      throw new RedemptionRefused(redemption.name, 'ACCOUNT_LIMIT')
    }
    const underLimit =
      perAccount === null
        ? Prisma.empty
        : Prisma.sql`WHERE "OfferAccountUsage"."count" < ${typed(perAccount, 'integer')}`
    const mine = await tx.$executeRaw`
      INSERT INTO "OfferAccountUsage" ("offerId", "accountId", "count")
      VALUES (${redemption.offerId}, ${order.accountId}, ${typed(1, 'integer')})
      ON CONFLICT ("offerId", "accountId") DO UPDATE SET "count" = "OfferAccountUsage"."count" + 1
      ${underLimit}`
    if (mine !== 1) throw new RedemptionRefused(redemption.name, 'ACCOUNT_LIMIT')

    await tx.offerRedemption.createMany({
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
