import { type OrderChannel, type OrderStatus, type PaymentStatus } from '@prisma/client'
import { PHONE_HIDDEN } from './ui/table'
import { Link } from '@remix-run/react'
import { useT } from '~/utils/use-t'

const statusTone: Record<OrderStatus, string> = {
  PLACED: 'bg-sky-100 text-sky-900',
  CONFIRMED: 'bg-indigo-100 text-indigo-900',
  INVOICED: 'bg-violet-100 text-violet-900',
  SHIPPED: 'bg-amber-100 text-amber-900',
  DELIVERED: 'bg-emerald-100 text-emerald-900',
  CANCELLED: 'bg-slate-200 text-slate-800',
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useT()
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusTone[status]}`}>
      {t(`orderStatus.${status}`)}
    </span>
  )
}

export function ChannelLabel({ channel }: { channel: OrderChannel }) {
  const { t } = useT()
  return <span>{t(`channel.${channel}`)}</span>
}

export function PaymentStatusLabel({ status }: { status: PaymentStatus }) {
  const { t } = useT()
  return <span>{t(`paymentStatus.${status}`)}</span>
}

/** The headers of `OrderRowLeadCells`' columns, in a translator's words. */
export function orderLeadColumns(
  t: (key: 'orders.number' | 'orders.date' | 'orders.channel' | 'orders.status') => string,
) {
  return [
    { label: t('orders.number') },
    { label: t('orders.date') },
    { label: t('orders.channel'), className: PHONE_HIDDEN },
    { label: t('orders.status') },
  ]
}

/**
 * The first cells of an order's row in a list: its number (a link to `href`, plain text where
 * the reader has no order page, as in the rep area), its ERP number when imported, when it was
 * placed, its channel and its status.
 */
export function OrderRowLeadCells({
  order,
  href,
}: {
  order: {
    id: number
    externalRef: string | null
    placedAt: string | Date
    channel: OrderChannel
    status: OrderStatus
  }
  href?: string
}) {
  const { t, date } = useT()
  return (
    <>
      <td className="p-2">
        {href ? (
          <Link
            to={href}
            className="font-medium text-brand-700 underline"
            aria-label={t('orders.view', { id: order.id })}
          >
            #{order.id}
          </Link>
        ) : (
          <span className="font-medium">#{order.id}</span>
        )}
        {order.externalRef ? (
          <span className="block text-xs [overflow-wrap:anywhere] text-slate-600">
            {t('orders.erpRef', { ref: order.externalRef })}
          </span>
        ) : null}
      </td>
      <td className="p-2">
        {date(order.placedAt)}
        <span className="block text-xs text-slate-600 sm:hidden">
          <ChannelLabel channel={order.channel} />
        </span>
      </td>
      <td className={`p-2 ${PHONE_HIDDEN}`}>
        <ChannelLabel channel={order.channel} />
      </td>
      <td className="whitespace-nowrap p-2">
        <OrderStatusBadge status={order.status} />
      </td>
    </>
  )
}
