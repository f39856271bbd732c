import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Alert, Button, Field } from '~/components/ui/primitives'
import { reclassifyPortfolio } from '~/domain/accounts/reclassify.server'
import {
  getSettingsView,
  ThresholdsSchema,
  updateThresholds,
} from '~/domain/accounts/settings.server'
import { STRIPE_METHODS } from '~/domain/payments/payment-state'
import {
  getPaymentSettings,
  PaymentMethodsForm,
  updatePaymentMethods,
} from '~/domain/payments/payment-settings.server'
import { requireStaff } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'
import { Panel } from '~/components/ui/panel'

export const meta: MetaFunction = () => [{ title: 'Configurações · Reativa' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'settings:manage')
  const [view, payments] = await Promise.all([getSettingsView(), getPaymentSettings()])
  return json({ ...view, payments })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'settings:manage')
  const form = await request.formData()
  if (form.get('intent') === 'payments') {
    const methods = PaymentMethodsForm.safeParse({ methods: form.getAll('methods') })
    if (!methods.success) {
      return json(
        {
          section: 'payments' as const,
          ok: false as const,
          message: 'settings.methodsInvalid' as const,
          changed: 0,
        },
        { status: 400 },
      )
    }
    await updatePaymentMethods(user.id, methods.data.methods)
    return json({
      section: 'payments' as const,
      ok: true as const,
      message: 'settings.methodsSaved' as const,
      changed: 0,
    })
  }
  const parsed = ThresholdsSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) {
    const order = parsed.error.issues.some((issue) => issue.message === 'ORDER')
    return json(
      {
        section: 'thresholds' as const,
        ok: false as const,
        message: order ? ('settings.invalidOrder' as const) : ('settings.invalid' as const),
        changed: 0,
      },
      { status: 400 },
    )
  }
  await updateThresholds(user.id, parsed.data)
  const result = await reclassifyPortfolio({ rebuild: true })
  return json({
    section: 'thresholds' as const,
    ok: true as const,
    message: 'settings.saved' as const,
    changed: result.updated,
  })
}

export default function SettingsPage() {
  const { thresholds, lastReclassifiedAt, payments } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, date } = useT()
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t('settings.title')}</h1>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">{t('settings.thresholds')}</h2>
        <p className="text-sm text-slate-700">{t('settings.help')}</p>
        {actionData?.section === 'thresholds' ? (
          <Alert tone={actionData.ok ? 'success' : 'error'}>
            {t(actionData.message, { changed: actionData.changed })}
          </Alert>
        ) : null}
        <Form method="post" className="grid gap-3 sm:grid-cols-3">
          <input type="hidden" name="intent" value="thresholds" />
          <Field
            label={`${t('settings.atRisk')} (${t('settings.days')})`}
            name="atRiskDays"
            type="number"
            min={7}
            max={3650}
            defaultValue={thresholds.atRiskDays}
            required
          />
          <Field
            label={`${t('settings.inactive')} (${t('settings.days')})`}
            name="inactiveDays"
            type="number"
            min={7}
            max={3650}
            defaultValue={thresholds.inactiveDays}
            required
          />
          <Field
            label={`${t('settings.lost')} (${t('settings.days')})`}
            name="lostDays"
            type="number"
            min={7}
            max={3650}
            defaultValue={thresholds.lostDays}
            required
          />
          <div className="sm:col-span-3">
            <Button type="submit" disabled={navigation.state === 'submitting'}>
              {navigation.state === 'submitting' ? t('common.saving') : t('common.save')}
            </Button>
          </div>
        </Form>
        {lastReclassifiedAt ? (
          <p className="text-xs text-slate-600">
            {t('settings.lastRun', { date: date(lastReclassifiedAt, 'datetime') })}
          </p>
        ) : null}
      </section>
      <Panel id="payments-heading" title={t('settings.payments')}>
        <p className="text-sm text-slate-700" data-testid="stripe-state">
          {payments.stripeConfigured
            ? payments.webhookConfigured
              ? t('settings.stripeOn')
              : t('settings.stripeNoWebhook')
            : t('settings.stripeOff')}
        </p>
        {actionData?.section === 'payments' ? (
          <Alert tone={actionData.ok ? 'success' : 'error'}>{t(actionData.message)}</Alert>
        ) : null}
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="payments" />
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t('settings.methods')}</legend>
            {STRIPE_METHODS.map((method) => (
              <label key={method} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="methods"
                  value={method}
                  defaultChecked={payments.methods.includes(method)}
                />
                {t(`settings.method.${method}`)}
              </label>
            ))}
          </fieldset>
          <p className="text-xs text-slate-600">{t('settings.methodsHelp')}</p>
          <Button type="submit" variant="secondary" disabled={navigation.state === 'submitting'}>
            {t('settings.saveMethods')}
          </Button>
        </Form>
      </Panel>
    </div>
  )
}
