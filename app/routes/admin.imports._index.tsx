import { type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import {
  json,
  MaxPartSizeExceededError,
  NodeOnDiskFile,
  redirect,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ChoiceGroupField, Field, FormErrors, formProps, useContractForm } from '~/components/forms'
import { Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import { COLUMNS } from '~/domain/imports/columns'
import { hasTemplate } from '~/domain/imports/templates'
import { IMPORT_KINDS, ImportUploadSchema, MAX_IMPORT_BYTES } from '~/domain/imports/import-form'
import { listImportBatches, previewImport, UPLOAD_DIR } from '~/domain/imports/import.server'
import { requireStaff } from '~/utils/auth.server'
import { uploadedFileName } from '~/utils/uploads.server'
import { formMessage } from '~/utils/form-schema'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.imports') }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'imports:manage')
  // `?kind=ACCOUNTS` (the link from an orders preview with unknown CNPJs) chooses the kind.
  const asked = new URL(request.url).searchParams.get('kind')
  const kind = IMPORT_KINDS.find((k) => k === asked) ?? IMPORT_KINDS[0]
  return json({ batches: await listImportBatches(), kind })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'imports:manage')
  let form: FormData
  // The disk handler names the stored file itself (upload_<random>.csv); the name the manager
  // knows the file by is kept from the part's header for the preview, the history and the audit.
  let originalName: string | null = null
  const toDisk = unstable_createFileUploadHandler({
    directory: `${UPLOAD_DIR}/incoming`,
    maxPartSize: MAX_IMPORT_BYTES,
    avoidFileConflicts: true,
  })
  try {
    // The file streams to disk; it is never held in memory whole.
    form = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(
        (part) => {
          if (part.name === 'file' && part.filename) originalName = uploadedFileName(part.filename)
          return toDisk(part)
        },
        // Plain fields (the kind of import) stay in memory.
        unstable_createMemoryUploadHandler({ maxPartSize: 1024 }),
      ),
    )
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      // The upload stopped part way: nothing else of the form was read.
      const result = {
        status: 'error',
        error: { file: [formMessage('imports.tooLarge')] },
      } satisfies SubmissionResult<string[]>
      return json({ result }, { status: 413 })
    }
    // Not multipart as this parser reads it: e.g. Remix's parser cannot read a file name
    // holding ";" (a browser sends `filename="vendas;2026.csv"` as it is).
    console.warn(`Unreadable upload: ${error instanceof Error ? error.message : error}`)
    const result = {
      status: 'error',
      error: { file: [formMessage('imports.unreadableUpload')] },
    } satisfies SubmissionResult<string[]>
    return json({ result }, { status: 400 })
  }
  const submission = parseWithZod(form, { schema: ImportUploadSchema })
  const file = form.get('file')
  if (submission.status !== 'success' || !(file instanceof NodeOnDiskFile)) {
    if (file instanceof NodeOnDiskFile) await file.remove().catch(() => undefined)
    // A file is never sent back: the browser cannot be given one to upload again.
    const result = submission.reply({
      hideFields: ['file'],
      ...(submission.status === 'success'
        ? { fieldErrors: { file: [formMessage('imports.missingFile')] } }
        : {}),
    })
    return json({ result }, { status: 400 })
  }
  const batch = await previewImport({
    kind: submission.value.kind,
    file: file.getFilePath(),
    fileName: originalName ?? file.name,
    actorId: user.id,
  })
  return redirect(`/admin/imports/${batch.id}`)
}

export default function ImportsPage() {
  const { batches, kind } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, date } = useT()
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('imports.title')}</h1>
        <Link to="/admin/imports/codes" className="text-sm text-brand-700 underline">
          {t('imports.codes.link')}
        </Link>
      </div>
      <section className="max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <p className="text-sm text-slate-700">{t('imports.help')}</p>
        <UploadForm lastResult={actionData?.result} kind={kind} />
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

function UploadForm({
  lastResult,
  kind,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  kind: (typeof IMPORT_KINDS)[number]
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(ImportUploadSchema, {
    id: 'import-upload',
    lastResult,
    defaultValue: { kind },
  })
  return (
    <>
      <FormErrors form={form} />
      <Form method="post" encType="multipart/form-data" className="space-y-3" {...formProps(form)}>
        <ChoiceGroupField
          meta={fields.kind}
          type="radio"
          legend={t('imports.kind')}
          optionsClassName="mt-1 space-y-1"
          options={IMPORT_KINDS.map((kind) => ({
            value: kind,
            className: 'items-start',
            label: (
              <span>
                {t(`imports.kind.${kind}`)}
                <span className="block text-xs text-slate-600">{t(`imports.about.${kind}`)}</span>
                <span className="block text-xs text-slate-600">
                  {t('imports.columns', {
                    columns: COLUMNS[kind]
                      .map((c) => (c.required ? c.aliases[0] : `[${c.aliases[0]}]`))
                      .join(', '),
                  })}
                </span>
              </span>
            ),
          }))}
        />
        <Field
          meta={fields.file}
          type="file"
          label={t('imports.file')}
          inputProps={{
            accept:
              '.csv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            className: 'text-sm',
          }}
        />
        <Button type="submit" disabled={navigation.state === 'submitting'}>
          {navigation.state === 'submitting' ? t('common.loading') : t('imports.upload')}
        </Button>
      </Form>
      <section className="space-y-1 text-sm">
        <h2 className="font-semibold">{t('imports.templates')}</h2>
        <ul className="space-y-1">
          {IMPORT_KINDS.filter(hasTemplate).map((kind) => (
            <li key={kind} className="flex flex-wrap items-baseline gap-x-3">
              <span className="text-slate-700">{t(`imports.kind.${kind}`)}:</span>
              <a
                href={`/admin/imports/template/${kind}.csv`}
                download
                aria-label={t('imports.templateOf', { kind: t(`imports.kind.${kind}`) })}
                className="text-brand-700 underline"
              >
                CSV
              </a>
              <a
                href={`/admin/imports/template/${kind}.xlsx`}
                download
                aria-label={t('imports.templateXlsxOf', { kind: t(`imports.kind.${kind}`) })}
                className="text-brand-700 underline"
              >
                Excel (.xlsx)
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
