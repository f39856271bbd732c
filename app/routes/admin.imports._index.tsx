import {
  json,
  MaxPartSizeExceededError,
  redirect,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type NodeOnDiskFile,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import { COLUMNS } from '~/domain/accounts/imports/columns'
import {
  listImportBatches,
  previewImport,
  UPLOAD_DIR,
} from '~/domain/accounts/imports/import.server'
import { requireStaff } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = () => [{ title: 'Importações · Reativa' }]

const KINDS = ['ORDERS', 'ACCOUNTS', 'REPS'] as const
const MAX_BYTES = 50 * 1024 * 1024

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'imports:manage')
  return json({ batches: await listImportBatches() })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'imports:manage')
  let form: FormData
  try {
    // The file streams to disk; it is never held in memory whole.
    form = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(
        unstable_createFileUploadHandler({
          directory: `${UPLOAD_DIR}/incoming`,
          maxPartSize: MAX_BYTES,
          avoidFileConflicts: true,
        }),
        // Plain fields (the kind of import) stay in memory.
        unstable_createMemoryUploadHandler({ maxPartSize: 1024 }),
      ),
    )
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return json({ error: 'imports.tooLarge' as const }, { status: 413 })
    throw error
  }
  const kind = z.enum(KINDS).safeParse(form.get('kind'))
  const file = form.get('file') as NodeOnDiskFile | string | null
  if (!kind.success || !file || typeof file === 'string' || file.size === 0) {
    if (file && typeof file !== 'string') await file.remove().catch(() => undefined)
    return json({ error: 'imports.missingFile' as const }, { status: 400 })
  }
  const batch = await previewImport({
    kind: kind.data,
    file: file.getFilePath(),
    fileName: file.name,
    actorId: user.id,
  })
  return redirect(`/admin/imports/${batch.id}`)
}

export default function ImportsPage() {
  const { batches } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, date } = useT()
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('imports.title')}</h1>
      <section className="max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <p className="text-sm text-slate-700">{t('imports.help')}</p>
        {actionData?.error ? <Alert tone="error">{t(actionData.error)}</Alert> : null}
        <Form method="post" encType="multipart/form-data" className="space-y-3">
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t('imports.kind')}</legend>
            {KINDS.map((kind, index) => (
              <label key={kind} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="kind"
                  value={kind}
                  defaultChecked={index === 0}
                  className="mt-1"
                />
                <span>
                  {t(`imports.kind.${kind}`)}
                  <span className="block text-xs text-slate-600">
                    {t('imports.columns', {
                      columns: COLUMNS[kind]
                        .map((c) => (c.required ? c.aliases[0] : `[${c.aliases[0]}]`))
                        .join(', '),
                    })}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t('imports.file')}
            <input
              type="file"
              name="file"
              accept=".csv,text/csv,text/plain"
              required
              className="text-sm font-normal"
            />
          </label>
          <Button type="submit" disabled={navigation.state === 'submitting'}>
            {navigation.state === 'submitting' ? t('common.loading') : t('imports.upload')}
          </Button>
        </Form>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t('imports.recent')}</h2>
        {batches.length === 0 ? (
          <p className="text-sm text-slate-600">{t('imports.none')}</p>
        ) : (
          <DataTable
            columns={[
              { label: t('imports.date') },
              { label: t('imports.kind') },
              { label: t('imports.fileName') },
              { label: t('orders.status') },
              { label: t('imports.totalRows'), align: 'right' },
              { label: t('imports.errorRows'), align: 'right' },
            ]}
          >
            {batches.map((batch) => (
              <tr key={batch.id} className="border-t border-slate-200">
                <td className="p-2">
                  <Link to={`/admin/imports/${batch.id}`} className="text-brand-700 underline">
                    {date(batch.createdAt, 'datetime')}
                  </Link>
                </td>
                <td className="p-2">{t(`imports.kind.${batch.kind}`)}</td>
                <td className="p-2">{batch.fileName}</td>
                <td className="p-2">{t(`imports.status.${batch.status}`)}</td>
                <td className="p-2 text-right">{batch.totalRows}</td>
                <td className="p-2 text-right">{batch.errorRows}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  )
}
