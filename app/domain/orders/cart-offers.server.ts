/**
 * Coupons in the buyer's cart: applying a code and removing it. Whether an offer may apply is
 * promotions' rule (promotions/eligibility.ts); which offers count is decided again when the
 * cart is priced and when the order is placed.
 */
import { prisma } from '~/utils/db.server'
import { FINAL_REFUSALS, offerAvailability } from '~/domain/promotions/eligibility'
import type { OfferRefusal } from '~/domain/promotions/eligibility'
import {
  normalizeCode,
  pricingOfferSelect,
  toPricingOffer,
} from '~/domain/promotions/offers.server'
import type { PricingAccountRow } from '~/domain/promotions/offers.server'
import { cartIdFor } from './cart-id.server'

export type ApplyCouponResult =
  | { ok: true; code: string }
  | {
      ok: false
      code: string
      refusal: OfferRefusal | { code: 'UNKNOWN_CODE' | 'ALREADY_APPLIED' }
    }

/**
 * Applies a coupon code to the account's cart. A code that can never apply to this account
 * (unknown, expired, paused, not for it, used up) is refused and not kept; one that needs
 * more in the cart is kept, and the cart says what is missing.
 */
export async function applyCoupon(
  account: PricingAccountRow,
  rawCode: string,
  now = new Date(),
): Promise<ApplyCouponResult> {
  const code = normalizeCode(rawCode)
  const row = code
    ? await prisma.offer.findUnique({
        where: { code },
        select: pricingOfferSelect(account.id, account.priceListId),
      })
    : null
  if (!row) return { ok: false, code, refusal: { code: 'UNKNOWN_CODE' } }
  const refusal = offerAvailability(toPricingOffer(row), account, now)
  if (refusal && FINAL_REFUSALS.has(refusal.code)) return { ok: false, code, refusal }
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

export async function removeCoupon(accountId: string, offerId: string): Promise<void> {
  await prisma.cartOffer.deleteMany({ where: { offerId, cart: { accountId } } })
}
