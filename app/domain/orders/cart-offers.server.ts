/**
 * Coupons in the buyer's cart: applying a code (a typed one limited per account) and removing it. Whether an offer may apply is
 * promotions' rule (promotions/eligibility.ts); which offers count is decided again when the
 * cart is priced and when the order is placed.
 */
import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { createRateLimiter, type RateLimiter } from '~/utils/rate-limit.server'
import { offerAvailability } from '~/domain/promotions/eligibility'
import {
  normalizeCode,
  pricingOfferSelect,
  toPricingOffer,
} from '~/domain/promotions/offers.server'
import type { PricingAccountRow } from '~/domain/promotions/offers.server'
import { cartIdFor } from './cart-id.server'

const TEN_MINUTES = 10 * 60

export type CouponRefusal =
  /**
   * Unknown, or one that cannot apply to this account now (not for it, expired, not started,
   * paused, used up): one answer, so that typing codes does not tell which exist.
   */
  | { code: 'NOT_VALID' }
  | { code: 'ALREADY_APPLIED' }
  /** Only reachable for a code the account may use and has used: it knows the code. */
  | { code: 'ACCOUNT_LIMIT' }
  | { code: 'TOO_MANY_ATTEMPTS'; retryAfterSeconds: number }

export type ApplyCouponResult =
  | { ok: true; code: string }
  | { ok: false; code: string; refusal: CouponRefusal }

/**
 * Applies a coupon code to the account's cart. A code that can never apply to this account is
 * refused and not kept; one that needs more in the cart (a minimum, products of the offer) is
 * kept, and the cart says what is missing: the buyer only learns that of an offer that is
 * theirs.
 */
export async function applyCoupon(
  account: PricingAccountRow,
  rawCode: string,
  now = new Date(),
): Promise<
  | Extract<ApplyCouponResult, { ok: true }>
  | { ok: false; code: string; refusal: Exclude<CouponRefusal, { code: 'TOO_MANY_ATTEMPTS' }> }
> {
  const code = normalizeCode(rawCode)
  const row = code
    ? await prisma.offer.findUnique({
        where: { code },
        select: pricingOfferSelect(account.id, account.priceListId),
      })
    : null
  if (!row) return { ok: false, code, refusal: { code: 'NOT_VALID' } }
  const refusal = offerAvailability(toPricingOffer(row), account, now)
  if (refusal?.code === 'ACCOUNT_LIMIT') return { ok: false, code, refusal }
  if (refusal) return { ok: false, code, refusal: { code: 'NOT_VALID' } }
  return prisma.$transaction(async (tx) => {
    const cartId = await cartIdFor(tx, account.id)
    const key = { cartId_offerId: { cartId, offerId: row.id } }
    if (await tx.cartOffer.findUnique({ where: key, select: { offerId: true } })) {
      return { ok: false, code, refusal: { code: 'ALREADY_APPLIED' } } as const
    }
    await tx.cartOffer.create({ data: { cartId, offerId: row.id } })
    return { ok: true, code } as const
  })
}

// Built once per process; the counts live in the database (see rate-limit.server).
let failuresPerAccount: RateLimiter | undefined
function couponLimiter() {
  failuresPerAccount ??= createRateLimiter({
    prefix: 'coupon-account-failures',
    limit: env().COUPON_MAX_FAILURES_PER_ACCOUNT,
    windowSeconds: TEN_MINUTES,
  })
  return failuresPerAccount
}

/**
 * A code the buyer typed in the cart. Codes that are not valid for the account count against
 * it (10 per 10 minutes), so codes cannot be guessed by the hundred; codes that apply, or that
 * are already in the cart, do not. Charged before the lookup and given back when the code
 * turns out to be real, so that a parallel burst cannot pass the check all at once.
 */
export async function applyTypedCoupon(
  account: PricingAccountRow,
  rawCode: string,
  now = new Date(),
): Promise<ApplyCouponResult> {
  const limiter = couponLimiter()
  const attempt = await limiter.hit(account.id)
  if (!attempt.allowed) {
    return {
      ok: false,
      code: normalizeCode(rawCode),
      refusal: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: attempt.retryAfterSeconds },
    }
  }
  const result = await applyCoupon(account, rawCode, now)
  if (result.ok || result.refusal.code !== 'NOT_VALID') await limiter.refund(account.id)
  return result
}

export async function removeCoupon(accountId: string, offerId: string): Promise<void> {
  await prisma.cartOffer.deleteMany({ where: { offerId, cart: { accountId } } })
}
