import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { CheckboxField, Field, FormErrors, formProps, useContractForm } from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import {
  closePayoutBatch,
  commissionOverview,
  updateCommissionSettings,
} from '~/domain/commission/admin.server'
import {
  CommissionSettingsSchema,
  MAX_WINDOW_DAYS,
  MIN_WINDOW_DAYS,
} from '~/domain/commission/commission-forms'
import { requireStaff } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.commissions') },
]

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
      form: 'payout' as const,
      message: batch ? ('commission.payoutClosed' as const) : ('commission.nothingToPay' as const),
      result: null,
    })
  }
  const submission = parseWithZod(form, { schema: CommissionSettingsSchema })
  if (submission.status !== 'success') {
    return json(
      { form: 'settings' as const, message: null, result: submission.reply() },
      { status: 400 },
    )
  }
  await updateCommissionSettings(user.id, submission.value)
  return json({
    form: 'settings' as const,
    message: 'commission.settingsSaved' as const,
    result: submission.reply(),
  })
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
      {actionData?.form === 'payout' ? <Alert tone="success">{t(actionData.message)}</Alert> : null}

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
        <BonusForm
          settings={settings}
          lastResult={actionData?.form === 'settings' ? actionData : null}
        />
      </section>
    </div>
  )
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type ActionData = NonNullable<ReturnType<typeof useActionData<typeof action>>>

/** The reactivation bonus and its window. */
function BonusForm({
  settings,
  lastResult,
}: {
  settings: LoaderData['settings']
  lastResult: ActionData | null
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(CommissionSettingsSchema, {
    id: 'commission-bonus',
    lastResult: lastResult?.result,
    defaultValue: {
      bonusPercent: settings.bonusPercent,
      windowDays: String(settings.windowDays),
      onPayment: settings.onPayment,
    },
  })
  const busy =
    navigation.state === 'submitting' && navigation.formData?.get('intent') === 'settings'
  return (
    <>
      {lastResult?.message && form.status !== 'error' ? (
        <Alert tone="success">{t(lastResult.message)}</Alert>
      ) : null}
      <FormErrors form={form} />
      <Form method="post" className="grid gap-3 sm:grid-cols-3" {...formProps(form)}>
        <input type="hidden" name="intent" value="settings" />
        <Field
          meta={fields.bonusPercent}
          label={t('commission.bonusPercent')}
          inputProps={{ inputMode: 'decimal' }}
        />
        <Field
          meta={fields.windowDays}
          type="number"
          label={t('commission.windowDays')}
          inputProps={{ min: MIN_WINDOW_DAYS, max: MAX_WINDOW_DAYS, inputMode: 'numeric' }}
        />
        <CheckboxField
          meta={fields.onPayment}
          label={t('commission.onPayment')}
          hint={t('commission.onPaymentHint')}
          className="sm:col-span-3 sm:row-start-2"
        />
        <div className="self-end sm:col-start-3 sm:row-start-1">
          <Button type="submit" variant="secondary" disabled={busy}>
            {t('common.save')}
          </Button>
        </div>
      </Form>
    </>
  )
}
