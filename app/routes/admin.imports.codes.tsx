import { parseWithZod } from '@conform-to/zod'
import { json, redirect } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { FormErrors, useContractForm } from '~/components/forms'
import { Pagination } from '~/components/pagination'
import { EmptyState } from '~/components/ui/empty-state'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable, PHONE_HIDDEN } from '~/components/ui/table'
import { forgetCodeMapping, listCodeMappings } from '~/domain/imports/code-mappings.server'
import { ForgetCodeSchema } from '~/domain/imports/import-form'
import { requireStaff } from '~/utils/auth.server'
import { formMessage } from '~/utils/form-schema'
import { pageTitle } from '~/utils/meta'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.importCodes') },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'imports:manage')
  const url = new URL(request.url)
  const page = Number(url.searchParams.get('page') ?? '1') || 1
  const forgotten = url.searchParams.get('forgotten')?.slice(0, 200) ?? null
  return json({ ...(await listCodeMappings(page)), forgotten })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'imports:manage')
  const submission = parseWithZod(await request.formData(), { schema: ForgetCodeSchema })
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 })
  const result = await forgetCodeMapping(submission.value.code, user.id)
  if (!result.ok)
    return json(
      { result: submission.reply({ formErrors: [formMessage('imports.codes.gone')] }) },
      { status: 409 },
    )
  const params = new URLSearchParams({ forgotten: submission.value.code })
  return redirect(`/admin/imports/codes?${params}`)
}

export default function ImportCodesPage() {
  const { mappings, total, page, pageCount, forgotten } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  // The row buttons are plain posts of a known code; the form contract carries the refusal.
  const [form] = useContractForm(ForgetCodeSchema, {
    id: 'forget-code',
    lastResult: actionData?.result,
  })
  const { t, date } = useT()
  const forgetting = navigation.formData?.get('code')
  return (
    <div className="max-w-4xl space-y-4">
      <Link to="/admin/imports" className="text-sm underline">
        {t('imports.title')}
      </Link>
      <h1 className="text-2xl font-bold">{t('imports.codes.title')}</h1>
      <p className="text-sm text-slate-700">{t('imports.codes.intro')}</p>
      {forgotten ? (
        <Alert tone="success">{t('imports.codes.forgotten', { code: forgotten })}</Alert>
      ) : null}
      <FormErrors form={form} />
      {mappings.length === 0 ? (
        <EmptyState
          message={t('imports.codes.empty')}
          linkTo="/admin/imports"
          linkLabel={t('imports.title')}
        />
      ) : (
        <>
          <p className="text-sm text-slate-600" data-testid="code-mappings-total">
            {t('imports.codes.total', { count: total })}
          </p>
          <DataTable
            columns={[
              { label: t('imports.codes.code') },
              { label: t('imports.codes.product') },
              { label: t('imports.codes.since'), className: PHONE_HIDDEN },
              { label: <span className="sr-only">{t('imports.codes.forget')}</span> },
            ]}
          >
            {mappings.map((m) => (
              <tr key={m.code} className="border-t border-slate-200" data-testid="code-mapping">
                <td className="p-2 font-mono [overflow-wrap:anywhere]">{m.code}</td>
                <td className="p-2">
                  <span className="font-mono">{m.product.sku}</span> · {m.product.name}
                  {m.product.active ? null : (
                    <span className="ml-1 text-xs text-amber-800">
                      ({t('imports.codes.inactive')})
                    </span>
                  )}
                </td>
                <td className={`whitespace-nowrap p-2 ${PHONE_HIDDEN}`}>
                  {date(m.updatedAt, 'datetime')}
                </td>
                <td className="p-2 text-right">
                  <Form method="post">
                    <input type="hidden" name="code" value={m.code} />
                    <Button
                      type="submit"
                      name="intent"
                      value="forget"
                      variant="secondary"
                      disabled={navigation.state === 'submitting'}
                      aria-label={t('imports.codes.forgetLabel', { code: m.code })}
                    >
                      {forgetting === m.code
                        ? t('imports.codes.forgetting')
                        : t('imports.codes.forget')}
                    </Button>
                  </Form>
                </td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}
    </div>
  )
}
