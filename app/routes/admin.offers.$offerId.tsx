import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { OfferForm } from '~/components/offer-form'
import { OfferStateBadge } from '~/components/offer-state-badge'
import { Pagination } from '~/components/pagination'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import {
  getOfferForEdit,
  listRedemptions,
  offerSchemaForSave,
  setOfferPaused,
  writeOffer,
} from '~/domain/promotions/offer-admin.server'
import { listFamilyOptions } from '~/domain/catalog/catalog.server'
import { requireStaff } from '~/utils/auth.server'
import { replyErrors } from '~/utils/form-schema'
import { useT } from '~/utils/use-t'
import { namedTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: namedTitle(matches, data ? data.offer.values.name : null) },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'offers:manage')
  const offer = await getOfferForEdit(params.offerId ?? '')
  if (!offer) throw new Response('Not found', { status: 404 })
  const page = Number(new URL(request.url).searchParams.get('page') ?? 1)
  const [families, redemptions] = await Promise.all([
    listFamilyOptions(),
    listRedemptions(offer.id, page),
  ])
  return json({ offer, families, redemptions })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'offers:manage')
  const id = params.offerId ?? ''
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'pause' || intent === 'resume') {
    const found = await setOfferPaused(user.id, id, intent === 'pause')
    if (!found) throw new Response('Not found', { status: 404 })
    return json({ paused: intent === 'pause' } as const)
  }
  const submission = await parseWithZod(form, { schema: offerSchemaForSave(id), async: true })
  if (submission.status !== 'success') {
    return json({ saved: false, result: submission.reply() }, { status: 400 })
  }
  const saved = await writeOffer(user.id, id, submission.value)
  if (!saved.ok) {
    return json(
      { saved: false, result: submission.reply(replyErrors(saved.errors)) },
      { status: 400 },
    )
  }
  return json({ saved: true, result: submission.reply() })
}

export default function OfferPage() {
  const { offer, families, redemptions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { t, money, date } = useT()
  const result = actionData && 'result' in actionData ? actionData : null
  const failed = result !== null && !result.saved
  const saved = searchParams.get('saved') === '1' || result?.saved
  return (
    <div className="max-w-5xl space-y-6">
      <Link to="/admin/offers" className="text-sm text-brand-700 underline">
        {t('offers.back')}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="flex items-center gap-3 text-2xl font-bold">
          {offer.values.name} <OfferStateBadge state={offer.state} />
        </h1>
        <Form method="post">
          <input type="hidden" name="intent" value={offer.paused ? 'resume' : 'pause'} />
          <Button type="submit" variant="secondary">
            {offer.paused ? t('offers.resume') : t('offers.pause')}
          </Button>
        </Form>
      </div>
      {saved && !failed ? <Alert tone="success">{t('offers.saved')}</Alert> : null}
      {actionData && 'paused' in actionData ? (
        <Alert tone="success">
          {actionData.paused ? t('offers.pausedDone') : t('offers.resumedDone')}
        </Alert>
      ) : null}

      <section aria-labelledby="performance" className="space-y-3">
        <h2 id="performance" className="text-lg font-semibold">
          {t('offers.performance')}
        </h2>
        <dl className="grid gap-3 sm:grid-cols-3">
          {[
            [t('offers.redemptions'), String(offer.stats.redemptions), 'stat-redemptions'],
            [t('offers.discountGiven'), money(offer.stats.discountCents), 'stat-discount'],
            [t('offers.revenue'), money(offer.stats.revenueCents), 'stat-revenue'],
          ].map(([label, value, testId]) => (
            <div key={testId} className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="text-xl font-bold" data-testid={testId}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        {redemptions.redemptions.length ? (
          <DataTable
            columns={[
              { label: t('orders.date') },
              { label: t('offers.account') },
              { label: t('orders.number') },
              { label: t('offers.discountGiven'), align: 'right' },
              { label: t('orders.total'), align: 'right' },
            ]}
          >
            {redemptions.redemptions.map((r) => (
              <tr key={r.id} className="border-t border-slate-200" data-testid="redemption-row">
                <td className="p-2">{date(r.createdAt, 'datetime')}</td>
                <td className="p-2">
                  <Link to={`/admin/accounts/${r.account.id}`} className="text-brand-700 underline">
                    {r.account.tradeName}
                  </Link>
                </td>
                <td className="p-2">#{r.order.id}</td>
                <td className="p-2 text-right">{money(r.discountCents)}</td>
                <td className="p-2 text-right">{money(r.order.totalCents)}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="text-sm text-slate-600">{t('offers.noRedemptions')}</p>
        )}
        <Pagination page={redemptions.page} pageCount={redemptions.pageCount} />
      </section>

      <section aria-labelledby="edit" className="space-y-3">
        <h2 id="edit" className="text-lg font-semibold">
          {t('offers.edit')}
        </h2>
        <OfferForm
          defaultValue={offer.values}
          lastResult={result?.result}
          families={families}
          submitLabel={t('common.save')}
        />
      </section>
    </div>
  )
}
