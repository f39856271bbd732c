import { parseWithZod } from '@conform-to/zod'
import { json, redirect } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { OfferForm } from '~/components/offer-form'
import { NEW_OFFER_VALUES } from '~/domain/promotions/offer-form'
import { offerSchemaForSave, writeOffer } from '~/domain/promotions/offer-admin.server'
import { listFamilyOptions } from '~/domain/catalog/catalog.server'
import { requireStaff } from '~/utils/auth.server'
import { replyErrors } from '~/utils/form-schema'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.newOffer') }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'offers:manage')
  return json({ families: await listFamilyOptions() })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'offers:manage')
  const submission = await parseWithZod(await request.formData(), {
    schema: offerSchemaForSave(null),
    async: true,
  })
  if (submission.status !== 'success') {
    return json({ result: submission.reply() }, { status: 400 })
  }
  const saved = await writeOffer(user.id, null, submission.value)
  if (!saved.ok) {
    return json({ result: submission.reply(replyErrors(saved.errors)) }, { status: 400 })
  }
  return redirect(`/admin/offers/${saved.id}?saved=1`)
}

export default function NewOfferPage() {
  const { families } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  return (
    <div className="max-w-4xl space-y-4">
      <Link to="/admin/offers" className="text-sm text-brand-700 underline">
        {t('offers.back')}
      </Link>
      <h1 className="text-2xl font-bold">{t('offers.new')}</h1>
      <OfferForm
        defaultValue={NEW_OFFER_VALUES}
        lastResult={actionData?.result}
        families={families}
        submitLabel={t('offers.create')}
      />
    </div>
  )
}
