import { parseWithZod } from '@conform-to/zod'
import { json, redirect } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Field, FormErrors, formProps, useContractForm } from '~/components/forms'
import { Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import { createPriceList, listPriceLists } from '~/domain/pricing/price-lists.server'
import { PriceListCreateSchema } from '~/domain/pricing/pricing-forms'
import { requireStaff } from '~/utils/auth.server'
import { replyErrors } from '~/utils/form-schema'
import { pageTitle } from '~/utils/meta'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.priceLists') },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'pricing:manage')
  return json({ lists: await listPriceLists() })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'pricing:manage')
  const submission = parseWithZod(await request.formData(), { schema: PriceListCreateSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply() }, { status: 400 })
  }
  const saved = await createPriceList(user.id, submission.value)
  if (!saved.ok) {
    return json({ result: submission.reply(replyErrors(saved.errors)) }, { status: 400 })
  }
  return redirect(`/admin/price-lists/${saved.id}?created=1`)
}

export default function PriceListsPage() {
  const { lists } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useT()
  const [form, fields] = useContractForm(PriceListCreateSchema, {
    id: 'price-list-new',
    lastResult: actionData?.result,
  })
  return (
    <div className="max-w-5xl space-y-6">
      <h1 className="text-2xl font-bold">{t('pricing.lists.title')}</h1>
      <p className="text-sm text-slate-700">{t('pricing.lists.help')}</p>
      {lists.length === 0 ? (
        <p className="text-sm text-slate-600">{t('pricing.lists.none')}</p>
      ) : (
        <DataTable
          columns={[
            { label: t('pricing.code') },
            { label: t('pricing.name') },
            { label: t('pricing.lists.items'), align: 'right' },
            { label: t('pricing.lists.accounts'), align: 'right' },
          ]}
        >
          {lists.map((list) => (
            <tr key={list.id} className="border-t border-slate-200" data-testid="price-list-row">
              <td className="p-2">
                <Link to={`/admin/price-lists/${list.id}`} className="text-brand-700 underline">
                  {list.code}
                </Link>
              </td>
              <td className="p-2">{list.name}</td>
              <td className="p-2 text-right">{list.items}</td>
              <td className="p-2 text-right">{list.accounts}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <section
        aria-labelledby="new-list-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="new-list-heading" className="text-lg font-semibold">
          {t('pricing.lists.new')}
        </h2>
        <FormErrors form={form} />
        <Form method="post" className="grid gap-3 sm:grid-cols-3" {...formProps(form)}>
          <Field meta={fields.code} label={t('pricing.code')} hint={t('pricing.lists.codeHint')} />
          <Field meta={fields.name} label={t('pricing.name')} />
          <div className="self-end">
            <Button type="submit" disabled={navigation.state === 'submitting'}>
              {t('pricing.lists.create')}
            </Button>
          </div>
        </Form>
      </section>
    </div>
  )
}
