import { getInputProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { json, redirect } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useFetcher,
  useLoaderData,
  useNavigation,
  useRevalidator,
} from '@remix-run/react'
import { useEffect } from 'react'
import {
  ErrorList,
  FormErrors,
  formProps,
  inputClass,
  useContractForm,
  useFormMessage,
} from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import { Pagination } from '~/components/pagination'
import { type SampleRow } from '~/domain/imports/analyze.server'
import {
  previewPage,
  type PreviewPage,
  type PreviewPageRow,
} from '~/domain/imports/preview-rows.server'
import {
  hasWork,
  PREVIEW_FILTERS,
  readPreviewQuery,
  ImportBatchActionSchema,
  importRefusal,
  MapCodeSchema,
  UNDOABLE_IMPORT_KINDS,
  unresolvedCodes,
} from '~/domain/imports/import-form'
import {
  chooseNewAccounts,
  discardImport,
  getImportBatch,
  type ImportPreview,
  keepCodesAsHistory,
  mapProductCode,
  startImport,
  undoImport,
} from '~/domain/imports/import.server'
import { suggestedSkus } from '~/domain/imports/code-mappings.server'
import { requireStaff } from '~/utils/auth.server'
import { formMessage } from '~/utils/form-schema'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'
import { formatCnpj } from '~/domain/accounts/cnpj'
import { isOrderStatus } from '~/domain/orders/order-tracking'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.import') }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'imports:manage')
  const batch = await getImportBatch(params.batchId ?? '')
  if (!batch) throw new Response('Not found', { status: 404 })
  const { fileId: _fileId, fileHash: _fileHash, ...visible } = batch
  // SKUs to suggest while codes still need a choice: the catalog's, active ones first.
  const products =
    batch.status === 'PREVIEWED' && unresolvedCodes(batch.preview).length
      ? await suggestedSkus()
      : []
  // Every row of the preview, a page at a time, while the batch has them (decision 024).
  const query = readPreviewQuery(new URL(request.url).searchParams)
  const { outcomes } = batch.preview
  const rows: PreviewPage | null = outcomes
    ? await previewPage(batch.id, {
        page: query.page,
        outcome: query.outcome,
        total: query.outcome
          ? outcomes[query.outcome]
          : PREVIEW_FILTERS.reduce((sum, o) => sum + outcomes[o], 0),
      })
    : null
  return json({ batch: visible, products, rows, invalidQuery: query.invalid })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'imports:manage')
  const batchId = params.batchId ?? ''
  const formData = await request.formData()
  if (formData.get('intent') === 'mapCode') return mapCode(batchId, formData, user.id)
  const submission = parseWithZod(formData, { schema: ImportBatchActionSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply() }, { status: 400 })
  }
  const { intent, code } = submission.value
  const result =
    intent === 'createAccounts' || intent === 'skipAccounts'
      ? await chooseNewAccounts(batchId, intent === 'createAccounts', user.id)
      : intent === 'keepHistory'
        ? await keepCodesAsHistory(batchId, code || null, user.id)
        : intent === 'discard'
          ? await discardImport(batchId, user.id)
          : intent === 'undo'
            ? await undoImport(batchId, user.id)
            : await startImport(batchId, user.id)
  if (!result.ok && result.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
  if (!result.ok) {
    const message = importRefusal(result.code)
    // Unknown product codes: the refusal is said beside their section, not above the buttons.
    if (result.code === 'UNKNOWN_CODES' || result.code === 'UNKNOWN_CODE')
      return json({ result: submission.reply(), codesError: message }, { status: 409 })
    // So is a refused choice about the file's new accounts, beside them.
    if (intent === 'createAccounts' || intent === 'skipAccounts')
      return json({ result: submission.reply(), accountsError: message }, { status: 409 })
    return json({ result: submission.reply({ formErrors: [message] }) }, { status: 409 })
  }
  // The page reloads the batch: its new status says what happened.
  return redirect(`/admin/imports/${batchId}`)
}

/** One code mapped to a catalog SKU; a SKU the catalog lacks is said beside its field. */
async function mapCode(batchId: string, formData: FormData, actorId: string) {
  const submission = parseWithZod(formData, { schema: MapCodeSchema })
  const code = String(formData.get('code') ?? '')
  if (submission.status !== 'success')
    return json({ result: submission.reply(), mapCode: code }, { status: 400 })
  const result = await mapProductCode(batchId, submission.value, actorId)
  if (!result.ok && result.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
  if (!result.ok) {
    const reply =
      result.code === 'UNKNOWN_SKU'
        ? submission.reply({ fieldErrors: { sku: [formMessage('imports.mapCode.skuUnknown')] } })
        : submission.reply({ formErrors: [importRefusal(result.code)] })
    return json(
      { result: reply, mapCode: code },
      { status: result.code === 'UNKNOWN_SKU' ? 400 : 409 },
    )
  }
  return redirect(`/admin/imports/${batchId}`)
}

export default function ImportPreviewPage() {
  const { batch, products, rows, invalidQuery } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form] = useContractForm(ImportBatchActionSchema, {
    id: 'import-batch',
    // A mapping's answer belongs to its row's form, not to these buttons.
    lastResult: actionData && !('mapCode' in actionData) ? actionData.result : undefined,
  })
  const pressed = navigation.formData?.get('intent')
  const { t, date } = useT()
  const message = useFormMessage()
  const { preview } = batch
  const revalidator = useRevalidator()
  // While the import runs in the background, check on it every 1.5 s.
  useEffect(() => {
    if (batch.status !== 'COMMITTING') return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, 1500)
    return () => clearInterval(timer)
  }, [batch.status, revalidator])
  const figures = [
    ['imports.totalRows', batch.totalRows],
    ['imports.errorRows', batch.errorRows],
    ['imports.toCreate', batch.createdRows],
    ['imports.toUpdate', batch.updatedRows],
    ['imports.unchanged', batch.skippedRows],
  ] as const
  return (
    <div className="max-w-6xl space-y-4">
      <Link to="/admin/imports" className="text-sm underline">
        {t('imports.title')}
      </Link>
      <h1 className="text-2xl font-bold">{t('imports.preview')}</h1>
      <p className="text-slate-600">
        {t(`imports.kind.${batch.kind}`)} · {batch.fileName} · {t(`imports.status.${batch.status}`)}
      </p>
      {preview.fileError ? (
        <Alert tone="error">
          {t(`fileError.${preview.fileError.code}`, {
            columns: preview.fileError.columns?.join(', ') ?? '',
          })}
        </Alert>
      ) : (
        <>
          {preview.alreadyImportedAt ? (
            <Alert tone="info">
              {t('imports.alreadyImported', { date: date(preview.alreadyImportedAt, 'datetime') })}
            </Alert>
          ) : null}
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
            {figures.map(([label, value]) => (
              <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
                <dt className="text-xs text-slate-600">{t(label)}</dt>
                <dd className="text-2xl font-bold" data-testid={label}>
                  {value}
                </dd>
              </div>
            ))}
          </dl>
          {preview.newAccounts?.length && batch.status === 'PREVIEWED' ? (
            <NewAccounts
              preview={preview}
              error={
                actionData && 'accountsError' in actionData
                  ? String(actionData.accountsError)
                  : undefined
              }
            />
          ) : preview.unknownAccounts && batch.status === 'PREVIEWED' ? (
            <Alert tone="warning">
              <span data-testid="unknown-accounts">
                {t('imports.unknownAccounts', { count: preview.unknownAccounts })}
              </span>{' '}
              <Link to="/admin/imports?kind=ACCOUNTS" className="underline">
                {t('imports.unknownAccounts.import')}
              </Link>{' '}
              ·{' '}
              <a href="/admin/imports/template/ACCOUNTS.csv" download className="underline">
                {t('imports.unknownAccounts.template')}
              </a>
            </Alert>
          ) : null}
          {batch.kind === 'ORDER_STATUSES' && batch.status === 'PREVIEWED' && hasWork(batch) ? (
            <Alert tone="info">{t('imports.statusesWarning')}</Alert>
          ) : null}
          {batch.status === 'COMMITTING' ? (
            <Alert tone="info">
              <span data-testid="import-running">{t('imports.running')}</span>{' '}
              <span data-testid="import-progress">
                {message(
                  formMessage('imports.progress', {
                    count: batch.createdRows + batch.updatedRows,
                    written: batch.writtenCreated + batch.writtenUpdated,
                  }),
                )}
              </span>
            </Alert>
          ) : null}
          {batch.status === 'COMMITTED' && batch.committedAt ? (
            <Alert tone="success">
              {t('imports.confirmed', {
                created: batch.createdRows,
                updated: batch.updatedRows,
                unchanged: batch.skippedRows,
              })}
            </Alert>
          ) : null}
          {batch.status === 'COMMITTED' && UNDOABLE_IMPORT_KINDS.includes(batch.kind) ? (
            <Form method="post" {...formProps(form)} className="flex flex-wrap items-center gap-3">
              <Button
                type="submit"
                name="intent"
                value="undo"
                variant="secondary"
                disabled={navigation.state === 'submitting'}
                aria-describedby="import-undo-help"
              >
                {pressed === 'undo' ? t('imports.undoing') : t('imports.undo')}
              </Button>
              <span id="import-undo-help" className="text-sm text-slate-600">
                {t('imports.undoHelp')}
              </span>
            </Form>
          ) : null}
          {batch.status === 'UNDONE' && batch.undoneAt ? (
            <Alert tone="info">
              <span data-testid="import-undone">
                {t('imports.undone', { date: date(batch.undoneAt, 'datetime') })}
              </span>
            </Alert>
          ) : null}
          {batch.status === 'DISCARDED' ? (
            <Alert tone="info">{t('imports.discarded')}</Alert>
          ) : null}
          <FormErrors form={form} />
          {batch.status === 'PREVIEWED' ? (
            <Form method="post" {...formProps(form)} className="flex flex-wrap items-center gap-3">
              <Button
                type="submit"
                name="intent"
                value="confirm"
                disabled={!hasWork(batch) || navigation.state === 'submitting'}
                aria-describedby={hasWork(batch) ? undefined : 'import-nothing'}
              >
                {pressed === 'confirm' ? t('imports.confirming') : t('imports.confirm')}
              </Button>
              <Button
                type="submit"
                name="intent"
                value="discard"
                variant="secondary"
                disabled={navigation.state === 'submitting'}
              >
                {pressed === 'discard' ? t('imports.discarding') : t('imports.discard')}
              </Button>
              {!hasWork(batch) ? (
                <span id="import-nothing" className="text-sm text-amber-800">
                  {t(
                    batch.errorRows > 0 && batch.skippedRows === 0
                      ? 'imports.nothingToWrite.allErrors'
                      : 'imports.nothingToWrite.unchanged',
                  )}
                </span>
              ) : batch.errorRows > 0 ? (
                <span className="text-sm text-amber-800">
                  {t(
                    batch.kind === 'ORDERS' ? 'imports.errorsSkipped' : 'imports.errorsSkippedRows',
                  )}
                </span>
              ) : null}
            </Form>
          ) : null}
          {preview.unknownCodes?.length ? (
            <UnknownCodes
              preview={preview}
              editable={batch.status === 'PREVIEWED'}
              error={
                actionData && 'codesError' in actionData ? String(actionData.codesError) : undefined
              }
              products={products}
              mapReply={
                actionData && 'mapCode' in actionData
                  ? { result: actionData.result, mapCode: String(actionData.mapCode) }
                  : undefined
              }
            />
          ) : preview.mappedCodes?.length ? (
            <RememberedMappings codes={preview.mappedCodes} />
          ) : null}
          {rows && preview.outcomes ? (
            <PreviewRows
              kind={batch.kind}
              page={rows}
              outcomes={preview.outcomes}
              invalidQuery={invalidQuery}
            />
          ) : preview.sample?.length ? (
            <SampleTable kind={batch.kind} rows={preview.sample} />
          ) : null}
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">{t('imports.errors')}</h2>
            {preview.errors.length === 0 ? (
              <p className="text-sm text-slate-600">{t('imports.noErrors')}</p>
            ) : (
              <>
                {preview.errors.length < batch.errorRows ? (
                  <p className="text-sm">
                    {t('imports.errorsShown', { count: preview.errors.length })}
                  </p>
                ) : null}
                <DataTable
                  columns={[
                    { label: t('imports.line'), align: 'right' },
                    { label: t('imports.problem') },
                  ]}
                >
                  {preview.errors.map((error, index) => (
                    <tr
                      key={index}
                      className="border-t border-slate-200"
                      data-testid="import-error"
                    >
                      <td className="p-2 text-right">{error.line}</td>
                      <td className="p-2">
                        {t(`rowError.${error.code}`)}
                        {error.column ? ` · ${error.column}` : ''}
                        {error.value ? ` · “${error.value}”` : ''}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              </>
            )}
          </section>
        </>
      )}
    </div>
  )
}

const SAMPLE_COLUMNS = {
  ORDERS: ['order', 'date', 'account', 'sku', 'product', 'quantity', 'price'],
  ACCOUNTS: ['cnpj', 'legalName', 'tradeName', 'city', 'state', 'email', 'rep'],
  REPS: ['code', 'name', 'email'],
  PRODUCTS: ['sku', 'name', 'family', 'unit', 'packSize', 'price', 'stock'],
  PRICE_LISTS: ['list', 'sku', 'minQuantity', 'price'],
  ORDER_STATUSES: ['order', 'account', 'from', 'to', 'invoice', 'tracking'],
} as const
const STATUS_CELLS = new Set(['from', 'to'])
const NOWRAP = new Set(['sku', 'list', 'order', 'date', 'cnpj', 'code'])
const NUMERIC = new Set(['packSize', 'price', 'stock', 'minQuantity', 'quantity'])

/** One cell of a row as the import will write it (or as read, for a refused line). */
function SampleCell({
  column,
  value,
}: {
  column: string
  value: string | number | null | undefined
}) {
  const { t, money, day } = useT()
  return (
    <td
      className={
        NUMERIC.has(column)
          ? 'whitespace-nowrap p-2 text-right'
          : NOWRAP.has(column)
            ? 'whitespace-nowrap p-2'
            : 'p-2'
      }
    >
      {value === null || value === undefined
        ? '—'
        : column === 'price'
          ? money(Number(value))
          : column === 'date'
            ? day(String(value))
            : column === 'cnpj'
              ? formatCnpj(String(value))
              : STATUS_CELLS.has(column) && isOrderStatus(value)
                ? t(`orderStatus.${value}`)
                : column === 'order'
                  ? `#${value}`
                  : value}
    </td>
  )
}

/**
 * Every row of the preview, a page at a time, filtered by outcome, each line's problems beside
 * it with the column and the value read.
 */
function PreviewRows({
  kind,
  page,
  outcomes,
  invalidQuery,
}: {
  kind: string
  page: PreviewPage
  outcomes: Record<(typeof PREVIEW_FILTERS)[number], number>
  invalidQuery: boolean
}) {
  const { t } = useT()
  const columns = SAMPLE_COLUMNS[kind as keyof typeof SAMPLE_COLUMNS]
  if (!columns) return null
  const all = PREVIEW_FILTERS.reduce((sum, o) => sum + outcomes[o], 0)
  const filters = [
    { outcome: null, count: all },
    ...PREVIEW_FILTERS.map((outcome) => ({ outcome, count: outcomes[outcome] })),
  ]
  return (
    <section className="space-y-2" aria-labelledby="preview-rows-title">
      <h2 id="preview-rows-title" className="text-lg font-semibold">
        {t('imports.rows.title')}
      </h2>
      {invalidQuery ? <Alert tone="warning">{t('imports.rows.invalidQuery')}</Alert> : null}
      <nav aria-label={t('imports.rows.filter')}>
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="preview-filters">
          {filters.map(({ outcome, count }) => {
            const current = outcome === page.outcome
            return (
              <li key={outcome ?? 'all'}>
                <Link
                  to={outcome ? `?outcome=${outcome}` : '?'}
                  aria-current={current ? 'page' : undefined}
                  preventScrollReset
                  className={`inline-block rounded-full border px-3 py-1 ${
                    current
                      ? 'border-slate-800 bg-slate-800 text-white'
                      : 'border-slate-300 bg-white hover:bg-slate-100'
                  }`}
                >
                  {t(outcome ? `imports.rows.filter.${outcome}` : 'imports.rows.filter.all', {
                    count,
                  })}
                </Link>
              </li>
            )
          })}
        </ul>
      </nav>
      {page.pastEnd ? (
        <Alert tone="warning">
          <span data-testid="preview-past-end">
            {t('imports.rows.pastEnd', { page: page.page, pageCount: page.pageCount })}
          </span>{' '}
          <Link
            to={`?${new URLSearchParams({
              ...(page.outcome ? { outcome: page.outcome } : {}),
              page: String(page.pageCount),
            })}`}
            className="underline"
          >
            {t('imports.rows.lastPage')}
          </Link>
        </Alert>
      ) : page.rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('imports.rows.none')}</p>
      ) : (
        <>
          <DataTable columns={rowColumns(t, columns)}>
            {page.rows.map((row) => (
              <PreviewRow key={row.line} row={row} columns={columns} />
            ))}
          </DataTable>
          <Pagination page={page.page} pageCount={page.pageCount} />
        </>
      )}
    </section>
  )
}

/** The headers of a table of an import's rows: line, the kind's columns, what happens. */
type SampleColumn = (typeof SAMPLE_COLUMNS)[keyof typeof SAMPLE_COLUMNS][number]

function rowColumns(t: ReturnType<typeof useT>['t'], columns: readonly SampleColumn[]) {
  return [
    { label: t('imports.line'), align: 'right' as const },
    ...columns.map((column) => ({
      label: t(`imports.sample.${column}`),
      align: NUMERIC.has(column) ? ('right' as const) : undefined,
    })),
    { label: t('imports.sample.action') },
  ]
}

function PreviewRow({ row, columns }: { row: PreviewPageRow; columns: readonly string[] }) {
  const { t } = useT()
  const error = row.outcome === 'error'
  return (
    <tr
      className={`border-t border-slate-200 ${error ? 'bg-red-50' : ''}`}
      data-testid="preview-row"
      data-outcome={row.outcome}
    >
      <td className="p-2 text-right">{row.line}</td>
      {columns.map((column) => (
        <SampleCell key={column} column={column} value={row.cells?.[column]} />
      ))}
      <td className="min-w-48 p-2">
        <span className={error ? 'font-semibold text-red-800' : ''}>
          {t(`imports.rows.outcome.${row.outcome}`)}
        </span>
        {row.errors.length ? (
          <ul className="mt-1 space-y-1 text-red-800" data-testid="preview-row-errors">
            {row.errors.map((e, index) => (
              <li key={index}>
                {t(`rowError.${e.code}`)}
                {e.column ? ` · ${e.column}` : ''}
                {e.value !== undefined ? ` · “${e.value}”` : ''}
              </li>
            ))}
          </ul>
        ) : null}
      </td>
    </tr>
  )
}

/** The first rows as the import will write them. */
function SampleTable({ kind, rows }: { kind: string; rows: SampleRow[] }) {
  const { t } = useT()
  const columns = SAMPLE_COLUMNS[kind as keyof typeof SAMPLE_COLUMNS]
  if (!columns) return null
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">{t('imports.sample')}</h2>
      <DataTable columns={rowColumns(t, columns)}>
        {rows.map((row) => (
          <tr key={row.line} className="border-t border-slate-200" data-testid="import-sample">
            <td className="p-2 text-right">{row.line}</td>
            {columns.map((column) => (
              <SampleCell key={column} column={column} value={row.cells[column]} />
            ))}
            <td className="p-2">{t(`imports.sample.action.${row.action}`)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  )
}

/** Where the manager goes to import the accounts first, with the accounts template. */
function ImportAccountsFirst() {
  const { t } = useT()
  return (
    <>
      <Link to="/admin/imports?kind=ACCOUNTS" className="underline">
        {t('imports.unknownAccounts.import')}
      </Link>{' '}
      ·{' '}
      <a href="/admin/imports/template/ACCOUNTS.csv" download className="underline">
        {t('imports.unknownAccounts.template')}
      </a>
    </>
  )
}

/**
 * An orders file's CNPJs with no account, as its own columns describe them, and the choice:
 * create them in this batch, or leave their orders out (and import the accounts first).
 */
function NewAccounts({ preview, error }: { preview: ImportPreview; error: string | undefined }) {
  const { t } = useT()
  const message = useFormMessage()
  const navigation = useNavigation()
  const [form] = useContractForm(ImportBatchActionSchema, { id: 'new-accounts' })
  const accounts = preview.newAccounts ?? []
  const creatable = accounts.filter((a) => a.missing.length === 0 && !a.invalidState).length
  const chosen = !!preview.createAccounts
  const missingColumns = preview.missingAccountColumns ?? []
  const busy = navigation.state === 'submitting'
  return (
    <section
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3"
      aria-labelledby="new-accounts-title"
      data-testid="new-accounts"
    >
      <h2 id="new-accounts-title" className="text-lg font-semibold">
        {t('imports.newAccounts.title')}
      </h2>
      <p className="text-sm" data-testid="unknown-accounts">
        {/* None the file describes well enough to create: import the accounts first. */}
        {creatable
          ? t('imports.newAccounts.summary', { count: accounts.length })
          : t('imports.unknownAccounts', { count: accounts.length })}
      </p>
      {missingColumns.length ? (
        <p className="text-sm text-amber-900">
          {t('imports.newAccounts.missingColumns', {
            columns: missingColumns
              .map((c) => t(`imports.newAccounts.column.${c as 'cliente' | 'cidade' | 'uf'}`))
              .join(', '),
          })}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm font-semibold text-red-700">
          {message(error)}
        </p>
      ) : null}
      <DataTable
        columns={[
          { label: t('imports.sample.cnpj') },
          { label: t('imports.newAccounts.name') },
          { label: t('imports.newAccounts.place') },
          { label: t('imports.newAccounts.orders'), align: 'right' },
          { label: t('imports.newAccounts.what') },
        ]}
      >
        {accounts.map((a) => {
          const ok = a.missing.length === 0 && !a.invalidState
          return (
            <tr key={a.cnpj} className="border-t border-slate-200" data-testid="new-account">
              <td className="whitespace-nowrap p-2">{formatCnpj(a.cnpj)}</td>
              <td className="p-2">{a.name ?? '—'}</td>
              <td className="p-2">
                {a.city ?? '—'} / {a.state ?? '—'}
              </td>
              <td className="p-2 text-right">{a.orders}</td>
              <td className={`p-2 ${ok ? '' : 'text-red-800'}`}>
                {ok
                  ? t(chosen ? 'imports.newAccounts.willCreate' : 'imports.newAccounts.canCreate')
                  : a.invalidState
                    ? t('imports.newAccounts.invalidState', { state: a.invalidState })
                    : t('imports.newAccounts.cannotCreate', {
                        missing: a.missing
                          .map((m) => t(`imports.newAccounts.missing.${m}`))
                          .join(', '),
                      })}
              </td>
            </tr>
          )
        })}
      </DataTable>
      <Form method="post" {...formProps(form)} className="flex flex-wrap items-center gap-3">
        {creatable && !chosen ? (
          <Button type="submit" name="intent" value="createAccounts" disabled={busy}>
            {t('imports.newAccounts.create', { count: creatable })}
          </Button>
        ) : null}
        {chosen ? (
          <>
            <span className="text-sm font-semibold" data-testid="new-accounts-chosen">
              {t('imports.newAccounts.chosen', { count: creatable })}
            </span>
            <Button
              type="submit"
              name="intent"
              value="skipAccounts"
              variant="secondary"
              disabled={busy}
            >
              {t('imports.newAccounts.skip')}
            </Button>
          </>
        ) : null}
        {chosen && creatable === accounts.length ? null : (
          <span className="text-sm">
            {t(
              creatable === accounts.length
                ? 'imports.newAccounts.orImport'
                : 'imports.newAccounts.othersLeftOut',
            )}{' '}
            <ImportAccountsFirst />
          </span>
        )}
      </Form>
    </section>
  )
}

/** Product codes of an orders file not in the catalog, each with its choice (decision 011). */
function UnknownCodes({
  preview,
  editable,
  error,
  products,
  mapReply,
}: {
  preview: ImportPreview
  editable: boolean
  error: string | undefined
  products: { sku: string; name: string }[]
  /** The answer to a mapping sent without JavaScript (with it, each row's fetcher has its own). */
  mapReply: { result: SubmissionResult<string[]>; mapCode: string } | undefined
}) {
  const { t } = useT()
  const message = useFormMessage()
  const navigation = useNavigation()
  const codes = preview.unknownCodes ?? []
  const pending = new Set(unresolvedCodes(preview))
  const mappedTo = new Map((preview.mappedCodes ?? []).map((c) => [c.code, c.sku]))
  const unknown = new Set(codes.map((c) => c.code))
  const remembered = (preview.mappedCodes ?? []).filter((c) => !unknown.has(c.code))
  const lines = codes.reduce((sum, c) => sum + c.lines, 0)
  return (
    <section
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3"
      aria-labelledby="unknown-codes-title"
      data-testid="unknown-codes"
    >
      <h2 id="unknown-codes-title" className="text-lg font-semibold">
        {t('imports.unknownCodes.title')}
      </h2>
      <p className="text-sm" data-testid="unknown-codes-summary">
        {t('imports.unknownCodes.summary', { count: lines })}
      </p>
      <p className="text-sm text-slate-700">{t('imports.unknownCodes.explain')}</p>
      {error ? (
        <p
          role="alert"
          className="text-sm font-semibold text-red-700"
          data-testid="unknown-codes-error"
        >
          {message(error)}
        </p>
      ) : null}
      <DataTable
        columns={[
          { label: t('imports.unknownCodes.code') },
          { label: t('imports.unknownCodes.lines'), align: 'right' },
          { label: t('imports.unknownCodes.firstLines') },
          { label: t('imports.unknownCodes.choice') },
        ]}
      >
        {codes.map((code) => (
          <tr key={code.code} className="border-t border-slate-200" data-testid="unknown-code">
            <td className="p-2">
              <span className="whitespace-nowrap font-mono">{code.code}</span>
              <span className="block text-xs text-slate-600">{code.name}</span>
            </td>
            <td className="p-2 text-right">{code.lines}</td>
            <td className="p-2">{code.firstLines.join(', ')}</td>
            <td className="p-2">
              <CodeChoice
                code={code.code}
                mappedTo={mappedTo.get(code.code)}
                pending={pending.has(code.code)}
                editable={editable}
                reply={mapReply?.mapCode === code.code ? mapReply.result : undefined}
              />
            </td>
          </tr>
        ))}
      </DataTable>
      {remembered.length ? <RememberedMappings codes={remembered} /> : null}
      {editable && pending.size ? (
        <datalist id="catalog-skus">
          {products.map((p) => (
            <option key={p.sku} value={p.sku}>
              {p.name}
            </option>
          ))}
        </datalist>
      ) : null}
      {editable && pending.size > 1 ? (
        <Form method="post">
          <Button
            type="submit"
            name="intent"
            value="keepHistory"
            variant="secondary"
            disabled={navigation.state === 'submitting'}
          >
            {t('imports.unknownCodes.keepAllHistory')}
          </Button>
        </Form>
      ) : null}
    </section>
  )
}

/** One code's choice: what was chosen, or (while a preview) the two ways to choose. */
function CodeChoice({
  code,
  mappedTo,
  pending,
  editable,
  reply,
}: {
  code: string
  mappedTo: string | undefined
  pending: boolean
  editable: boolean
  reply: SubmissionResult<string[]> | undefined
}) {
  const { t } = useT()
  const navigation = useNavigation()
  if (mappedTo)
    return (
      <span data-testid="unknown-code-choice" className="whitespace-nowrap">
        {t('imports.mapCode.mapped', { sku: mappedTo })}
      </span>
    )
  if (!pending)
    return <span data-testid="unknown-code-choice">{t('imports.unknownCodes.keptHistory')}</span>
  if (!editable) return <span className="text-amber-800">{t('imports.unknownCodes.pending')}</span>
  return (
    <div className="flex flex-wrap items-start gap-2">
      <MapCodeForm code={code} reply={reply} />
      <span className="py-2 text-sm text-slate-600">{t('imports.mapCode.or')}</span>
      <Form method="post">
        <input type="hidden" name="code" value={code} />
        <Button
          type="submit"
          name="intent"
          value="keepHistory"
          variant="secondary"
          disabled={navigation.state === 'submitting'}
          aria-label={`${t('imports.unknownCodes.keepHistory')}: ${code}`}
        >
          {t('imports.unknownCodes.keepHistory')}
        </Button>
      </Form>
    </div>
  )
}

/**
 * The SKU field and button that map one code. Sent through a fetcher, so each row keeps its own
 * answer; without JavaScript it posts the page like any form.
 */
function MapCodeForm({
  code,
  reply,
}: {
  code: string
  reply: SubmissionResult<string[]> | undefined
}) {
  const { t } = useT()
  const fetcher = useFetcher<typeof action>()
  const fetched = fetcher.data && 'mapCode' in fetcher.data ? fetcher.data.result : undefined
  const [form, fields] = useContractForm(MapCodeSchema, {
    id: `map-code-${code}`,
    lastResult: fetched ?? reply,
  })
  const busy = fetcher.state !== 'idle'
  return (
    <fetcher.Form method="post" {...formProps(form)} className="flex items-start gap-2">
      <input type="hidden" name="code" value={code} />
      <div className="flex flex-col gap-1">
        <label htmlFor={fields.sku.id} className="sr-only">
          {t('imports.mapCode.label', { code })}
        </label>
        <input
          {...getInputProps(fields.sku, { type: 'text' })}
          list="catalog-skus"
          autoComplete="off"
          placeholder="SKU"
          className={`${inputClass} w-36 font-mono`}
        />
        <ErrorList id={fields.sku.errorId} errors={fields.sku.errors} />
        <ErrorList id={form.errorId} errors={form.errors} />
      </div>
      <Button type="submit" name="intent" value="mapCode" disabled={busy}>
        {busy ? t('imports.mapCode.mapping') : t('imports.mapCode.submit')}
      </Button>
    </fetcher.Form>
  )
}

/** Codes of this file read as catalog products through mappings made in earlier imports. */
function RememberedMappings({ codes }: { codes: { code: string; sku: string; lines: number }[] }) {
  const { t } = useT()
  return (
    <ul className="space-y-1 text-sm" data-testid="remembered-mappings">
      {codes.map((c) => (
        <li key={c.code}>
          <span className="font-mono">{c.code}</span> ·{' '}
          {t('imports.mapCode.mapped', { sku: c.sku })} ({t('imports.mapCode.remembered')}) ·{' '}
          {t('imports.mapCode.lines', { count: c.lines })}
        </li>
      ))}
    </ul>
  )
}
