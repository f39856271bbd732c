/**
 * The back office's refund form (amount and reason), shared by the order page's action and its
 * component (Conform). The amount is checked against what is left to refund as the page knew
 * it; refundOrder checks it again against the payment, and its answer goes beside the same
 * field.
 */
import { z } from 'zod'
import { formMessage, moneyCents, optionalText, REQUIRED } from '~/utils/form-schema'

export const MAX_REFUND_REASON = 200

/** "Informe um valor entre R$ 0,01 e {max}", with the refundable maximum. */
export const refundAmountMessage = (maxCents: number) =>
  formMessage('adminOrder.result.REFUND_AMOUNT_INVALID', { max: { money: maxCents } })

export function refundSchema(maxCents: number) {
  const AMOUNT = refundAmountMessage(maxCents)
  return z
    .object({
      intent: z.literal('refund'),
      /** Rendered into the form: Stripe's idempotency key, so a double submit refunds once. */
      requestKey: z.string().uuid(),
      amount: z
        .string({ required_error: REQUIRED, invalid_type_error: REQUIRED })
        .trim()
        .max(20, AMOUNT)
        .refine((text) => moneyCents(text, { min: 1, max: maxCents }) !== null, AMOUNT),
      reason: optionalText(MAX_REFUND_REASON),
    })
    .transform((values) => ({
      requestKey: values.requestKey,
      amountCents: moneyCents(values.amount)!,
      reason: values.reason ?? '',
    }))
}
