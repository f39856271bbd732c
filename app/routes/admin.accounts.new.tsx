import { parseWithZod } from '@conform-to/zod'
import { json, redirect } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { AccountContactFields } from '~/components/account-contact-fields'
import { Field, FormErrors, formProps, useContractForm } from '~/components/forms'
import { Button } from '~/components/ui/primitives'
import { AccountCreateSchema } from '~/domain/accounts/account-forms'
import {
  accountCreateSchemaForSave,
  accountFilterOptions,
  createAccount,
} from '~/domain/accounts/portfolio.server'
import { requireStaff } from '~/utils/auth.server'
import { formMessage } from '~/utils/form-schema'
import { pageTitle } from '~/utils/meta'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.newAccount') },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'accounts:edit')
  const { reps } = await accountFilterOptions()
  return json({ reps })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'accounts:edit')
  const submission = await parseWithZod(await request.formData(), {
    schema: accountCreateSchemaForSave(),
    async: true,
  })
  if (submission.status !== 'success') {
    return json({ result: submission.reply() }, { status: 400 })
  }
  const created = await createAccount(user.id, submission.value)
  if (!created.ok) {
    const [field, message] =
      created.code === 'CNPJ_TAKEN'
        ? (['cnpj', 'accountForm.cnpjTaken'] as const)
        : (['repId', 'account.unknownRep'] as const)
    const fieldErrors = { [field]: [formMessage(message)] }
    return json({ result: submission.reply({ fieldErrors }) }, { status: 400 })
  }
  return redirect(`/admin/accounts/${created.accountId}?created=1`)
}

export default function NewAccountPage() {
  const { reps } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useT()
  const [form, fields] = useContractForm(AccountCreateSchema, {
    id: 'account-new',
    lastResult: actionData?.result,
  })
  const busy = navigation.state === 'submitting'
  return (
    <div className="max-w-3xl space-y-4">
      <Link to="/admin/accounts" className="text-sm underline">
        {t('accounts.title')}
      </Link>
      <h1 className="text-2xl font-bold">{t('accountNew.title')}</h1>
      <p className="text-sm text-slate-700">{t('accountNew.intro')}</p>
      <FormErrors form={form} />
      <Form
        method="post"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
        {...formProps(form)}
      >
        <Field
          meta={fields.cnpj}
          label={t('account.cnpj')}
          inputProps={{ inputMode: 'numeric', placeholder: '12.345.678/0001-95' }}
        />
        <Field
          meta={fields.legalName}
          label={t('account.legalName')}
          inputProps={{ autoComplete: 'organization' }}
        />
        <AccountContactFields fields={fields} reps={reps} />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={busy}>
            {busy ? t('accountNew.creating') : t('accountNew.create')}
          </Button>
        </div>
      </Form>
    </div>
  )
}
