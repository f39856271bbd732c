import { type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Field, FormErrors, formProps, useContractForm, useFormMessage } from '~/components/forms'
import { Pagination } from '~/components/pagination'
import { EmptyState } from '~/components/ui/empty-state'
import { Alert, Button } from '~/components/ui/primitives'
import { AccessApproveSchema, AccessRejectSchema } from '~/domain/accounts/access-request-forms'
import {
  approveAccessRequest,
  listAccessRequests,
  parseAccessRequestView,
  rejectAccessRequest,
} from '~/domain/accounts/access-requests.server'
import { formatCnpj } from '~/domain/accounts/cnpj'
import { requireStaff } from '~/utils/auth.server'
import { formMessage, replyErrors } from '~/utils/form-schema'
import { pageTitle } from '~/utils/meta'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.accessRequests') },
]

// Whoever manages accounts and their buyers decides who becomes one.
const PERMISSION = 'accounts:edit'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, PERMISSION)
  const { view, page } = parseAccessRequestView(new URL(request.url).searchParams)
  return json({ view, ...(await listAccessRequests({ view, page })) })
}

type Reply = {
  requestId: string
  result: SubmissionResult<string[]>
  done: string | null
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, PERMISSION)
  const formData = await request.formData()
  const schema = formData.get('intent') === 'reject' ? AccessRejectSchema : AccessApproveSchema
  const submission = parseWithZod(formData, { schema })
  const rawId = formData.get('requestId')
  const requestId = typeof rawId === 'string' ? rawId.slice(0, 40) : ''
  if (submission.status !== 'success') {
    return json<Reply>({ requestId, result: submission.reply(), done: null }, { status: 400 })
  }
  const value = submission.value
  const decided =
    value.intent === 'approve'
      ? await approveAccessRequest({
          actorId: user.id,
          requestId: value.requestId,
          accountCnpj: value.accountCnpj,
        })
      : await rejectAccessRequest({ actorId: user.id, requestId: value.requestId })
  if (!decided.ok) {
    if (decided.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    const message = formMessage(`accessRequests.error.${decided.code}`)
    const field = decided.code === 'NO_ACCOUNT' ? 'accountCnpj' : ''
    return json<Reply>(
      { requestId, result: submission.reply(replyErrors({ [field]: [message] })), done: null },
      { status: 400 },
    )
  }
  const email = String(formData.get('email') ?? '').slice(0, 254)
  const done =
    value.intent === 'approve'
      ? formMessage('accessRequests.approved', { email })
      : formMessage('accessRequests.rejected', { email })
  return json<Reply>({ requestId, result: submission.reply({ resetForm: true }), done })
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type Row = Loaded['requests'][number]

export default function AccessRequestsPage() {
  const { view, requests, pendingCount, page, pageCount } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const message = useFormMessage()
  const tab = (target: 'pending' | 'decided') =>
    `rounded-md px-3 py-1.5 text-sm ${
      view === target
        ? 'bg-brand-700 font-semibold text-white'
        : 'border border-slate-300 bg-white hover:bg-slate-100'
    }`
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('accessRequests.title')}</h1>
      <p className="text-sm text-slate-600">{t('accessRequests.intro')}</p>
      <nav aria-label={t('accessRequests.tabs')} className="flex gap-2">
        <Link
          to="/admin/access-requests"
          className={tab('pending')}
          aria-current={view === 'pending' ? 'page' : undefined}
        >
          {t('accessRequests.pending')}
        </Link>
        <Link
          to="/admin/access-requests?view=decided"
          className={tab('decided')}
          aria-current={view === 'decided' ? 'page' : undefined}
        >
          {t('accessRequests.decided')}
        </Link>
      </nav>
      {actionData?.done ? (
        <div data-testid="access-request-done" role="status">
          <Alert tone="success">{message(actionData.done)}</Alert>
        </div>
      ) : null}
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="access-requests-count">
        {message(formMessage('accessRequests.count', { count: pendingCount }))}
      </p>
      {requests.length === 0 ? (
        <EmptyState
          message={t(view === 'pending' ? 'accessRequests.empty' : 'accessRequests.emptyDecided')}
        />
      ) : (
        <ul className="space-y-3">
          {requests.map((request) => (
            <li key={request.id}>
              {request.status === 'PENDING' ? (
                <PendingRequest
                  request={request}
                  lastResult={actionData?.requestId === request.id ? actionData.result : null}
                />
              ) : (
                <DecidedRequest request={request} />
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  )
}

function RequestHeader({ request }: { request: Row }) {
  const { t, date } = useT()
  const message = useFormMessage()
  return (
    <div className="space-y-1">
      <p className="font-semibold">
        {request.name}{' '}
        <span className="font-normal break-all text-slate-700">· {request.email}</span>
      </p>
      <p className="text-sm text-slate-700">
        CNPJ <span className="font-mono">{formatCnpj(request.cnpj)}</span>
      </p>
      <p className="text-xs text-slate-600">
        {t('accessRequests.requestedAt', { date: date(request.lastRequestedAt, 'datetime') })}
        {request.requestCount > 1
          ? ` · ${message(formMessage('accessRequests.times', { count: request.requestCount }))}`
          : null}
      </p>
    </div>
  )
}

function PendingRequest({
  request,
  lastResult,
}: {
  request: Row
  lastResult: SubmissionResult<string[]> | null
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(AccessApproveSchema, {
    id: `access-${request.id}`,
    lastResult,
    defaultValue: { accountCnpj: formatCnpj(request.cnpj) },
    schemaFor: (formData) =>
      formData.get('intent') === 'reject' ? AccessRejectSchema : AccessApproveSchema,
  })
  const busy = navigation.state !== 'idle' && navigation.formData?.get('requestId') === request.id
  return (
    <article
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="access-request"
      aria-label={request.email}
    >
      <RequestHeader request={request} />
      <p className="text-sm">
        {request.account ? (
          <>
            {t('accessRequests.account')}:{' '}
            <Link
              to={`/admin/accounts/${request.account.id}`}
              className="font-medium text-brand-700 underline"
            >
              {request.account.tradeName}
            </Link>
          </>
        ) : (
          <span className="text-amber-800">{t('accessRequests.noAccount')}</span>
        )}
      </p>
      <FormErrors form={form} summary={false} />
      <Form
        method="post"
        className="flex flex-col gap-3 sm:flex-row sm:items-end"
        {...formProps(form)}
      >
        <input type="hidden" name="requestId" value={request.id} />
        <input type="hidden" name="email" value={request.email} />
        <Field
          meta={fields.accountCnpj}
          label={t('accessRequests.accountCnpj')}
          className="sm:w-64"
          inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
        />
        <div className="flex gap-2">
          <Button type="submit" name="intent" value="approve" disabled={busy}>
            {t('accessRequests.approve')}
          </Button>
          <Button
            type="submit"
            name="intent"
            value="reject"
            variant="secondary"
            formNoValidate
            disabled={busy}
          >
            {t('accessRequests.reject')}
          </Button>
        </div>
      </Form>
    </article>
  )
}

function DecidedRequest({ request }: { request: Row }) {
  const { t, date } = useT()
  return (
    <article
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="access-request"
      aria-label={request.email}
    >
      <RequestHeader request={request} />
      <p className="text-sm">
        <span
          className={
            request.status === 'APPROVED'
              ? 'font-semibold text-green-800'
              : 'font-semibold text-red-700'
          }
        >
          {request.decidedAt
            ? t('accessRequests.decidedBy', {
                status: t(`accessRequests.status.${request.status}`),
                name: request.decidedBy ?? '—',
                date: date(request.decidedAt, 'datetime'),
              })
            : t(`accessRequests.status.${request.status}`)}
        </span>
        {request.account ? (
          <>
            {' · '}
            <Link to={`/admin/accounts/${request.account.id}`} className="text-brand-700 underline">
              {request.account.tradeName}
            </Link>
          </>
        ) : null}
      </p>
    </article>
  )
}
