import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ChoiceGroupField, Field, FormErrors, formProps, useContractForm } from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import { Panel } from '~/components/ui/panel'
import { reclassifyPortfolio } from '~/domain/accounts/reclassify.server'
import {
  MAX_THRESHOLD_DAYS,
  MIN_THRESHOLD_DAYS,
  ThresholdsSchema,
} from '~/domain/accounts/settings-forms'
import { getSettingsView, updateThresholds } from '~/domain/accounts/settings.server'
import { CommercialTermsSchema } from '~/domain/accounts/account-forms'
import {
  COMMERCIAL_TERMS_FIELDS,
  commercialTermOptions,
  commercialTermsSchemaForSave,
  getNewAccountDefaults,
  updateNewAccountDefaults,
} from '~/domain/accounts/commercial-terms.server'
import { CommercialTermsFields } from '~/components/commercial-terms-fields'
import { centsToDecimalText } from '~/utils/money'
import { formMessage } from '~/utils/form-schema'
import { PaymentMethodsSchema } from '~/domain/payments/payment-settings-form'
import { STRIPE_METHODS } from '~/domain/payments/payment-state'
import { getPaymentSettings, updatePaymentMethods } from '~/domain/payments/payment-settings.server'
import { CompanySchema } from '~/domain/company/company-form'
import { getCompanyProfile, updateCompany } from '~/domain/company/company.server'
import { getLogo, logoSchemaForSave, saveLogo } from '~/domain/company/logo.server'
import { LogoForm } from '~/components/logo-form'
import { readFormWithFiles, unreadableUpload } from '~/utils/uploads.server'
import { requireStaff } from '~/utils/auth.server'
import { can } from '~/utils/permissions'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.settings') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'settings:manage')
  const [view, payments, company, logo, newAccounts, commercial] = await Promise.all([
    getSettingsView(),
    getPaymentSettings(),
    getCompanyProfile(),
    getLogo(),
    getNewAccountDefaults(),
    commercialTermOptions(),
  ])
  const branding = can(user.role, 'company:manage')
  return json({
    ...view,
    payments,
    newAccounts,
    commercial,
    company: branding ? company : null,
    logo: branding ? logo : null,
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'settings:manage')
  // The logo form sends a file (multipart); the others are plain forms.
  const read = await readFormWithFiles(request)
  if (!read) {
    return json(
      { section: 'logo' as const, result: unreadableUpload('logo'), changed: null },
      { status: 400 },
    )
  }
  const form = read.form
  if (form.get('intent') === 'logo') {
    const admin = await requireStaff(request, 'company:manage')
    const submission = await parseWithZod(form, {
      schema: logoSchemaForSave({ oversized: read.oversized.has('logo') }),
      async: true,
    })
    if (submission.status !== 'success') {
      return json(
        {
          section: 'logo' as const,
          result: submission.reply({ hideFields: ['logo'] }),
          changed: null,
        },
        { status: 400 },
      )
    }
    const done = await saveLogo(admin.id, submission.value)
    return json({
      section: 'logo' as const,
      result: submission.reply({ resetForm: true }),
      changed: 0,
      logo: done,
    })
  }
  if (form.get('intent') === 'company') {
    const admin = await requireStaff(request, 'company:manage')
    const submission = parseWithZod(form, { schema: CompanySchema })
    if (submission.status !== 'success') {
      return json(
        { section: 'company' as const, result: submission.reply(), changed: null },
        { status: 400 },
      )
    }
    await updateCompany(admin.id, submission.value)
    return json({ section: 'company' as const, result: submission.reply(), changed: 0 })
  }
  if (form.get('intent') === 'newAccounts') {
    const submission = await parseWithZod(form, {
      schema: commercialTermsSchemaForSave(),
      async: true,
    })
    if (submission.status !== 'success') {
      return json(
        { section: 'newAccounts' as const, result: submission.reply(), changed: null },
        { status: 400 },
      )
    }
    const saved = await updateNewAccountDefaults(user.id, submission.value)
    if (!saved.ok) {
      const { field, message } = COMMERCIAL_TERMS_FIELDS[saved.code]
      const result = submission.reply({ fieldErrors: { [field]: [formMessage(message)] } })
      return json({ section: 'newAccounts' as const, result, changed: null }, { status: 400 })
    }
    return json({
      section: 'newAccounts' as const,
      result: submission.reply(),
      changed: saved.changed,
    })
  }
  if (form.get('intent') === 'payments') {
    const submission = parseWithZod(form, { schema: PaymentMethodsSchema })
    if (submission.status !== 'success') {
      return json(
        { section: 'payments' as const, result: submission.reply(), changed: null },
        { status: 400 },
      )
    }
    await updatePaymentMethods(user.id, submission.value.methods)
    return json({ section: 'payments' as const, result: submission.reply(), changed: 0 })
  }
  const submission = parseWithZod(form, { schema: ThresholdsSchema })
  if (submission.status !== 'success') {
    return json(
      { section: 'thresholds' as const, result: submission.reply(), changed: null },
      { status: 400 },
    )
  }
  await updateThresholds(user.id, submission.value)
  const result = await reclassifyPortfolio({ rebuild: true })
  return json({
    section: 'thresholds' as const,
    result: submission.reply(),
    changed: result.updated,
  })
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type ActionData = NonNullable<ReturnType<typeof useActionData<typeof action>>>

export default function SettingsPage() {
  const { thresholds, lastReclassifiedAt, payments, company, logo, newAccounts, commercial } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, date } = useT()
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t('settings.title')}</h1>
      {company ? (
        <Panel id="company-heading" title={t('settings.company')}>
          <p className="text-sm text-slate-700">{t('settings.companyHelp')}</p>
          <CompanyForm
            company={company}
            lastResult={actionData?.section === 'company' ? actionData : null}
          />
        </Panel>
      ) : null}
      {company ? (
        <Panel id="logo-heading" title={t('logo.title')}>
          <LogoForm
            logo={logo}
            lastResult={actionData?.section === 'logo' ? actionData.result : null}
            done={actionData && 'logo' in actionData ? actionData.logo : null}
          />
        </Panel>
      ) : null}
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">{t('settings.thresholds')}</h2>
        <p className="text-sm text-slate-700">{t('settings.help')}</p>
        <ThresholdsForm
          thresholds={thresholds}
          lastResult={actionData?.section === 'thresholds' ? actionData : null}
        />
        {lastReclassifiedAt ? (
          <p className="text-xs text-slate-600">
            {t('settings.lastRun', { date: date(lastReclassifiedAt, 'datetime') })}
          </p>
        ) : null}
      </section>
      <Panel id="new-accounts-heading" title={t('settings.newAccounts')}>
        <p className="text-sm text-slate-700">{t('settings.newAccountsHelp')}</p>
        <NewAccountsForm
          defaults={newAccounts}
          commercial={commercial}
          lastResult={actionData?.section === 'newAccounts' ? actionData : null}
        />
      </Panel>
      <Panel id="payments-heading" title={t('settings.payments')}>
        <p className="text-sm text-slate-700" data-testid="stripe-state">
          {payments.stripeConfigured
            ? payments.webhookConfigured
              ? t('settings.stripeOn')
              : t('settings.stripeNoWebhook')
            : t('settings.stripeOff')}
        </p>
        <PaymentMethodsForm
          methods={payments.methods}
          lastResult={actionData?.section === 'payments' ? actionData : null}
        />
      </Panel>
    </div>
  )
}

function CompanyForm({
  company,
  lastResult,
}: {
  company: NonNullable<LoaderData['company']>
  lastResult: ActionData | null
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(CompanySchema, {
    id: 'company',
    lastResult: lastResult?.result,
    defaultValue: {
      companyName: company.companyName ?? '',
      brandColor: company.brandColor ?? '',
      supportPhone: company.supportPhone ?? '',
      whatsapp: company.whatsapp ?? '',
      senderName: company.senderName ?? '',
      senderEmail: company.senderEmail ?? '',
    },
  })
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'company'
  return (
    <>
      {lastResult?.changed != null && form.status !== 'error' ? (
        <Alert tone="success">{t('settings.companySaved')}</Alert>
      ) : null}
      <FormErrors form={form} summary={false} />
      <Form method="post" className="space-y-3" {...formProps(form)}>
        <input type="hidden" name="intent" value="company" />
        <Field
          meta={fields.companyName}
          label={t('settings.companyName')}
          inputProps={{ autoComplete: 'organization' }}
        />
        <Field
          meta={fields.brandColor}
          label={t('settings.brandColor')}
          hint={t('settings.brandColorHint')}
          inputProps={{ placeholder: '#0f766e', spellCheck: false, className: 'font-mono' }}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            meta={fields.supportPhone}
            type="tel"
            label={t('settings.supportPhone')}
            hint={t('settings.phoneHint')}
          />
          <Field
            meta={fields.whatsapp}
            type="tel"
            label={t('settings.whatsapp')}
            hint={t('settings.phoneHint')}
          />
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            meta={fields.senderName}
            label={t('settings.senderName')}
            hint={t('settings.senderNameHint')}
          />
          <Field
            meta={fields.senderEmail}
            type="email"
            label={t('settings.senderEmail')}
            hint={t('settings.senderEmailHint')}
            inputProps={{ autoComplete: 'email', spellCheck: false }}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {busy ? t('common.saving') : t('settings.saveCompany')}
        </Button>
      </Form>
    </>
  )
}

function ThresholdsForm({
  thresholds,
  lastResult,
}: {
  thresholds: LoaderData['thresholds']
  lastResult: ActionData | null
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(ThresholdsSchema, {
    id: 'thresholds',
    lastResult: lastResult?.result,
    defaultValue: {
      atRiskDays: String(thresholds.atRiskDays),
      inactiveDays: String(thresholds.inactiveDays),
      lostDays: String(thresholds.lostDays),
    },
  })
  const busy =
    navigation.state === 'submitting' && navigation.formData?.get('intent') === 'thresholds'
  const dayProps = {
    min: MIN_THRESHOLD_DAYS,
    max: MAX_THRESHOLD_DAYS,
    inputMode: 'numeric' as const,
  }
  return (
    <>
      {lastResult?.changed != null && form.status !== 'error' ? (
        <Alert tone="success">{t('settings.saved', { changed: lastResult.changed })}</Alert>
      ) : null}
      <FormErrors form={form} />
      <Form method="post" className="grid gap-3 sm:grid-cols-3" {...formProps(form)}>
        <input type="hidden" name="intent" value="thresholds" />
        <Field
          meta={fields.atRiskDays}
          type="number"
          label={`${t('settings.atRisk')} (${t('settings.days')})`}
          inputProps={dayProps}
        />
        <Field
          meta={fields.inactiveDays}
          type="number"
          label={`${t('settings.inactive')} (${t('settings.days')})`}
          inputProps={dayProps}
        />
        <Field
          meta={fields.lostDays}
          type="number"
          label={`${t('settings.lost')} (${t('settings.days')})`}
          inputProps={dayProps}
        />
        <div className="sm:col-span-3">
          <Button type="submit" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </Button>
        </div>
      </Form>
    </>
  )
}

function PaymentMethodsForm({
  methods,
  lastResult,
}: {
  methods: LoaderData['payments']['methods']
  lastResult: ActionData | null
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(PaymentMethodsSchema, {
    id: 'payment-methods',
    lastResult: lastResult?.result,
    defaultValue: { methods },
  })
  const busy =
    navigation.state === 'submitting' && navigation.formData?.get('intent') === 'payments'
  return (
    <>
      {lastResult?.changed != null && form.status !== 'error' ? (
        <Alert tone="success">{t('settings.methodsSaved')}</Alert>
      ) : null}
      <FormErrors form={form} summary={false} />
      <Form method="post" className="space-y-3" {...formProps(form)}>
        <input type="hidden" name="intent" value="payments" />
        <ChoiceGroupField
          meta={fields.methods}
          type="checkbox"
          legend={t('settings.methods')}
          hint={t('settings.methodsHelp')}
          optionsClassName="mt-1 space-y-1"
          options={STRIPE_METHODS.map((method) => ({
            value: method,
            label: t(`settings.method.${method}`),
          }))}
        />
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('settings.saveMethods')}
        </Button>
      </Form>
    </>
  )
}

/** What every account created from now on gets: price list, minimum order, payment terms. */
function NewAccountsForm({
  defaults,
  commercial,
  lastResult,
}: {
  defaults: LoaderData['newAccounts']
  commercial: LoaderData['commercial']
  lastResult: ActionData | null
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(CommercialTermsSchema, {
    id: 'new-accounts',
    lastResult: lastResult?.result,
    defaultValue: {
      priceListId: defaults.priceListId ?? '',
      termCodes: defaults.termCodes,
      minimumOrder: centsToDecimalText(defaults.minimumOrderCents),
    },
  })
  const busy =
    navigation.state === 'submitting' && navigation.formData?.get('intent') === 'newAccounts'
  return (
    <>
      {lastResult?.changed != null && form.status !== 'error' ? (
        <Alert tone="success">{t('settings.newAccountsSaved')}</Alert>
      ) : null}
      <FormErrors form={form} />
      <Form method="post" className="grid gap-3 sm:grid-cols-2" {...formProps(form)}>
        <input type="hidden" name="intent" value="newAccounts" />
        <CommercialTermsFields
          fields={fields}
          priceLists={commercial.priceLists}
          paymentTerms={commercial.paymentTerms}
        />
        <div className="sm:col-span-2">
          <Button type="submit" variant="secondary" disabled={busy}>
            {t('settings.saveNewAccounts')}
          </Button>
        </div>
      </Form>
    </>
  )
}
