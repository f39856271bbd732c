/**
 * Where the ERP says a portal order stands, in the words ERP exports use ("Faturado",
 * "Em transporte", "NF emitida"...), and the steps that take the order there from where the
 * portal has it (an order-statuses import; the moves themselves are order-admin.server.ts's).
 */
import { type OrderStatus } from '@prisma/client'
import { normalizeHeader } from '~/utils/csv-text'
import { type SETTABLE_STATUSES, TRACKING_STEPS, transitionRefusal } from './order-tracking'

type Settable = (typeof SETTABLE_STATUSES)[number]

// Compared as headers are: without case, accents, spaces or punctuation.
const WORDS: Record<Settable, string[]> = {
  CONFIRMED: ['confirmado', 'aprovado', 'liberado', 'emseparacao', 'separacao', 'confirmed'],
  INVOICED: ['faturado', 'nfemitida', 'notaemitida', 'notafiscalemitida', 'invoiced'],
  SHIPPED: [
    'enviado',
    'expedido',
    'despachado',
    'emtransporte',
    'emtransito',
    'intransit',
    'emrota',
    'saiuparaentrega',
    'shipped',
  ],
  DELIVERED: ['entregue', 'delivered'],
  CANCELLED: ['cancelado', 'cancelada', 'cancelled', 'canceled'],
}
const BY_WORD = new Map(
  (Object.entries(WORDS) as [Settable, string[]][]).flatMap(([status, words]) =>
    words.map((word) => [word, status] as const),
  ),
)

/** The status an ERP's word names, or null when it names none of them. */
export function readErpStatus(text: string): Settable | null {
  return BY_WORD.get(normalizeHeader(text)) ?? null
}

/** "#123", "123" or "000123": the portal's order number. */
export function readPortalOrderNumber(text: string): number | null {
  const match = /^#?\s*0*(\d{1,9})$/.exec(text.trim())
  const id = match ? Number(match[1]) : 0
  return id > 0 ? id : null
}

export type ErpRouteRefusal =
  | 'SAME' // already there: nothing to do
  | 'CLOSED' // delivered or cancelled in the portal
  | 'BACKWARD' // the portal has it further along
  | 'NOT_CANCELLABLE' // shipped: it can no longer be cancelled
  | 'INVOICE_REQUIRED' // the way passes through invoicing, and the file gives no invoice number
  | 'TRACKING_REQUIRED' // the way passes through shipping, and the file gives no tracking code

/**
 * The steps from `from` to `to`, each one move the back office could make by hand. Confirming
 * is passed over when the ERP is already further (an order may be invoiced straight away);
 * invoicing needs the invoice number, shipping the tracking code.
 */
export function erpRoute(
  from: OrderStatus,
  to: Settable,
  given: { invoiceNumber: boolean; trackingCode: boolean },
): { ok: true; steps: OrderStatus[] } | { ok: false; code: ErpRouteRefusal } {
  if (from === to) return { ok: false, code: 'SAME' }
  if (from === 'DELIVERED' || from === 'CANCELLED') return { ok: false, code: 'CLOSED' }
  let steps: OrderStatus[]
  if (to === 'CANCELLED') {
    if (transitionRefusal(from, to)) return { ok: false, code: 'NOT_CANCELLABLE' }
    steps = [to]
  } else {
    const rank = (status: OrderStatus) =>
      TRACKING_STEPS.indexOf(status as (typeof TRACKING_STEPS)[number])
    if (rank(to) < rank(from)) return { ok: false, code: 'BACKWARD' }
    steps = TRACKING_STEPS.slice(rank(from) + 1, rank(to) + 1).filter(
      (status) => status !== 'CONFIRMED' || to === 'CONFIRMED',
    )
  }
  if (steps.includes('INVOICED') && !given.invoiceNumber)
    return { ok: false, code: 'INVOICE_REQUIRED' }
  if (steps.includes('SHIPPED') && !given.trackingCode)
    return { ok: false, code: 'TRACKING_REQUIRED' }
  return { ok: true, steps }
}
