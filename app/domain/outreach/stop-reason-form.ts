/**
 * "Why did you stop buying?": the fixed reasons, so answers can be counted, and the optional
 * question as the unsubscribe page asks it. Kept apart from the contact form (./contact-form.ts),
 * which is the back office's, so a shop's page carries only these messages.
 */
import { z } from 'zod'
import { formMessage, optionalText } from '~/utils/form-schema'

export const MAX_NOTE = 1000

/** Why a shop stopped buying: a fixed list, so answers can be counted. */
export const STOP_REASONS = [
  'PRICE',
  'REP_SERVICE',
  'DELIVERY_OR_TERMS',
  'COMPETITOR',
  'CREDIT',
  'CLOSED',
  'OTHER',
] as const
export type StopReasonValue = (typeof STOP_REASONS)[number]

/** How the dashboard groups the answers. */
export const STOP_REASON_DIMENSIONS = ['state', 'rep', 'segment'] as const
export type StopReasonDimension = (typeof STOP_REASON_DIMENSIONS)[number]

export const reason = z.enum(STOP_REASONS, {
  errorMap: () => ({ message: formMessage('outreach.reasonInvalid') }),
})

/** "Why did you stop buying?" where it is optional: no reason and no comment is no answer. */
export const StopReasonSchema = z
  .object({ reason: reason.optional(), comment: optionalText(MAX_NOTE) })
  .superRefine((values, ctx) => {
    if (values.comment && !values.reason) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['reason'],
        message: formMessage('outreach.reasonForComment'),
      })
    }
  })
