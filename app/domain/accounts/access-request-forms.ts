/**
 * The forms of a request for access: the public one (/auth/request-access) and the sales
 * team's approve and reject buttons (/admin/access-requests). Shared by the actions and the
 * components (Conform), so the browser and the server refuse the same things with the same words.
 */
import { z } from 'zod'
import { emailField } from '~/domain/identity/auth-forms'
import { formMessage, REQUIRED, requiredText } from '~/utils/form-schema'
import { normalizeCnpj } from './cnpj'

const cnpjField = requiredText(30).refine(
  (text) => normalizeCnpj(text) !== null,
  formMessage('accountForm.cnpjInvalid'),
)

/** What a retailer types: its CNPJ (check digits checked), a name and an email. */
export const AccessRequestSchema = z
  .object({
    cnpj: cnpjField,
    name: requiredText(100, { min: 2 }),
    email: emailField,
  })
  .transform((values) => ({ ...values, cnpj: normalizeCnpj(values.cnpj)! }))

export type AccessRequestInput = z.output<typeof AccessRequestSchema>

const requestId = z
  .string({ required_error: REQUIRED, invalid_type_error: REQUIRED })
  .min(1, REQUIRED)
  .max(40, formMessage('form.invalid'))

/**
 * The manager approves one request onto the account of a CNPJ: the request's own, or another
 * one the manager confirms (the retailer may have typed a branch's number, or the account may
 * be new).
 */
export const AccessApproveSchema = z.object({
  intent: z.literal('approve'),
  requestId,
  accountCnpj: cnpjField.transform((text) => normalizeCnpj(text)!),
})

export const AccessRejectSchema = z.object({ intent: z.literal('reject'), requestId })
