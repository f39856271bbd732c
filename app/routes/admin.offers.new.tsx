import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { OfferForm } from '~/components/offer-form'
import { OfferFormSchema, offerFormValues, saveOffer } from '~/domain/promotions/offer-admin.server'
import { listFamilyOptions } from '~/domain/catalog/catalog.server'
import { requireStaff } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = () => [{ title: 'Nova oferta · Reativa' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'offers:manage')
  return json({ families: await listFamilyOptions(), values: OfferFormSchema.parse({}) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'offers:manage')
  const values = offerFormValues(await request.formData())
  const result = await saveOffer(user.id, null, values)
  if (result.ok) return redirect(`/admin/offers/${result.id}?saved=1`)
  return json({ errors: result.errors, values }, { status: 400 })
}

export default function NewOfferPage() {
  const { families, values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  return (
    <div className="max-w-4xl space-y-4">
      <Link to="/admin/offers" className="text-sm text-brand-700 underline">
        {t('offers.back')}
      </Link>
      <h1 className="text-2xl font-bold">{t('offers.new')}</h1>
      <OfferForm
        key={JSON.stringify(actionData?.values ?? null)}
        values={actionData?.values ?? values}
        errors={actionData?.errors ?? {}}
        families={families}
        submitLabel={t('offers.create')}
      />
    </div>
  )
}
