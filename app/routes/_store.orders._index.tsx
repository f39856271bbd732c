import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ChannelLabel, OrderStatusBadge, PaymentStatusLabel } from '~/components/order-badges'
import { Pagination } from '~/components/pagination'
import { listAccountOrders } from '~/domain/orders/order-history.server'
import { requireBuyer } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = () => [{ title: 'Meus pedidos · Reativa' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBuyer(request)
  const page = Number(new URL(request.url).searchParams.get('page') ?? '1') || 1
  return json(await listAccountOrders(user.accountId, page))
}

export default function OrdersPage() {
  const { orders, page, pageCount } = useLoaderData<typeof loader>()
  const { t, money, date } = useT()
  return (
    <section aria-labelledby="orders-heading" className="space-y-4">
      <h1 id="orders-heading" className="text-2xl font-bold">
        {t('orders.title')}
      </h1>
      {orders.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center">
          <p>{t('orders.empty')}</p>
          <Link to="/catalog" className="mt-2 inline-block text-brand-700 underline">
            {t('common.backToCatalog')}
          </Link>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="p-2">{t('orders.number')}</th>
                <th scope="col" className="p-2">{t('orders.date')}</th>
                <th scope="col" className="p-2">{t('orders.channel')}</th>
                <th scope="col" className="p-2">{t('orders.status')}</th>
                <th scope="col" className="p-2">{t('orders.payment')}</th>
                <th scope="col" className="p-2 text-right">{t('orders.items')}</th>
                <th scope="col" className="p-2 text-right">{t('orders.total')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr key={order.id} className="border-t border-slate-200" data-testid="order-row">
                  <td className="p-2">
                    <Link to={`/orders/${order.id}`} className="font-medium text-brand-700 underline" aria-label={t('orders.view', { id: order.id })}>
                      #{order.id}
                    </Link>
                    {order.externalRef ? <span className="block text-xs text-slate-600">{t('orders.erpRef', { ref: order.externalRef })}</span> : null}
                  </td>
                  <td className="p-2">{date(order.placedAt)}</td>
                  <td className="p-2"><ChannelLabel channel={order.channel} /></td>
                  <td className="p-2"><OrderStatusBadge status={order.status} /></td>
                  <td className="p-2"><PaymentStatusLabel status={order.paymentStatus} /></td>
                  <td className="p-2 text-right">{order._count.lines}</td>
                  <td className="p-2 text-right font-medium">{money(order.totalCents, order.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </section>
  )
}
