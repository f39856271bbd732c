/**
 * The order-statuses import: where the ERP says each portal order stands (confirmed, invoiced
 * with its invoice number, shipped with its tracking code, delivered, cancelled). Each row is
 * judged with the rules of the back office's own status form (orders/order-tracking.ts): an
 * import moves an order only the way a manager could, one step at a time.
 */
import { type OrderStatus } from '@prisma/client'
import { erpRoute, readErpStatus, readPortalOrderNumber } from '~/domain/orders/erp-status'
import { MAX_INVOICE_NUMBER, MAX_TRACKING_CODE } from '~/domain/orders/order-tracking'
import { chunks } from '~/utils/chunks'
import { DAY_MS } from '~/utils/dates'
import { parseBrazilianDate } from '~/utils/csv'
import { prisma } from '~/utils/db.server'
import {
  type Analysis,
  Collector,
  eachRow,
  empty,
  finish,
  type ImportFormat,
  type AnalyzeOptions,
  type SampleRow,
  required,
  type RowErrorCode,
} from './analyze.server'

/** An order to move, as the write needs it. */
export type StatusRecord = {
  orderId: number
  from: OrderStatus
  steps: OrderStatus[]
  invoiceNumber: string | null
  trackingCode: string | null
  /** When the ERP says it happened (the file's date), else when the import is written. */
  at: string | null
}

// A statuses file is a day's or a week's orders: every row is shown, up to this many.
const SAMPLE_ROWS = 100

const REFUSALS: Record<string, RowErrorCode> = {
  CLOSED: 'ORDER_CLOSED',
  BACKWARD: 'STATUS_BACKWARD',
  NOT_CANCELLABLE: 'NOT_CANCELLABLE',
  INVOICE_REQUIRED: 'INVOICE_REQUIRED',
  TRACKING_REQUIRED: 'TRACKING_REQUIRED',
}

export async function analyzeOrderStatuses(
  file: string,
  format: ImportFormat,
  now: Date,
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  const result = empty('ORDER_STATUSES', options.sink)
  const errors = new Collector(options.sink)
  type Read = {
    line: number
    orderId: number
    status: NonNullable<ReturnType<typeof readErpStatus>>
    statusText: string
    invoiceNumber: string | null
    trackingCode: string | null
    at: Date | null
    dateText: string
  }
  const rows: Read[] = []
  const seen = new Set<number>()

  const read = await eachRow(
    'ORDER_STATUSES',
    file,
    format,
    (row) => {
      const orderText = required(row, 'pedido', errors)
      const statusText = required(row, 'situacao', errors)
      const invoiceNumber = row.get('notaFiscal') || null
      const trackingCode = row.get('rastreio') || null
      const dateText = row.get('data')
      const orderId = orderText ? readPortalOrderNumber(orderText) : null
      if (orderText && !orderId)
        errors.add({
          line: row.line,
          code: 'INVALID_ORDER_NUMBER',
          column: 'pedido',
          value: orderText,
        })
      const status = statusText ? readErpStatus(statusText) : null
      if (statusText && !status)
        errors.add({
          line: row.line,
          code: 'INVALID_STATUS',
          column: 'situacao',
          value: statusText,
        })
      if (invoiceNumber && invoiceNumber.length > MAX_INVOICE_NUMBER)
        errors.add({
          line: row.line,
          code: 'INVALID_TEXT',
          column: 'notaFiscal',
          value: invoiceNumber,
        })
      if (trackingCode && trackingCode.length > MAX_TRACKING_CODE)
        errors.add({
          line: row.line,
          code: 'INVALID_TEXT',
          column: 'rastreio',
          value: trackingCode,
        })
      const at = dateText ? parseBrazilianDate(dateText) : null
      if (dateText && !at)
        errors.add({ line: row.line, code: 'INVALID_DATE', column: 'data', value: dateText })
      if (at && at > now)
        errors.add({ line: row.line, code: 'FUTURE_DATE', column: 'data', value: dateText })
      if (orderId && seen.has(orderId)) {
        errors.add({ line: row.line, code: 'DUPLICATE_KEY', column: 'pedido', value: orderText! })
        return
      }
      if (orderId) seen.add(orderId)
      if (errors.errorLines.has(row.line) || !orderId || !status) return
      rows.push({
        line: row.line,
        orderId,
        status,
        statusText: statusText!,
        invoiceNumber,
        trackingCode,
        at,
        dateText,
      })
    },
    options.sink,
  )
  Object.assign(result, read)
  if (read.fileError) return result

  const orders = new Map<
    number,
    {
      status: OrderStatus
      placedAt: Date
      invoiceNumber: string | null
      trackingCode: string | null
      account: { tradeName: string }
    }
  >()
  for (const part of chunks(
    rows.map((row) => row.orderId),
    500,
  )) {
    const found = await prisma.order.findMany({
      // Only the portal's orders have a way to follow; ERP history is history.
      where: { id: { in: part }, channel: 'ONLINE' },
      select: {
        id: true,
        status: true,
        placedAt: true,
        invoiceNumber: true,
        trackingCode: true,
        account: { select: { tradeName: true } },
      },
    })
    for (const { id, ...order } of found) orders.set(id, order)
  }
  for (const row of rows) {
    const order = orders.get(row.orderId)
    if (!order) {
      errors.add({
        line: row.line,
        code: 'UNKNOWN_ORDER',
        column: 'pedido',
        value: String(row.orderId),
      })
      continue
    }
    // A date is a day: one before the order's day cannot be right.
    if (row.at && row.at.getTime() + DAY_MS <= order.placedAt.getTime()) {
      errors.add({ line: row.line, code: 'DATE_BEFORE_ORDER', column: 'data', value: row.dateText })
      continue
    }
    const route = erpRoute(order.status, row.status, {
      invoiceNumber: !!row.invoiceNumber,
      trackingCode: !!row.trackingCode,
    })
    if (!route.ok && route.code !== 'SAME') {
      const column =
        route.code === 'INVOICE_REQUIRED'
          ? 'notaFiscal'
          : route.code === 'TRACKING_REQUIRED'
            ? 'rastreio'
            : 'situacao'
      errors.add({ line: row.line, code: REFUSALS[route.code]!, column, value: row.statusText })
      continue
    }
    const action = route.ok ? 'update' : 'unchanged'
    if (route.ok) {
      result.toUpdate++
      result.statuses.push({
        orderId: row.orderId,
        from: order.status,
        steps: route.steps,
        invoiceNumber: row.invoiceNumber,
        trackingCode: row.trackingCode,
        // Never before the order was placed (the file's day may start before it).
        at: row.at
          ? new Date(Math.max(row.at.getTime(), order.placedAt.getTime())).toISOString()
          : null,
      })
    } else result.unchanged++
    const sample: SampleRow = {
      line: row.line,
      action,
      cells: {
        order: `#${row.orderId}`,
        account: order.account.tradeName,
        from: order.status,
        to: row.status,
        invoice: row.invoiceNumber,
        tracking: row.trackingCode,
      },
    }
    // Every row goes to the paged table; the batch's JSON keeps the first hundred.
    result.sink?.row(sample)
    if (result.sample.length < SAMPLE_ROWS) result.sample.push(sample)
  }
  return finish(result, errors)
}
