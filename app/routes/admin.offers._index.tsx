import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Pagination } from '~/components/pagination'
import { EmptyState } from '~/components/ui/empty-state'
import { Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import { OfferStateBadge } from '~/components/offer-state-badge'
import { listOffers } from '~/domain/promotions/offer-admin.server'
import { OFFER_STATES } from '~/domain/promotions/offer-state'
import { requireStaff } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.offers') }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'offers:manage')
  const params = new URL(request.url).searchParams
  const stateParam = params.get('state')
  const state = OFFER_STATES.find((s) => s === stateParam)
  const page = Number(params.get('page') ?? 1)
  const result = await listOffers({ state, page: page })
  return json({ ...result, state: state ?? null })
}

export default function OffersPage() {
  const { offers, total, page, pageCount, state } = useLoaderData<typeof loader>()
  const { t, money, percent } = useT()
  const benefit = (offer: (typeof offers)[number]) =>
    [
      offer.discountType === 'PERCENT'
        ? percent(offer.discountValue / 100, { maxDigits: 2 })
        : offer.discountType === 'FIXED'
          ? money(offer.discountValue)
          : null,
      offer.bonusProduct ? `${offer.bonusQuantity} × ${offer.bonusProduct.sku}` : null,
      offer.extraTermDays ? `+${offer.extraTermDays} d` : null,
    ]
      .filter(Boolean)
      .join(' · ')
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('offers.adminTitle')}</h1>
        <Link
          to="/admin/offers/new"
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t('offers.new')}
        </Link>
      </div>
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('offers.filterState')}</span>
          <select
            name="state"
            defaultValue={state ?? ''}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
          >
            <option value="">{t('offers.state.all')}</option>
            {OFFER_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`offers.state.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          {t('accounts.apply')}
        </Button>
        <span className="ml-auto text-sm text-slate-600">
          {t('offers.count', { count: total })}
        </span>
      </Form>
      {offers.length === 0 ? (
        <EmptyState
          message={t('offers.empty')}
          linkTo="/admin/offers/new"
          linkLabel={t('offers.new')}
        />
      ) : (
        <DataTable
          columns={[
            { label: t('offerForm.name') },
            { label: t('offerForm.code') },
            { label: t('offers.benefit') },
            { label: t('offerForm.audience') },
            { label: t('offers.status') },
            { label: t('offers.redemptions'), align: 'right' },
            { label: t('offers.discountGiven'), align: 'right' },
            { label: t('offers.revenue'), align: 'right' },
          ]}
        >
          {offers.map((offer) => (
            <tr key={offer.id} className="border-t border-slate-200" data-testid="offer-row">
              <td className="p-2">
                <Link
                  to={`/admin/offers/${offer.id}`}
                  className="font-medium text-brand-700 underline"
                >
                  {offer.name}
                </Link>
              </td>
              <td className="p-2">
                {offer.code ? (
                  <span className="font-mono">{offer.code}</span>
                ) : (
                  t('offers.automatic')
                )}
              </td>
              <td className="p-2">{benefit(offer)}</td>
              <td className="p-2">{t(`offerForm.audience.${offer.audience}`)}</td>
              <td className="p-2">
                <OfferStateBadge state={offer.state} />
              </td>
              <td className="p-2 text-right">
                {offer.stats.redemptions}
                {offer.maxRedemptions !== null ? ` / ${offer.maxRedemptions}` : ''}
              </td>
              <td className="p-2 text-right">{money(offer.stats.discountCents)}</td>
              <td className="p-2 text-right">{money(offer.stats.revenueCents)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  )
}
