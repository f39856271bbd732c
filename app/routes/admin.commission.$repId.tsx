import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useMemo } from 'react'
import { Field, FormErrors, formProps, useContractForm } from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import {
  getRepRates,
  repRatesSchemaForSave,
  updateRepRates,
} from '~/domain/commission/admin.server'
import { familyRateField, repRatesSchema } from '~/domain/commission/commission-forms'
import { requireStaff } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.commissionRates') },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'commission:manage')
  const rates = await getRepRates(params.repId ?? '')
  if (!rates) throw new Response('Not found', { status: 404 })
  return json(rates)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'commission:manage')
  const submission = parseWithZod(await request.formData(), {
    schema: await repRatesSchemaForSave(),
  })
  if (submission.status !== 'success') {
    return json({ result: submission.reply(), saved: false }, { status: 400 })
  }
  const saved = await updateRepRates(user.id, params.repId ?? '', submission.value)
  if (!saved.ok) throw new Response('Not found', { status: 404 })
  return json({ result: submission.reply(), saved: true })
}

export default function RepRatesPage() {
  const { rep, defaultPercent, families } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useT()
  const schema = useMemo(() => repRatesSchema(families.map((family) => family.id)), [families])
  const [form, fields] = useContractForm(schema, {
    id: `rep-rates-${rep.id}`,
    lastResult: actionData?.result,
    defaultValue: {
      defaultPercent,
      ...Object.fromEntries(families.map((family) => [familyRateField(family.id), family.percent])),
    },
  })
  const field = (name: string) => (fields as Record<string, typeof fields.defaultPercent>)[name]!
  return (
    <div className="max-w-3xl space-y-4">
      <Link to="/admin/commission" className="text-sm text-brand-700 underline">
        ← {t('commission.title')}
      </Link>
      <h1 className="text-2xl font-bold">
        {t('commission.ratesOf', { rep: `${rep.code} · ${rep.name}` })}
      </h1>
      {actionData?.saved && form.status !== 'error' ? (
        <Alert tone="success">{t('commission.ratesSaved')}</Alert>
      ) : null}
      <FormErrors form={form} />
      <p className="text-sm text-slate-700">{t('commission.ratesHelp')}</p>
      <Form
        method="post"
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
        {...formProps(form)}
      >
        <Field
          meta={field('defaultPercent')}
          label={t('commission.defaultRate')}
          inputProps={{ inputMode: 'decimal' }}
        />
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-1 text-sm font-medium">{t('commission.familyRates')}</legend>
          {families.map((family) => (
            <Field
              key={family.id}
              meta={field(familyRateField(family.id))}
              label={`${family.parentId ? '↳ ' : ''}${family.name} (%)`}
              inputProps={{ inputMode: 'decimal', placeholder: defaultPercent }}
            />
          ))}
        </fieldset>
        <Button type="submit" disabled={navigation.state === 'submitting'}>
          {t('common.save')}
        </Button>
      </Form>
    </div>
  )
}
