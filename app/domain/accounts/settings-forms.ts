/**
 * The inactivity thresholds form, shared by the settings page's action and its component
 * (Conform). Each number is checked beside its field; that they grow (at risk < inactive <
 * lost) is a rule of the three together, reported on the form.
 */
import { z } from 'zod'
import { formMessage, REQUIRED, wholeNumber } from '~/utils/form-schema'
import { type StatusThresholds } from './status'

export const MIN_THRESHOLD_DAYS = 7
export const MAX_THRESHOLD_DAYS = 3650

const DAYS = formMessage('settingsForm.days', {
  min: MIN_THRESHOLD_DAYS,
  max: MAX_THRESHOLD_DAYS,
})
const readDays = (text: string) => wholeNumber(text, MIN_THRESHOLD_DAYS, MAX_THRESHOLD_DAYS)

const days = z
  .string({ required_error: REQUIRED, invalid_type_error: REQUIRED })
  .trim()
  .refine((text) => readDays(text) !== null, DAYS)

export const ThresholdsSchema = z
  .object({ atRiskDays: days, inactiveDays: days, lostDays: days })
  .superRefine((values, ctx) => {
    const [atRisk, inactive, lost] = [values.atRiskDays, values.inactiveDays, values.lostDays].map(
      readDays,
    )
    if (atRisk == null || inactive == null || lost == null) return
    if (!(atRisk < inactive && inactive < lost)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: formMessage('settings.invalidOrder') })
    }
  })
  .transform(
    (values): StatusThresholds => ({
      atRiskDays: Number(values.atRiskDays),
      inactiveDays: Number(values.inactiveDays),
      lostDays: Number(values.lostDays),
    }),
  )
