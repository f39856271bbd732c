import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { BuyersPanel } from '~/components/buyers-panel'
import { accountBuyersPage, buyerFormAction } from '~/domain/accounts/buyers.server'
import { getImpersonatorId, requireAccountAdmin } from '~/utils/auth.server'
import { getLocale } from '~/utils/locale.server'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.buyers') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAccountAdmin(request)
  return json({ ...(await accountBuyersPage(user.accountId)), selfId: user.id })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccountAdmin(request)
  // Always the admin's own account: nothing in the request chooses it.
  const reply = await buyerFormAction(
    { kind: 'account-admin', userId: user.id, impersonatorId: await getImpersonatorId(request) },
    user.accountId,
    await request.formData(),
    await getLocale(request),
  )
  return json(reply.data, { status: reply.status })
}

export default function AccountBuyersPage() {
  const { buyers, accountName, selfId } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useT()
  return (
    <section aria-labelledby="buyers-heading" className="max-w-3xl space-y-4">
      <div>
        <h1 id="buyers-heading" className="text-2xl font-bold">
          {t('buyers.title')}
        </h1>
        <p className="text-slate-600">{t('buyers.intro', { account: accountName })}</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <BuyersPanel buyers={buyers} reply={reply} selfId={selfId} />
      </div>
    </section>
  )
}
