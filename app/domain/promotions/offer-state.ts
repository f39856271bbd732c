/** Where an offer stands, as the back office lists it. Shared by server and browser code. */
export const OFFER_STATES = ['active', 'scheduled', 'paused', 'ended'] as const
export type OfferState = (typeof OFFER_STATES)[number]

export function offerState(
  offer: {
    paused: boolean
    startsAt: Date | null
    endsAt: Date | null
    maxRedemptions: number | null
    redemptionCount: number
  },
  now: Date,
): OfferState {
  if (offer.paused) return 'paused'
  if (offer.endsAt && offer.endsAt <= now) return 'ended'
  if (offer.maxRedemptions !== null && offer.redemptionCount >= offer.maxRedemptions) return 'ended'
  if (offer.startsAt && offer.startsAt > now) return 'scheduled'
  return 'active'
}
