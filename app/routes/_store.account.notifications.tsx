import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { CheckboxField, FormErrors, formProps, useContractForm } from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import { NotificationPreferencesSchema } from '~/domain/identity/notification-form'
import { getOrderUpdateEmails, setOrderUpdateEmails } from '~/domain/identity/profile.server'
import { getImpersonatorId, requireBuyer } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.notifications') },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBuyer(request)
  return json({ orderUpdateEmails: await getOrderUpdateEmails(user.id) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireBuyer(request)
  // Consent is the buyer's own: staff acting as the customer cannot give or withdraw it.
  if (await getImpersonatorId(request)) throw new Response('Forbidden', { status: 403 })
  const submission = parseWithZod(await request.formData(), {
    schema: NotificationPreferencesSchema,
  })
  if (submission.status !== 'success') {
    return json({ result: submission.reply(), saved: false }, { status: 400 })
  }
  await setOrderUpdateEmails(user.id, submission.value.orderUpdateEmails)
  return json({ result: submission.reply(), saved: true })
}

export default function NotificationsPage() {
  const { orderUpdateEmails } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useT()
  const [form, fields] = useContractForm(NotificationPreferencesSchema, {
    id: 'notifications',
    lastResult: actionData?.result,
    defaultValue: { orderUpdateEmails: orderUpdateEmails ? 'on' : undefined },
  })
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t('notifications.title')}</h1>
      {actionData?.saved ? <Alert tone="success">{t('notifications.saved')}</Alert> : null}
      <FormErrors form={form} />
      <Form method="post" className="space-y-3" {...formProps(form)}>
        <CheckboxField
          meta={fields.orderUpdateEmails}
          label={t('notifications.orderUpdates')}
          hint={t('notifications.hint')}
        />
        <Button type="submit" disabled={navigation.state !== 'idle'}>
          {t('notifications.save')}
        </Button>
      </Form>
    </div>
  )
}
