import { type OfferRefusal } from '~/domain/promotions/eligibility'
import { type useT } from '~/utils/use-t'

/** A refusal as it arrives through JSON (dates become strings), or an apply-time one. */
export type RefusalJson = {
  code: OfferRefusal['code'] | 'NOT_VALID' | 'ALREADY_APPLIED'
  startsAt?: string | Date
  minimumCents?: number
  missingCents?: number
  otherOffer?: string
}

/** Why an offer does not apply, in words the buyer can act on. */
export function refusalText(
  { t, money, date }: ReturnType<typeof useT>,
  refusal: RefusalJson,
  code = '',
): string {
  switch (refusal.code) {
    case 'NOT_STARTED':
      return t('offerRefusal.NOT_STARTED', { date: date(refusal.startsAt ?? '') })
    case 'BELOW_MINIMUM':
      return t('offerRefusal.BELOW_MINIMUM', {
        minimum: money(refusal.minimumCents ?? 0),
        missing: money(refusal.missingCents ?? 0),
      })
    case 'NOT_STACKABLE':
      return t('offerRefusal.NOT_STACKABLE', {
        other: refusal.otherOffer ?? '',
      })
    default:
      return t(`offerRefusal.${refusal.code}`, { code })
  }
}
