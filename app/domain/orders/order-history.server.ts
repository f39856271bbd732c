import { type PaymentMethod, type Prisma } from '@prisma/client'
import { prisma } from '~/utils/db.server'
import { instalmentSchedule, type Instalment } from '~/domain/pricing/instalments'
import { pageWindow } from '~/utils/paging'

export const ORDERS_PAGE_SIZE = 20

/** The account's orders from both channels, newest first. */
export async function listAccountOrders(accountId: string, requestedPage: number) {
  const total = await prisma.order.count({ where: { accountId } })
  const { page, pageCount, skip, take } = pageWindow(total, requestedPage, ORDERS_PAGE_SIZE)
  const orders = await prisma.order.findMany({
    where: { accountId },
    orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
    skip,
    take,
    select: {
      id: true,
      channel: true,
      status: true,
      paymentStatus: true,
      totalCents: true,
      currency: true,
      placedAt: true,
      externalRef: true,
      _count: { select: { lines: true } },
    },
  })
  return { orders, total, page, pageCount }
}

/** An order line as the order pages show it (the buyer's and the back office's). */
export const orderLineSelect = {
  id: true,
  sku: true,
  name: true,
  quantity: true,
  unitPriceCents: true,
  discountCents: true,
  totalCents: true,
  productId: true,
  isBonus: true,
} satisfies Prisma.OrderLineSelect

/** An order's header as the order pages show it (the buyer's and the back office's). */
export const orderHeaderSelect = {
  id: true,
  channel: true,
  status: true,
  paymentStatus: true,
  paymentMethod: true,
  paymentTermCode: true,
  termExtraDays: true,
  subtotalCents: true,
  discountCents: true,
  totalCents: true,
  currency: true,
  placedAt: true,
  externalRef: true,
  invoiceNumber: true,
  trackingCode: true,
  statusEvents: { orderBy: { at: 'asc' }, select: { status: true, at: true } },
} satisfies Prisma.OrderSelect

/** One order, only if it belongs to the account: anything else is "not found". */
export async function getAccountOrder(accountId: string, orderId: number) {
  return prisma.order.findFirst({
    where: { id: orderId, accountId },
    select: {
      ...orderHeaderSelect,
      account: { select: { tradeName: true, legalName: true, cnpj: true } },
      placedBy: { select: { name: true } },
      stripePayment: { select: { paidAt: true, refundedCents: true, failureMessage: true } },
      lines: { orderBy: { sku: 'asc' }, select: orderLineSelect },
      redemptions: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          label: true,
          code: true,
          discountCents: true,
          bonusSku: true,
          bonusQuantity: true,
          extraTermDays: true,
        },
      },
    },
  })
}

/**
 * An order's instalments from its header alone: on terms, each boleto with the offer's extra
 * days; paid online, one payment. An ERP order without a term has no schedule here (the ERP
 * keeps its own).
 */
export function orderInstalments(order: {
  paymentMethod: PaymentMethod
  paymentTermCode: string | null
  termExtraDays: number
  totalCents: number
  placedAt: Date
}): Instalment[] {
  if (order.paymentMethod === 'ERP' && !order.paymentTermCode) return []
  return instalmentSchedule({
    totalCents: order.totalCents,
    termCode: order.paymentMethod === 'STRIPE' ? null : order.paymentTermCode,
    extraDays: order.termExtraDays,
    placedAt: order.placedAt,
  })
}
