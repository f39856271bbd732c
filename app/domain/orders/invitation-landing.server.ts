import { acceptInvitation } from '~/domain/campaigns/invitations.server'
import { getBuyerAccount } from './cart.server'
import { applyCoupon } from './cart-offers.server'

/**
 * A buyer accepts an invitation: their login is set up (campaigns), then the invitation's offer
 * is put in the account's cart, so they land on it. `couponApplied` is the code now in the cart
 * (also when it already was), or null when there is none or it cannot apply any more.
 */
export async function acceptInvitationIntoCart(
  input: Parameters<typeof acceptInvitation>[0],
  now = new Date(),
) {
  const accepted = await acceptInvitation(input, now)
  if (!accepted.ok) return accepted
  let couponApplied: string | null = null
  if (accepted.offerCode) {
    const account = await getBuyerAccount(accepted.accountId)
    const applied = await applyCoupon(account, accepted.offerCode, now)
    if (applied.ok || applied.refusal.code === 'ALREADY_APPLIED') couponApplied = accepted.offerCode
  }
  return { ok: true as const, userId: accepted.userId, couponApplied }
}
