import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Alert, Button, Field } from '~/components/ui/primitives'
import { getRepRates, updateRepRates } from '~/domain/commission/admin.server'
import { requireStaff } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = () => [{ title: 'Taxas de comissão · Reativa' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'commission:manage')
  const rates = await getRepRates(params.repId ?? '')
  if (!rates) throw new Response('Not found', { status: 404 })
  return json(rates)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'commission:manage')
  const result = await updateRepRates(user.id, params.repId ?? '', await request.formData())
  if (!result.ok && result.invalid.includes('rep')) throw new Response('Not found', { status: 404 })
  return json(result, { status: result.ok ? 200 : 400 })
}

export default function RepRatesPage() {
  const { rep, defaultPercent, families } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const invalid = (name: string) =>
    actionData && !actionData.ok && actionData.invalid.includes(name)
      ? t('commission.invalidRate')
      : undefined
  return (
    <div className="max-w-3xl space-y-4">
      <Link to="/admin/commission" className="text-sm text-brand-700 underline">
        ← {t('commission.title')}
      </Link>
      <h1 className="text-2xl font-bold">
        {t('commission.ratesOf', { rep: `${rep.code} · ${rep.name}` })}
      </h1>
      {actionData?.ok ? <Alert tone="success">{t('commission.ratesSaved')}</Alert> : null}
      {actionData && !actionData.ok ? (
        <Alert tone="error">{t('commission.invalidRate')}</Alert>
      ) : null}
      <p className="text-sm text-slate-700">{t('commission.ratesHelp')}</p>
      <Form method="post" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <Field
          label={t('commission.defaultRate')}
          name="defaultPercent"
          inputMode="decimal"
          defaultValue={defaultPercent}
          error={invalid('defaultPercent')}
          required
        />
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-1 text-sm font-medium">{t('commission.familyRates')}</legend>
          {families.map((family) => (
            <Field
              key={family.id}
              label={`${family.parentId ? '↳ ' : ''}${family.name} (%)`}
              name={`family-${family.id}`}
              inputMode="decimal"
              defaultValue={family.percent}
              placeholder={defaultPercent}
              error={invalid(`family-${family.id}`)}
            />
          ))}
        </fieldset>
        <Button type="submit">{t('common.save')}</Button>
      </Form>
    </div>
  )
}
