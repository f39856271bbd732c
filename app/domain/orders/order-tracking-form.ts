// The back office's order-status form, apart from the timeline's rules: the buyer's order page
// uses those, and needs no form library in its JavaScript.
import { z } from 'zod'
import { addFormIssue, formMessage, optionalText } from '~/utils/form-schema'
import { MAX_INVOICE_NUMBER, MAX_TRACKING_CODE, SETTABLE_STATUSES } from './order-tracking'

/**
 * The order-status form: the status comes from the button pressed; invoicing needs the invoice
 * (nota fiscal) number, shipping the carrier's tracking code, each refused beside its field.
 */
export const OrderStatusSchema = z
  .object({
    intent: z.literal('status'),
    status: z.enum(SETTABLE_STATUSES, {
      errorMap: () => ({ message: formMessage('tracking.form.status') }),
    }),
    invoiceNumber: optionalText(MAX_INVOICE_NUMBER),
    trackingCode: optionalText(MAX_TRACKING_CODE),
  })
  .superRefine((values, ctx) => {
    if (values.status === 'INVOICED' && !values.invoiceNumber) {
      addFormIssue(ctx, 'invoiceNumber', 'tracking.form.invoiceRequired')
    }
    if (values.status === 'SHIPPED' && !values.trackingCode) {
      addFormIssue(ctx, 'trackingCode', 'tracking.form.trackingRequired')
    }
  })
export type OrderStatusInput = z.output<typeof OrderStatusSchema>
