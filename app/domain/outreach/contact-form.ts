/**
 * The back office's outreach forms, shared by the actions and the components (Conform): logging
 * a contact with an account (one form for every outcome) and a note on its timeline. The
 * reasons for stopping are in ./stop-reason-form.ts.
 */
import { z } from 'zod'
import { brazilianDay, formMessage, optionalText, requiredText } from '~/utils/form-schema'
import { MAX_NOTE, reason } from './stop-reason-form'

export const CONTACT_OUTCOMES = [
  'REACHED',
  'NO_ANSWER',
  'WRONG_NUMBER',
  'CALL_BACK',
  'NOT_INTERESTED',
] as const
export type ContactOutcomeValue = (typeof CONTACT_OUTCOMES)[number]

/** The channels a contact is logged for (email is the campaigns' and the outbox's). */
export const LOGGED_CHANNELS = ['PHONE', 'WHATSAPP'] as const

/** How far ahead a call-back may be set. */
export const MAX_CALL_BACK_DAYS = 180

export const ContactLogSchema = z
  .object({
    accountId: requiredText(40),
    channel: z
      .enum(LOGGED_CHANNELS, {
        errorMap: () => ({ message: formMessage('outreach.channelInvalid') }),
      })
      .default('PHONE'),
    outcome: z
      .enum(CONTACT_OUTCOMES, {
        errorMap: () => ({ message: formMessage('outreach.outcomeRequired') }),
      })
      .optional(),
    callBackOn: optionalText(10),
    reason: reason.optional(),
    note: optionalText(MAX_NOTE),
  })
  .superRefine((values, ctx) => {
    const issue = (path: string, key: Parameters<typeof formMessage>[0]) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message: formMessage(key) })
    if (!values.outcome) issue('outcome', 'outreach.outcomeRequired')
    if (values.outcome === 'CALL_BACK') {
      if (!values.callBackOn) issue('callBackOn', 'outreach.callBackRequired')
      else if (!brazilianDay(values.callBackOn)) issue('callBackOn', 'outreach.callBackInvalid')
    }
    if (values.outcome === 'NOT_INTERESTED' && !values.reason) {
      issue('reason', 'outreach.reasonRequired')
    }
    if (values.outcome === 'NOT_INTERESTED' && values.reason === 'OTHER' && !values.note) {
      issue('note', 'outreach.otherNeedsNote')
    }
  })
  .transform((values) => ({
    accountId: values.accountId,
    channel: values.channel,
    outcome: values.outcome!,
    // The first moment of that day in Brasília: the account is back in the queue that day.
    callBackAt:
      values.outcome === 'CALL_BACK' && values.callBackOn ? brazilianDay(values.callBackOn) : null,
    // A reason is kept only with "not interested": any other outcome did not answer it.
    reason: values.outcome === 'NOT_INTERESTED' ? (values.reason ?? null) : null,
    note: values.note || null,
  }))
export type ContactLogInput = z.output<typeof ContactLogSchema>

export const NoteSchema = z.object({ text: requiredText(MAX_NOTE, { min: 2 }) })
