import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Field, FormErrors, formProps, useContractForm, useFormMessage } from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import {
  createPaymentTerm,
  deletePaymentTerm,
  listPaymentTerms,
} from '~/domain/pricing/payment-terms.server'
import { PaymentTermCreateSchema } from '~/domain/pricing/pricing-forms'
import { requireStaff } from '~/utils/auth.server'
import { formMessage, replyErrors } from '~/utils/form-schema'
import { pageTitle } from '~/utils/meta'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.paymentTerms') },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'pricing:manage')
  return json({ terms: await listPaymentTerms() })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'pricing:manage')
  const form = await request.formData()
  if (form.get('intent') === 'delete') {
    const deleted = await deletePaymentTerm(user.id, String(form.get('termId') ?? ''))
    if (deleted.ok) {
      return json({ form: 'delete' as const, message: formMessage('pricing.terms.deleted') })
    }
    const message =
      deleted.code === 'IN_USE_BY_ACCOUNTS'
        ? formMessage('pricing.terms.inUse', { count: deleted.count ?? 0 })
        : deleted.code === 'USED_BY_ORDERS'
          ? formMessage('pricing.terms.usedByOrders', { count: deleted.count ?? 0 })
          : formMessage('pricing.terms.notFound')
    return json({ form: 'delete' as const, error: message }, { status: 400 })
  }
  const submission = parseWithZod(form, { schema: PaymentTermCreateSchema })
  if (submission.status !== 'success') {
    return json({ form: 'create' as const, result: submission.reply() }, { status: 400 })
  }
  const saved = await createPaymentTerm(user.id, submission.value.code)
  if (!saved.ok) {
    return json(
      { form: 'create' as const, result: submission.reply(replyErrors(saved.errors)) },
      { status: 400 },
    )
  }
  return json({ form: 'create' as const, result: submission.reply({ resetForm: true }) })
}

export default function PaymentTermsPage() {
  const { terms } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const message = useFormMessage()
  const { t } = useT()
  const busy = navigation.state === 'submitting'
  const [form, fields] = useContractForm(PaymentTermCreateSchema, {
    id: 'payment-term-new',
    lastResult: actionData?.form === 'create' ? actionData.result : null,
  })
  const created = actionData?.form === 'create' && form.status !== 'error' && actionData.result
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold">{t('pricing.terms.title')}</h1>
      <p className="text-sm text-slate-700">
        {t('pricing.terms.help')}{' '}
        <Link to="/admin/accounts" className="text-brand-700 underline">
          {t('admin.nav.accounts')}
        </Link>
      </p>
      {actionData?.form === 'delete' && 'error' in actionData ? (
        <Alert tone="error">{message(actionData.error)}</Alert>
      ) : null}
      {actionData?.form === 'delete' && 'message' in actionData ? (
        <Alert tone="success">{message(actionData.message)}</Alert>
      ) : null}
      {terms.length === 0 ? (
        <p className="text-sm text-slate-600">{t('pricing.terms.none')}</p>
      ) : (
        <DataTable
          columns={[
            { label: t('pricing.code') },
            { label: t('pricing.terms.label') },
            { label: t('pricing.terms.accounts'), align: 'right' },
            { label: <span className="sr-only">{t('pricing.items.actions')}</span> },
          ]}
        >
          {terms.map((term) => (
            <tr key={term.id} className="border-t border-slate-200" data-testid="payment-term-row">
              <td className="p-2 font-mono">{term.code}</td>
              <td className="p-2">{t('checkout.termDays', { code: term.code })}</td>
              <td className="p-2 text-right">{term.accounts}</td>
              <td className="p-2 text-right">
                <Form method="post">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="termId" value={term.id} />
                  <Button
                    type="submit"
                    variant="danger"
                    disabled={busy}
                    aria-label={t('pricing.terms.deleteOf', { code: term.code })}
                  >
                    {t('pricing.terms.delete')}
                  </Button>
                </Form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <section
        aria-labelledby="new-term-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="new-term-heading" className="text-lg font-semibold">
          {t('pricing.terms.new')}
        </h2>
        {created ? <Alert tone="success">{t('pricing.terms.created')}</Alert> : null}
        <FormErrors form={form} summary={false} />
        <Form method="post" className="grid gap-3 sm:grid-cols-3" {...formProps(form)}>
          <input type="hidden" name="intent" value="create" />
          <Field
            meta={fields.code}
            label={t('pricing.code')}
            hint={t('pricing.terms.codeHint')}
            className="sm:col-span-2"
          />
          <div className="self-end">
            <Button type="submit" disabled={busy}>
              {t('pricing.terms.create')}
            </Button>
          </div>
        </Form>
      </section>
    </div>
  )
}
