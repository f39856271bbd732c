/**
 * The commission forms of the back office (the reactivation bonus; a rep's default and
 * per-family rates), shared by their actions and components (Conform). Rates are typed as
 * percentages with a decimal comma and stored in basis points.
 */
import { z } from 'zod'
import { formMessage, REQUIRED, wholeNumber } from '~/utils/form-schema'
import { percentToBps } from '~/utils/money'

export const MIN_WINDOW_DAYS = 1
export const MAX_WINDOW_DAYS = 730

const PERCENT = formMessage('commissionForm.percent')
const WINDOW_DAYS = formMessage('commissionForm.windowDays', {
  min: MIN_WINDOW_DAYS,
  max: MAX_WINDOW_DAYS,
})

const percentText = (required: boolean) =>
  z
    .string({ required_error: REQUIRED, invalid_type_error: REQUIRED })
    .trim()
    .max(10, PERCENT)
    .refine((text) => (!required && text === '') || percentToBps(text) !== null, PERCENT)

const requiredPercent = percentText(true)

export const CommissionSettingsSchema = z
  .object({
    bonusPercent: requiredPercent,
    windowDays: z
      .string({ required_error: REQUIRED, invalid_type_error: REQUIRED })
      .trim()
      .refine((text) => wholeNumber(text, MIN_WINDOW_DAYS, MAX_WINDOW_DAYS) !== null, WINDOW_DAYS),
    // "Comissão na liquidez": earned as each instalment is paid, not at invoicing.
    onPayment: z.boolean().default(false),
  })
  .transform((values) => ({
    bonusBps: percentToBps(values.bonusPercent)!,
    windowDays: Number(values.windowDays),
    onPayment: values.onPayment,
  }))

export type CommissionSettingsInput = z.output<typeof CommissionSettingsSchema>

/** The field of a family's rate on a rep's page. */
export const familyRateField = (familyId: string) => `family-${familyId}`

export type RepRatesInput = {
  defaultBps: number
  /** Families with a rate of their own; the others use the default. */
  overrides: { familyId: string; bps: number }[]
}

/** A rep's rates: the default, required, and one optional rate per family of the catalog. */
export function repRatesSchema(familyIds: readonly string[]) {
  const families = Object.fromEntries(
    familyIds.map((id) => [familyRateField(id), percentText(false).optional()]),
  )
  return z
    .object({ defaultPercent: requiredPercent })
    .extend(families)
    .transform((values): RepRatesInput => {
      const typed = values as Record<string, string | undefined>
      return {
        defaultBps: percentToBps(typed.defaultPercent ?? '')!,
        overrides: familyIds.flatMap((familyId) => {
          const text = typed[familyRateField(familyId)]
          return text ? [{ familyId, bps: percentToBps(text)! }] : []
        }),
      }
    })
}
