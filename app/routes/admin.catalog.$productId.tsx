import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ProductForm } from '~/components/product-form'
import { Alert, Button } from '~/components/ui/primitives'
import {
  getProductForEdit,
  listFamilyTree,
  productSchemaForSave,
  setProductActive,
  updateProduct,
} from '~/domain/catalog/catalog-admin.server'
import { requireStaff } from '~/utils/auth.server'
import { replyErrors } from '~/utils/form-schema'
import { readFormWithFiles, unreadableUpload } from '~/utils/uploads.server'
import { useT } from '~/utils/use-t'
import { namedTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: namedTitle(matches, data ? data.product.name : null) },
]

const notFound = () => new Response('Not found', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'catalog:manage')
  const product = await getProductForEdit(params.productId ?? '')
  if (!product) throw notFound()
  return json({ product, families: await listFamilyTree() })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const me = await requireStaff(request, 'catalog:manage')
  const id = params.productId ?? ''
  const read = await readFormWithFiles(request)
  if (!read) {
    return json({ saved: false, result: unreadableUpload('image') }, { status: 400 })
  }
  const form = read.form
  const intent = form.get('intent')
  if (intent === 'deactivate' || intent === 'reactivate') {
    if (!(await setProductActive(me.id, id, intent === 'reactivate'))) throw notFound()
    return json({ done: intent === 'reactivate' ? 'reactivated' : 'deactivated' } as const)
  }
  const submission = await parseWithZod(form, {
    schema: productSchemaForSave(id, { oversized: read.oversized.has('image') }),
    async: true,
  })
  // A file is never sent back: the browser cannot be handed one to upload again.
  if (submission.status !== 'success') {
    return json(
      { saved: false, result: submission.reply({ hideFields: ['image'] }) },
      { status: 400 },
    )
  }
  const saved = await updateProduct(me.id, id, submission.value)
  if (!saved.ok) {
    return json(
      {
        saved: false,
        result: submission.reply({ ...replyErrors(saved.errors), hideFields: ['image'] }),
      },
      { status: 400 },
    )
  }
  return json({ saved: true, result: submission.reply({ hideFields: ['image'] }) })
}

export default function ProductPage() {
  const { product, families } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { t } = useT()
  const result = actionData && 'result' in actionData ? actionData : null
  const done = actionData && 'done' in actionData ? actionData.done : null
  return (
    <div className="max-w-3xl space-y-6">
      <Link to="/admin/catalog" className="text-sm text-brand-700 underline">
        {t('catalogAdmin.back')}
      </Link>
      <h1 className="text-2xl font-bold">
        {product.name} <span className="font-mono text-base text-slate-600">{product.sku}</span>
      </h1>
      {searchParams.get('created') === '1' && !actionData ? (
        <Alert tone="success">{t('catalogAdmin.created')}</Alert>
      ) : null}
      {result?.saved ? <Alert tone="success">{t('catalogAdmin.saved')}</Alert> : null}
      {done ? <Alert tone="success">{t(`productAdmin.${done}`)}</Alert> : null}
      {!product.active && done !== 'deactivated' ? (
        <Alert tone="warning">{t('catalogAdmin.inactiveNotice')}</Alert>
      ) : null}
      <ProductForm
        // A new form after each save or status change, so it starts from what was saved.
        key={`${JSON.stringify(product.values)} ${product.imageFileId}`}
        defaultValue={product.values}
        lastResult={result && !result.saved ? result.result : null}
        families={families}
        skuLocked={product.skuLocked}
        imageFileId={product.imageFileId}
        submitLabel={t('common.save')}
      />
      <Form method="post">
        <input type="hidden" name="intent" value={product.active ? 'deactivate' : 'reactivate'} />
        <Button type="submit" variant="secondary">
          {product.active ? t('productAdmin.deactivate') : t('productAdmin.reactivate')}
        </Button>
      </Form>
    </div>
  )
}
