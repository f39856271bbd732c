import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ChannelLabel, OrderStatusBadge } from '~/components/order-badges'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import { getAdminOrder, nextStatuses, setOrderStatus } from '~/domain/commission/admin.server'
import { requireUser } from '~/utils/auth.server'
import { orderIdParam } from '~/utils/route-params'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `#${data.order.id} · Reativa` : 'Reativa' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ['MANAGER', 'ADMIN'] })
  const order = await getAdminOrder(orderIdParam(params.orderId))
  if (!order) throw new Response('Not found', { status: 404 })
  return json({ order, next: nextStatuses(order.status) })
}

const StatusForm = z.object({
  status: z.enum(['CONFIRMED', 'INVOICED', 'SHIPPED', 'DELIVERED', 'CANCELLED']),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ['MANAGER', 'ADMIN'] })
  const parsed = StatusForm.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return json({ ok: false as const }, { status: 400 })
  const result = await setOrderStatus(user.id, orderIdParam(params.orderId), parsed.data.status)
  if (!result.ok && result.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
  return json({ ok: result.ok }, { status: result.ok ? 200 : 409 })
}

export default function AdminOrderPage() {
  const { order, next } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, money, date, locale } = useT()
  return (
    <div className="max-w-5xl space-y-4">
      <Link to={`/admin/accounts/${order.account.id}`} className="text-sm text-brand-700 underline">
        ← {order.account.tradeName}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="flex items-center gap-3 text-2xl font-bold">
          {t('orders.number')} #{order.id} <OrderStatusBadge status={order.status} />
        </h1>
        <div className="flex flex-wrap gap-2">
          {next.map((status) => (
            <Form method="post" key={status}>
              <input type="hidden" name="status" value={status} />
              <Button type="submit" variant={status === 'CANCELLED' ? 'danger' : 'secondary'}>
                {t(`adminOrder.to.${status}`)}
              </Button>
            </Form>
          ))}
        </div>
      </div>
      {actionData ? (
        <Alert tone={actionData.ok ? 'success' : 'error'}>
          {actionData.ok ? t('adminOrder.updated') : t('adminOrder.notAllowed')}
        </Alert>
      ) : null}
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">{t('orders.date')}</dt>
        <dd>{date(order.placedAt, 'datetime')}</dd>
        <dt className="text-slate-600">{t('orders.channel')}</dt>
        <dd>
          <ChannelLabel channel={order.channel} />
        </dd>
        <dt className="text-slate-600">{t('accounts.rep')}</dt>
        <dd>{order.rep ? `${order.rep.code} · ${order.rep.name}` : '—'}</dd>
        <dt className="text-slate-600">{t('orders.total')}</dt>
        <dd>{money(order.totalCents)}</dd>
      </dl>
      <DataTable
        columns={[
          { label: t('cart.product') },
          { label: t('cart.quantity'), align: 'right' },
          { label: t('cart.total'), align: 'right' },
          { label: t('adminOrder.rate'), align: 'right' },
        ]}
      >
        {order.lines.map((line) => (
          <tr key={line.id} className="border-t border-slate-200">
            <td className="p-2">
              {line.name} <span className="text-xs text-slate-600">{line.sku}</span>
              {line.isBonus ? ` · ${t('cart.bonusLine')}` : ''}
            </td>
            <td className="p-2 text-right">{line.quantity}</td>
            <td className="p-2 text-right">{money(line.totalCents)}</td>
            <td className="p-2 text-right">
              {line.commissionBps === null
                ? '—'
                : `${(line.commissionBps / 100).toLocaleString(locale, { minimumFractionDigits: 2 })} %`}
            </td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby="ledger-heading" className="space-y-2">
        <h2 id="ledger-heading" className="text-lg font-semibold">
          {t('adminOrder.ledger')}
        </h2>
        {order.commissionEntries.length === 0 ? (
          <p className="text-sm text-slate-600">{t('adminOrder.noCommission')}</p>
        ) : (
          <DataTable
            columns={[
              { label: t('orders.date') },
              { label: t('adminOrder.event') },
              { label: t('adminOrder.bucket') },
              { label: t('rep.commission'), align: 'right' },
            ]}
          >
            {order.commissionEntries.map((entry) => (
              <tr key={entry.id} className="border-t border-slate-200" data-testid="ledger-entry">
                <td className="p-2">{date(entry.createdAt, 'datetime')}</td>
                <td className="p-2">{t(`adminOrder.event.${entry.event}`)}</td>
                <td className="p-2">{t(`rep.state.${entry.bucket}`)}</td>
                <td className="p-2 text-right">{money(entry.amountCents)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  )
}
