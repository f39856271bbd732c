import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Pagination } from '~/components/pagination'
import { EmptyState } from '~/components/ui/empty-state'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import { sendPersonalInvitation } from '~/domain/campaigns/campaigns.server'
import { repAccounts } from '~/domain/commission/statement.server'
import { requireRep } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.myAccounts') },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRep(request)
  const page = Number(new URL(request.url).searchParams.get('page') ?? 1)
  return json(await repAccounts(user.repId, page))
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRep(request)
  const accountId = String((await request.formData()).get('accountId') ?? '').slice(0, 40)
  const result = await sendPersonalInvitation(user, accountId)
  return json(result, { status: result.ok ? 200 : result.code === 'NOT_YOUR_ACCOUNT' ? 403 : 400 })
}

export default function RepAccountsPage() {
  const { accounts, total, page, pageCount } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, date } = useT()
  const sending = navigation.formData?.get('accountId')
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">
        {t('rep.accountsTitle')}{' '}
        <span className="text-base font-normal text-slate-600">({total})</span>
      </h1>
      {actionData ? (
        <Alert tone={actionData.ok ? 'success' : 'error'}>
          {actionData.ok ? t('rep.invite.sent') : t(`rep.invite.error.${actionData.code}`)}
        </Alert>
      ) : null}
      {accounts.length === 0 ? (
        <EmptyState message={t('rep.noAccounts')} />
      ) : (
        <DataTable
          columns={[
            { label: t('offers.account') },
            { label: t('accounts.city') },
            { label: t('accounts.status') },
            { label: t('rep.lastOrder') },
            { label: t('rep.reactivatedOn') },
            { label: t('rep.onlineOrders'), align: 'right' },
            { label: t('rep.invite.column') },
          ]}
        >
          {accounts.map((account) => (
            <tr key={account.id} className="border-t border-slate-200" data-testid="rep-account">
              <td className="p-2 font-medium">
                <Link to={`/rep/accounts/${account.id}`} className="text-brand-700 underline">
                  {account.tradeName}
                </Link>
              </td>
              <td className="p-2">
                {account.city}/{account.state}
              </td>
              <td className="p-2">{t(`status.${account.status}`)}</td>
              <td className="p-2">{account.lastOrderAt ? date(account.lastOrderAt) : '—'}</td>
              <td className="p-2">{account.reactivatedAt ? date(account.reactivatedAt) : '—'}</td>
              <td className="p-2 text-right">{account._count.orders}</td>
              <td className="p-2">
                {account.email && !account.emailBouncedAt ? (
                  <Form method="post">
                    <input type="hidden" name="accountId" value={account.id} />
                    <Button
                      type="submit"
                      variant="secondary"
                      disabled={!!sending}
                      aria-label={t('rep.invite.buttonFor', { account: account.tradeName })}
                    >
                      {sending === account.id ? t('rep.invite.sending') : t('rep.invite.button')}
                    </Button>
                  </Form>
                ) : (
                  <span className="text-xs text-slate-600">
                    {account.emailBouncedAt ? t('rep.invite.bounced') : t('rep.invite.noEmail')}
                  </span>
                )}
                {account.invitations[0] ? (
                  <span className="block text-xs text-slate-600">
                    {t('rep.invite.last', { date: date(account.invitations[0].createdAt) })}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  )
}
