/**
 * "Comissão na liquidez" (issue 20, optional per deployment): with
 * AppSettings.commissionOnPayment, an order on terms earns its commission instalment by
 * instalment as the customer pays, instead of all at once when it is invoiced. Pure and
 * browser-safe: the ledger and the order page share it.
 */
import { z } from 'zod'
import { brazilianDay, formMessage } from '~/utils/form-schema'

/**
 * Each instalment's share of `commissionCents`, in proportion to the instalment's amount, to the
 * centavo: the commission earned once instalments 1..k are paid is the commission × the amount
 * paid so far / the total, rounded, so the shares always add up to the commission exactly and
 * no share is more than half a centavo from its exact proportion. An order on 28/56 earns half
 * at each instalment.
 */
export function instalmentShares(commissionCents: number, amounts: readonly number[]): number[] {
  const total = amounts.reduce((sum, amount) => sum + amount, 0)
  if (total <= 0) return amounts.map((_, index) => (index === 0 ? commissionCents : 0))
  let paid = 0
  let earned = 0
  return amounts.map((amount) => {
    paid += amount
    const upToHere = Math.round((commissionCents * paid) / total)
    const share = upToHere - earned
    earned = upToHere
    return share
  })
}

export const MAX_INSTALMENTS = 60

/** Recording that one instalment was paid: its number and the day it was paid (Brasília). */
export const InstalmentPaymentSchema = z.object({
  number: z.coerce
    .number({ invalid_type_error: formMessage('instalments.unknown') })
    .int(formMessage('instalments.unknown'))
    .min(1, formMessage('instalments.unknown'))
    .max(MAX_INSTALMENTS, formMessage('instalments.unknown')),
  paidOn: z
    .string({ required_error: formMessage('instalments.badDate') })
    .trim()
    .refine((text) => !!brazilianDay(text), formMessage('instalments.badDate'))
    .transform((text) => brazilianDay(text)!),
})
export type InstalmentPaymentInput = z.output<typeof InstalmentPaymentSchema>
