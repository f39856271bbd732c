import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { orderLeadColumns, OrderRowLeadCells, PaymentStatusLabel } from '~/components/order-badges'
import { Pagination } from '~/components/pagination'
import { EmptyState } from '~/components/ui/empty-state'
import { DataTable, PHONE_HIDDEN } from '~/components/ui/table'
import { listAccountOrders } from '~/domain/orders/order-history.server'
import { requireBuyer } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.myOrders') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBuyer(request)
  const page = Number(new URL(request.url).searchParams.get('page') ?? '1') || 1
  return json(await listAccountOrders(user.accountId, page))
}

export default function OrdersPage() {
  const { orders, page, pageCount } = useLoaderData<typeof loader>()
  const { t, money } = useT()
  return (
    <section aria-labelledby="orders-heading" className="space-y-4">
      <h1 id="orders-heading" className="text-2xl font-bold">
        {t('orders.title')}
      </h1>
      {orders.length === 0 ? (
        <EmptyState
          message={t('orders.empty')}
          linkTo="/catalog"
          linkLabel={t('common.backToCatalog')}
        />
      ) : (
        <DataTable
          columns={[
            ...orderLeadColumns(t),
            { label: t('orders.payment'), className: PHONE_HIDDEN },
            { label: t('orders.items'), align: 'right', className: PHONE_HIDDEN },
            { label: t('orders.total'), align: 'right' },
          ]}
        >
          {orders.map((order) => (
            <tr key={order.id} className="border-t border-slate-200" data-testid="order-row">
              <OrderRowLeadCells order={order} href={`/orders/${order.id}`} />
              <td className={`p-2 ${PHONE_HIDDEN}`}>
                <PaymentStatusLabel status={order.paymentStatus} />
              </td>
              <td className={`p-2 text-right ${PHONE_HIDDEN}`}>{order._count.lines}</td>
              <td className="whitespace-nowrap p-2 text-right font-medium">
                {money(order.totalCents, order.currency)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </section>
  )
}
