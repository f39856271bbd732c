import crypto from 'node:crypto'
import { type OrderStatus } from '@prisma/client'
import { OrderConfirmationEmail } from '#emails/order-confirmation'
import { OrderUpdateEmail } from '#emails/order-update'
import { getBranding, type Branding } from '~/domain/company/company.server'
import { type Tx } from '~/utils/db.server'
import { renderEmail, sendEmail } from '~/utils/email.server'
import { extendTermCode } from '~/domain/promotions/eligibility'
import { env } from '~/utils/env.server'
import { isLocale } from '~/utils/i18n'
import { translator } from '~/utils/i18n.server'

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

/** Where a buyer turns order-update emails off and on (the link in each of them). */
export const ORDER_EMAIL_PREFERENCES_PATH = '/account/notifications'

export type RenderedOrderUpdate = {
  idempotencyKey: string
  to: string
  subject: string
  html: string
  text: string
}

/**
 * The email telling the buyer who placed the order that it moved to `status`, rendered; null
 * when nobody is to be told: an imported order (no buyer), a buyer no longer active, or one who
 * turned order updates off.
 */
export async function orderUpdateEmail(
  orderId: number,
  buyer: {
    email: string
    name: string
    locale: string
    active: boolean
    orderUpdateEmails: boolean
  } | null,
  step: { status: OrderStatus; invoiceNumber: string | null; trackingCode: string | null },
): Promise<RenderedOrderUpdate | null> {
  if (!buyer || !buyer.active || !buyer.orderUpdateEmails || step.status === 'PLACED') return null
  const locale = isLocale(buyer.locale) ? buyer.locale : 'pt-BR'
  const t = translator(locale)
  const subject = t(`email.orderUpdate.subject.${step.status}`, { id: orderId })
  const { html, text } = await renderEmail(
    OrderUpdateEmail({
      brand: await getBranding(),
      locale,
      name: buyer.name,
      orderId,
      status: step.status,
      invoiceNumber: step.invoiceNumber,
      trackingCode: step.trackingCode,
      orderUrl: new URL(`/orders/${orderId}`, env().APP_URL).toString(),
      preferencesUrl: new URL(ORDER_EMAIL_PREFERENCES_PATH, env().APP_URL).toString(),
    }),
  )
  // One email per order and step, however often the move is retried.
  return {
    idempotencyKey: `order-update:${orderId}:${step.status}`,
    to: buyer.email,
    subject,
    html,
    text,
  }
}

/** Puts a rendered email in the outbox inside the caller's transaction: sent once it commits. */
export async function queueRenderedEmail(tx: Tx, email: RenderedOrderUpdate) {
  await tx.outboxMessage.upsert({
    where: { idempotencyKey: email.idempotencyKey },
    create: {
      id: crypto.randomUUID(),
      kind: 'order-update',
      idempotencyKey: email.idempotencyKey,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
    },
    update: {},
  })
}
