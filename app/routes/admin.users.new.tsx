import { parseWithZod } from '@conform-to/zod'
import { json, redirect } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { StaffForm } from '~/components/staff-form'
import { NEW_STAFF_VALUES } from '~/domain/identity/staff-forms'
import { createStaffUser, freeRepCodes, staffSchemaForSave } from '~/domain/identity/staff.server'
import { requireStaff } from '~/utils/auth.server'
import { replyErrors } from '~/utils/form-schema'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.newUser') }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'users:manage')
  return json({ freeRepCodes: await freeRepCodes() })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'users:manage')
  const submission = await parseWithZod(await request.formData(), {
    schema: staffSchemaForSave(null),
    async: true,
  })
  if (submission.status !== 'success') {
    return json({ result: submission.reply() }, { status: 400 })
  }
  const saved = await createStaffUser(user.id, submission.value)
  if (!saved.ok) {
    return json({ result: submission.reply(replyErrors(saved.errors)) }, { status: 400 })
  }
  return redirect(`/admin/users/${saved.id}?created=1`)
}

export default function NewUserPage() {
  const { freeRepCodes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  return (
    <div className="max-w-3xl space-y-4">
      <Link to="/admin/users" className="text-sm text-brand-700 underline">
        {t('users.back')}
      </Link>
      <h1 className="text-2xl font-bold">{t('users.new')}</h1>
      <StaffForm
        defaultValue={NEW_STAFF_VALUES}
        lastResult={actionData?.result}
        freeRepCodes={freeRepCodes}
        submitLabel={t('users.create')}
      />
    </div>
  )
}
