import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Pagination } from '~/components/pagination'
import { EmptyState } from '~/components/ui/empty-state'
import { DataTable } from '~/components/ui/table'
import { repAccounts } from '~/domain/commission/statement.server'
import { requireRep } from '~/utils/require-rep.server'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = () => [{ title: 'Meus clientes · Reativa' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRep(request)
  const page = Number(new URL(request.url).searchParams.get('page') ?? 1)
  return json(await repAccounts(user.repId, page))
}

export default function RepAccountsPage() {
  const { accounts, total, page, pageCount } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">
        {t('rep.accountsTitle')}{' '}
        <span className="text-base font-normal text-slate-600">({total})</span>
      </h1>
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
          ]}
        >
          {accounts.map((account) => (
            <tr key={account.id} className="border-t border-slate-200" data-testid="rep-account">
              <td className="p-2 font-medium">{account.tradeName}</td>
              <td className="p-2">
                {account.city}/{account.state}
              </td>
              <td className="p-2">{t(`status.${account.status}`)}</td>
              <td className="p-2">{account.lastOrderAt ? date(account.lastOrderAt) : '—'}</td>
              <td className="p-2">{account.reactivatedAt ? date(account.reactivatedAt) : '—'}</td>
              <td className="p-2 text-right">{account._count.orders}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  )
}
