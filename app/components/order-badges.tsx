import { type OrderChannel, type OrderStatus, type PaymentStatus } from '@prisma/client'
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
