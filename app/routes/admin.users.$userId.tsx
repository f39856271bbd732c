import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { StaffForm } from '~/components/staff-form'
import { Alert, Button } from '~/components/ui/primitives'
import {
  freeRepCodes,
  getStaffForEdit,
  resendSetPasswordLink,
  setStaffActive,
  staffSchemaForSave,
  updateStaffUser,
} from '~/domain/identity/staff.server'
import { requireStaff } from '~/utils/auth.server'
import { replyErrors } from '~/utils/form-schema'
import { useT } from '~/utils/use-t'
import { namedTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: namedTitle(matches, data ? data.user.name : null) },
]

const notFound = () => new Response('Not found', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const me = await requireStaff(request, 'users:manage')
  const user = await getStaffForEdit(params.userId ?? '')
  if (!user) throw notFound()
  return json({ user, freeRepCodes: await freeRepCodes(), isSelf: user.id === me.id })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const me = await requireStaff(request, 'users:manage')
  const id = params.userId ?? ''
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'deactivate' || intent === 'reactivate') {
    const result = await setStaffActive(me.id, id, intent === 'reactivate')
    if (!result.ok && result.code === 'NOT_FOUND') throw notFound()
    return result.ok
      ? json({ done: intent === 'reactivate' ? 'reactivated' : 'deactivated' } as const)
      : json({ refused: result.code }, { status: 409 })
  }
  if (intent === 'resend') {
    if (!(await resendSetPasswordLink(me.id, id))) throw notFound()
    return json({ done: 'linkSent' } as const)
  }
  const submission = await parseWithZod(form, { schema: staffSchemaForSave(id), async: true })
  if (submission.status !== 'success') {
    return json({ saved: false, result: submission.reply() }, { status: 400 })
  }
  const saved = await updateStaffUser(me.id, id, submission.value)
  if (!saved.ok) {
    return json(
      { saved: false, result: submission.reply(replyErrors(saved.errors)) },
      { status: 400 },
    )
  }
  return json({ saved: true, result: submission.reply() })
}

const doneMessage = {
  deactivated: 'users.deactivated',
  reactivated: 'users.reactivated',
  linkSent: 'users.linkSent',
} as const

export default function UserPage() {
  const { user, freeRepCodes, isSelf } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { t, date } = useT()
  const result = actionData && 'result' in actionData ? actionData : null
  const done = actionData && 'done' in actionData ? actionData.done : null
  const refused = actionData && 'refused' in actionData ? actionData.refused : null
  return (
    <div className="max-w-3xl space-y-6">
      <Link to="/admin/users" className="text-sm text-brand-700 underline">
        {t('users.back')}
      </Link>
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">
          {user.name}
          {isSelf ? (
            <span className="text-base font-normal text-slate-600"> ({t('users.you')})</span>
          ) : null}
        </h1>
        <p className="text-sm text-slate-600">
          {t(`users.roleName.${user.role}`)}
          {user.rep ? ` · ${user.rep.code}` : ''} · {user.email}
        </p>
      </div>
      {searchParams.get('created') === '1' && !actionData ? (
        <Alert tone="success">{t('users.created', { email: user.email })}</Alert>
      ) : null}
      {result?.saved ? <Alert tone="success">{t('users.saved')}</Alert> : null}
      {done ? <Alert tone="success">{t(doneMessage[done])}</Alert> : null}
      {refused ? <Alert tone="error">{t(`users.refused.${refused}`)}</Alert> : null}
      {!user.active && done !== 'deactivated' ? (
        <Alert tone="warning">{t('users.inactiveNotice')}</Alert>
      ) : null}

      <section aria-labelledby="details" className="space-y-3">
        <h2 id="details" className="text-lg font-semibold">
          {t('users.details')}
        </h2>
        <StaffForm
          // A new form after each save, so it starts from what was saved.
          key={result?.saved ? JSON.stringify(user.values) : 'edit'}
          defaultValue={user.values}
          lastResult={result && !result.saved ? result.result : null}
          freeRepCodes={freeRepCodes}
          submitLabel={t('common.save')}
        />
      </section>

      <section
        aria-labelledby="access"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="access" className="text-lg font-semibold">
          {t('users.access')}
        </h2>
        <ul className="space-y-1 text-sm text-slate-700">
          <li>
            {t('users.status')}:{' '}
            <strong data-testid="user-status">
              {user.active ? t('users.status.active') : t('users.status.inactive')}
            </strong>
          </li>
          <li>{t('users.createdAt', { date: date(user.createdAt) })}</li>
          <li>
            {user.lastLoginAt
              ? t('users.lastLoginAt', { date: date(user.lastLoginAt, 'datetime') })
              : user.hasPassword
                ? t('users.never')
                : t('users.passwordPending')}
          </li>
        </ul>
        <div className="flex flex-wrap items-start gap-6">
          {user.active ? (
            <Form method="post" className="space-y-1">
              <input type="hidden" name="intent" value="resend" />
              <Button type="submit" variant="secondary">
                {t('users.resendLink')}
              </Button>
              <p className="text-xs text-slate-600">{t('users.resendHint')}</p>
            </Form>
          ) : null}
          {isSelf ? null : user.active ? (
            <Form method="post" className="max-w-sm space-y-1">
              <input type="hidden" name="intent" value="deactivate" />
              <Button type="submit" variant="secondary" className="text-red-700">
                {t('users.deactivate')}
              </Button>
              <p className="text-xs text-slate-600">{t('users.deactivateHint')}</p>
            </Form>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="reactivate" />
              <Button type="submit" variant="secondary">
                {t('users.reactivate')}
              </Button>
            </Form>
          )}
        </div>
      </section>
    </div>
  )
}
