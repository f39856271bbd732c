import { OrderConfirmationEmail } from '#emails/order-confirmation'
import { type Branding } from '~/domain/company/company.server'
import { sendEmail } from '~/utils/email.server'
import { extendTermCode } from '~/domain/promotions/eligibility'
import { env } from '~/utils/env.server'
import { isLocale } from '~/utils/i18n'
import { translator } from '~/utils/i18n'

export type OrderConfirmation = {
  id: number
  currency: string
  totalCents: number
  discountCents: number
  paymentTermCode: string | null
  termExtraDays: number
  accountName: string
  placedBy: { email: string; name: string; locale: string } | null
  lines: { sku: string; name: string; quantity: number; totalCents: number; isBonus: boolean }[]
}

/**
 * Queues the confirmation from what the caller holds (checkout has just written the order and
 * has it in memory: reading it back cost four statements). Lines in SKU order.
 */
export async function queueOrderConfirmation(order: OrderConfirmation, brand: Branding) {
  if (!order.placedBy) return
  const locale = isLocale(order.placedBy.locale) ? order.placedBy.locale : 'pt-BR'
  const t = translator(locale)
  const lines = [...order.lines].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
  await sendEmail({
    kind: 'order-confirmation',
    key: String(order.id),
    to: order.placedBy.email,
    subject: t('email.order.subject', { id: order.id }),
    react: OrderConfirmationEmail({
      brand,
      locale,
      name: order.placedBy.name,
      accountName: order.accountName,
      orderId: order.id,
      orderUrl: new URL(`/orders/${order.id}`, env().APP_URL).toString(),
      paymentTermCode: order.paymentTermCode
        ? extendTermCode(order.paymentTermCode, order.termExtraDays)
        : null,
      discountCents: order.discountCents,
      currency: order.currency,
      totalCents: order.totalCents,
      lines,
    }),
  })
}
