/**
 * Whether an offer may apply to an account's cart, and if not, why, in words the buyer can act
 * on. Pure; used by the pricing function (app/domain/orders/price-cart.ts).
 */
export type AccountStatusValue = 'NEVER_ORDERED' | 'ACTIVE' | 'AT_RISK' | 'INACTIVE' | 'LOST'

export type PricingAccount = {
  id: string
  status: AccountStatusValue
  segment: string | null
  minimumOrderCents: number
  paymentTermCodes: readonly string[]
}

export type PricingOffer = {
  id: string
  name: string
  /** Null for automatic offers (such as "welcome back"). */
  code: string | null
  discountType: 'NONE' | 'PERCENT' | 'FIXED'
  /** Basis points for PERCENT, cents for FIXED. */
  discountValue: number
  scope: 'ORDER' | 'FAMILIES' | 'PRODUCTS'
  familyIds: readonly string[]
  productIds: readonly string[]
  minOrderCents: number
  startsAt: Date | null
  endsAt: Date | null
  maxRedemptions: number | null
  redemptionCount: number
  maxPerAccount: number | null
  /** How many times this account has used the offer. */
  accountRedemptions: number
  audience: 'EVERYONE' | 'SEGMENT' | 'INACTIVE' | 'NAMED'
  audienceSegment: string | null
  /** For audience NAMED: whether this account is one of the named ones. */
  namedForAccount: boolean
  stackable: boolean
  bonus: {
    productId: string
    sku: string
    name: string
    unit: string
    quantity: number
    unitValueCents: number
    available: boolean
  } | null
  extraTermDays: number
  paused: boolean
}

export type OfferRefusal =
  | { code: 'PAUSED' }
  | { code: 'NOT_STARTED'; startsAt: Date }
  | { code: 'EXPIRED' }
  | { code: 'NOT_FOR_ACCOUNT' }
  | { code: 'EXHAUSTED' }
  | { code: 'ACCOUNT_LIMIT' }
  | { code: 'NO_TARGETED_ITEMS' }
  | { code: 'BELOW_MINIMUM'; minimumCents: number; missingCents: number }
  | { code: 'BONUS_UNAVAILABLE' }
  | { code: 'NOT_STACKABLE'; otherOffer: string }

/** Refusals that no change to the cart can fix: such a code is not kept in the cart. */
export const FINAL_REFUSALS: ReadonlySet<OfferRefusal['code']> = new Set([
  'PAUSED',
  'NOT_STARTED',
  'EXPIRED',
  'NOT_FOR_ACCOUNT',
  'EXHAUSTED',
  'ACCOUNT_LIMIT',
])

export function inAudience(
  offer: Pick<PricingOffer, 'audience' | 'audienceSegment' | 'namedForAccount'>,
  account: Pick<PricingAccount, 'status' | 'segment'>,
): boolean {
  switch (offer.audience) {
    case 'EVERYONE':
      return true
    case 'INACTIVE':
      return account.status === 'INACTIVE' || account.status === 'LOST'
    case 'SEGMENT':
      return (
        Boolean(offer.audienceSegment && account.segment) &&
        offer.audienceSegment!.trim().toLowerCase() === account.segment!.trim().toLowerCase()
      )
    case 'NAMED':
      return offer.namedForAccount
  }
}

/** The offer's state for this account, ignoring the cart's contents. */
export function offerAvailability(
  offer: PricingOffer,
  account: Pick<PricingAccount, 'status' | 'segment'>,
  now: Date,
): OfferRefusal | null {
  if (offer.paused) return { code: 'PAUSED' }
  if (offer.startsAt && now < offer.startsAt)
    return { code: 'NOT_STARTED', startsAt: offer.startsAt }
  if (offer.endsAt && now >= offer.endsAt) return { code: 'EXPIRED' }
  if (!inAudience(offer, account)) return { code: 'NOT_FOR_ACCOUNT' }
  if (offer.maxRedemptions !== null && offer.redemptionCount >= offer.maxRedemptions) {
    return { code: 'EXHAUSTED' }
  }
  if (offer.maxPerAccount !== null && offer.accountRedemptions >= offer.maxPerAccount) {
    return { code: 'ACCOUNT_LIMIT' }
  }
  return null
}

export function offerEligibility(
  offer: PricingOffer,
  cart: { account: PricingAccount; now: Date; subtotalCents: number; hasTargetedLine: boolean },
): OfferRefusal | null {
  const unavailable = offerAvailability(offer, cart.account, cart.now)
  if (unavailable) return unavailable
  if (!cart.hasTargetedLine) return { code: 'NO_TARGETED_ITEMS' }
  if (cart.subtotalCents < offer.minOrderCents) {
    return {
      code: 'BELOW_MINIMUM',
      minimumCents: offer.minOrderCents,
      missingCents: offer.minOrderCents - cart.subtotalCents,
    }
  }
  const givesSomething =
    (offer.discountType !== 'NONE' && offer.discountValue > 0) || offer.extraTermDays > 0
  if (!givesSomething && !offer.bonus?.available) return { code: 'BONUS_UNAVAILABLE' }
  return null
}

/** "28/56" with 30 extra days is "58/86": every instalment moves. */
export function extendTermCode(code: string, extraDays: number): string {
  if (extraDays <= 0) return code
  return code
    .split('/')
    .map((part) => {
      const days = Number.parseInt(part, 10)
      return Number.isFinite(days) ? String(days + extraDays) : part
    })
    .join('/')
}
