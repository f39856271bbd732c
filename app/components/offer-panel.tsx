import { Form } from '@remix-run/react'
import { type ReactNode } from 'react'
import { type OfferOutcome } from '~/domain/orders/price-cart'
import { useT } from '~/utils/use-t'
import { refusalText, type RefusalJson } from './offer-refusal'
import { Button } from './ui/primitives'

type OfferJson = Omit<OfferOutcome, 'refusal'> & { refusal?: RefusalJson }

/** The cart's offers: what each one gives or why it does not apply; then the coupon form. */
export function OfferPanel({
  offers,
  children,
}: {
  offers: OfferJson[]
  /** The coupon form. */
  children: ReactNode
}) {
  const i18n = useT()
  const { t, money } = i18n
  return (
    <section
      aria-labelledby="offers-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="offers-heading" className="text-lg font-semibold">
        {t('offers.title')}
      </h2>
      {offers.length ? (
        <ul className="space-y-2" data-testid="offers">
          {offers.map((offer) => (
            <li
              key={offer.offerId}
              data-testid="offer"
              data-applied={offer.applied}
              data-code={offer.code ?? ''}
              className={`flex flex-wrap items-start justify-between gap-2 rounded-md border p-3 text-sm ${
                offer.applied ? 'border-emerald-200 bg-emerald-50' : 'border-amber-200 bg-amber-50'
              }`}
            >
              <div className="space-y-0.5">
                <p className="font-medium">
                  {offer.code ? <span className="font-mono">{offer.code}</span> : null}
                  {offer.code ? ' · ' : ''}
                  {offer.name}
                  {offer.automatic ? (
                    <span className="ml-2 rounded bg-white px-1.5 py-0.5 text-xs text-slate-700">
                      {t('offers.automatic')}
                    </span>
                  ) : null}
                </p>
                {offer.applied ? (
                  <ul className="text-emerald-800">
                    {offer.discountCents > 0 ? (
                      <li>{t('offers.saving', { amount: money(offer.discountCents) })}</li>
                    ) : null}
                    {offer.bonus ? (
                      <li>
                        {t('offers.bonus', {
                          quantity: offer.bonus.quantity,
                          unit: offer.bonus.unit,
                          name: offer.bonus.name,
                        })}
                      </li>
                    ) : null}
                    {offer.extraTermDays > 0 ? (
                      <li>{t('offers.terms', { days: offer.extraTermDays })}</li>
                    ) : null}
                  </ul>
                ) : offer.refusal ? (
                  <p className="text-amber-900" data-testid="offer-refusal">
                    {refusalText(i18n, offer.refusal, offer.code ?? '')}
                  </p>
                ) : null}
              </div>
              {offer.code ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="removeCoupon" />
                  <input type="hidden" name="offerId" value={offer.offerId} />
                  <Button variant="danger" type="submit" className="px-2 py-1 text-xs">
                    {t('offers.remove', { code: offer.code })}
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t('offers.none')}</p>
      )}
      {children}
    </section>
  )
}
