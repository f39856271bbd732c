import { OrderConfirmationEmail } from '#emails/order-confirmation'
import { getBranding } from '~/domain/company/company.server'
import { prisma } from '~/utils/db.server'
import { sendEmail } from '~/utils/email.server'
import { extendTermCode } from '~/domain/promotions/eligibility'
import { env } from '~/utils/env.server'
import { isLocale } from '~/utils/i18n'
import { translator } from '~/utils/i18n'

/** Emails the buyer who placed the order, in their language. */
export async function sendOrderConfirmation(orderId: number): Promise<void> {
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      currency: true,
      totalCents: true,
      discountCents: true,
      paymentTermCode: true,
      termExtraDays: true,
      account: { select: { tradeName: true } },
      placedBy: { select: { email: true, name: true, locale: true } },
      lines: {
        orderBy: { sku: 'asc' },
        select: { sku: true, name: true, quantity: true, totalCents: true, isBonus: true },
      },
    },
  })
  if (!order.placedBy) return
  const locale = isLocale(order.placedBy.locale) ? order.placedBy.locale : 'pt-BR'
  const t = translator(locale)
  await sendEmail({
    kind: 'order-confirmation',
    key: String(order.id),
    to: order.placedBy.email,
    subject: t('email.order.subject', { id: order.id }),
    react: OrderConfirmationEmail({
      brand: await getBranding(),
      locale,
      name: order.placedBy.name,
      accountName: order.account.tradeName,
      orderId: order.id,
      orderUrl: new URL(`/orders/${order.id}`, env().APP_URL).toString(),
      paymentTermCode: order.paymentTermCode
        ? extendTermCode(order.paymentTermCode, order.termExtraDays)
        : null,
      discountCents: order.discountCents,
      currency: order.currency,
      totalCents: order.totalCents,
      lines: order.lines,
    }),
  })
}
