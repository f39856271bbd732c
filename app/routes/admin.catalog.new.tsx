import { parseWithZod } from '@conform-to/zod'
import { json, redirect } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ProductForm } from '~/components/product-form'
import { NEW_PRODUCT_VALUES } from '~/domain/catalog/catalog-forms'
import {
  createProduct,
  listFamilyTree,
  productSchemaForSave,
} from '~/domain/catalog/catalog-admin.server'
import { requireStaff } from '~/utils/auth.server'
import { replyErrors } from '~/utils/form-schema'
import { readFormWithFiles, unreadableUpload } from '~/utils/uploads.server'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.newProduct') },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'catalog:manage')
  return json({ families: await listFamilyTree() })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'catalog:manage')
  const read = await readFormWithFiles(request)
  if (!read) return json({ result: unreadableUpload('image') }, { status: 400 })
  const submission = await parseWithZod(read.form, {
    schema: productSchemaForSave(null, { oversized: read.oversized.has('image') }),
    async: true,
  })
  // A file is never sent back: the browser cannot be handed one to upload again.
  if (submission.status !== 'success') {
    return json({ result: submission.reply({ hideFields: ['image'] }) }, { status: 400 })
  }
  const saved = await createProduct(user.id, submission.value)
  if (!saved.ok) {
    return json(
      { result: submission.reply({ ...replyErrors(saved.errors), hideFields: ['image'] }) },
      { status: 400 },
    )
  }
  return redirect(`/admin/catalog/${saved.id}?created=1`)
}

export default function NewProductPage() {
  const { families } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  return (
    <div className="max-w-3xl space-y-4">
      <Link to="/admin/catalog" className="text-sm text-brand-700 underline">
        {t('catalogAdmin.back')}
      </Link>
      <h1 className="text-2xl font-bold">{t('catalogAdmin.newProduct')}</h1>
      <ProductForm
        defaultValue={NEW_PRODUCT_VALUES}
        lastResult={actionData?.result}
        families={families}
        submitLabel={t('catalogAdmin.create')}
      />
    </div>
  )
}
