import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Alert, Button, Field } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import {
  closePayoutBatch,
  commissionOverview,
  CommissionSettingsForm,
  updateCommissionSettings,
} from '~/domain/commission/admin.server'
import { requireStaff } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = () => [{ title: 'Comissões · Reativa' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'commission:manage')
  return json(await commissionOverview())
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'commission:manage')
  const form = await request.formData()
  if (form.get('intent') === 'payout') {
    const batch = await closePayoutBatch(user.id)
    return json({
      message: batch ? ('commission.payoutClosed' as const) : ('commission.nothingToPay' as const),
      ok: true,
    })
  }
  const parsed = CommissionSettingsForm.safeParse(Object.fromEntries(form))
  const saved = parsed.success
    ? await updateCommissionSettings(user.id, parsed.data)
    : { ok: false }
  return json(
    {
      message: saved.ok
        ? ('commission.settingsSaved' as const)
        : ('commission.settingsInvalid' as const),
      ok: saved.ok,
    },
    { status: saved.ok ? 200 : 400 },
  )
}

export default function CommissionPage() {
  const { settings, reps, preview, batches } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, money, date, locale } = useT()
  const section = 'space-y-3 rounded-lg border border-slate-200 bg-white p-4'
  const previewTotal = preview.reduce((sum, p) => sum + p.totalCents, 0)
  return (
    <div className="max-w-5xl space-y-6">
      <h1 className="text-2xl font-bold">{t('commission.title')}</h1>
      {actionData ? (
        <Alert tone={actionData.ok ? 'success' : 'error'}>{t(actionData.message)}</Alert>
      ) : null}

      <section aria-labelledby="reps-heading" className="space-y-2">
        <h2 id="reps-heading" className="text-lg font-semibold">
          {t('commission.byRep')}
        </h2>
        <DataTable
          columns={[
            { label: t('accounts.rep') },
            { label: t('commission.defaultRate'), align: 'right' },
            { label: t('rep.pending'), align: 'right' },
            { label: t('rep.earned'), align: 'right' },
            { label: t('rep.paid'), align: 'right' },
          ]}
        >
          {reps.map((rep) => (
            <tr key={rep.id} className="border-t border-slate-200" data-testid="commission-rep">
              <td className="p-2">
                <Link to={`/admin/commission/${rep.id}`} className="text-brand-700 underline">
                  {rep.code} · {rep.name}
                </Link>
                {rep._count.familyRates ? (
                  <span className="ml-2 text-xs text-slate-600">
                    {t('commission.overrides', { count: rep._count.familyRates })}
                  </span>
                ) : null}
              </td>
              <td className="p-2 text-right">
                {(rep.defaultCommissionBps / 100).toLocaleString(locale, {
                  minimumFractionDigits: 2,
                })}{' '}
                %
              </td>
              <td className="p-2 text-right">{money(rep.balances.PENDING)}</td>
              <td className="p-2 text-right">{money(rep.balances.EARNED)}</td>
              <td className="p-2 text-right">{money(rep.balances.PAID)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="payout-heading" className={section}>
        <h2 id="payout-heading" className="text-lg font-semibold">
          {t('commission.payout')}
        </h2>
        <p className="text-sm text-slate-700">{t('commission.payoutHelp')}</p>
        {preview.length === 0 ? (
          <p className="text-sm text-slate-600">{t('commission.nothingToPay')}</p>
        ) : (
          <DataTable
            columns={[
              { label: t('accounts.rep') },
              { label: t('commission.orders'), align: 'right' },
              { label: t('orders.total'), align: 'right' },
            ]}
            footer={
              <tr className="border-t border-slate-300 font-bold">
                <td className="p-2" colSpan={2}>
                  {t('orders.total')}
                </td>
                <td className="p-2 text-right" data-testid="payout-total">
                  {money(previewTotal)}
                </td>
              </tr>
            }
          >
            {preview.map((row) => (
              <tr key={row.repId} className="border-t border-slate-200" data-testid="payout-row">
                <td className="p-2">{row.name}</td>
                <td className="p-2 text-right">{row.orders}</td>
                <td className="p-2 text-right">{money(row.totalCents)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Form method="post">
          <input type="hidden" name="intent" value="payout" />
          <Button
            type="submit"
            disabled={preview.length === 0 || navigation.state === 'submitting'}
          >
            {t('commission.closePayout')}
          </Button>
        </Form>
        {batches.length ? (
          <ul className="space-y-1 text-sm" aria-label={t('commission.batches')}>
            {batches.map((batch) => (
              <li key={batch.id} data-testid="payout-batch">
                {date(batch.closedAt, 'datetime')} · {money(batch.totalCents)} ·{' '}
                <a
                  href={`/admin/commission/payouts/${batch.id}.csv`}
                  className="text-brand-700 underline"
                  download
                >
                  {t('common.exportCsv')}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="bonus-heading" className={section}>
        <h2 id="bonus-heading" className="text-lg font-semibold">
          {t('commission.bonus')}
        </h2>
        <p className="text-sm text-slate-700">{t('commission.bonusHelp')}</p>
        <Form method="post" className="grid gap-3 sm:grid-cols-3">
          <input type="hidden" name="intent" value="settings" />
          <Field
            label={t('commission.bonusPercent')}
            name="bonusPercent"
            inputMode="decimal"
            defaultValue={settings.bonusPercent}
            required
          />
          <Field
            label={t('commission.windowDays')}
            name="windowDays"
            type="number"
            min={1}
            max={730}
            defaultValue={settings.windowDays}
            required
          />
          <div className="self-end">
            <Button type="submit" variant="secondary">
              {t('common.save')}
            </Button>
          </div>
        </Form>
      </section>
    </div>
  )
}
