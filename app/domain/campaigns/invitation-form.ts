/**
 * The invitation landing's form, shared by its action and its component (Conform): a buyer
 * new to the portal chooses a password (and gives a name when the shop had no login for
 * them); one who has a login types their password. Whether the link is still good and the
 * password right are the server's answers (acceptInvitation), reported beside the same fields.
 */
import { z } from 'zod'
import { newPasswordField, passwordsMatch } from '~/domain/identity/auth-forms'
import { formMessage, REQUIRED } from '~/utils/form-schema'

export const MAX_NAME_LENGTH = 120
export const NAME_REQUIRED = formMessage('invite.error.NAME_REQUIRED')

const password = z
  .string({ required_error: REQUIRED, invalid_type_error: REQUIRED })
  .max(200, formMessage('form.tooLong', { count: 200 }))

export type InvitationFormMode = 'SET_PASSWORD' | 'LOG_IN'

/**
 * The form for the page's mode. `nameRequired`: the address has no login yet, so one is
 * created under the name typed.
 */
export function invitationSchema(mode: InvitationFormMode, { nameRequired = false } = {}) {
  if (mode === 'LOG_IN') {
    return z
      .object({ password })
      .transform((values) => ({ name: '', password: values.password, confirm: values.password }))
  }
  return z
    .object({
      name: z
        .string({ invalid_type_error: NAME_REQUIRED })
        .trim()
        .max(MAX_NAME_LENGTH, formMessage('form.tooLong', { count: MAX_NAME_LENGTH }))
        .optional(),
      password: newPasswordField,
      confirm: password,
    })
    .superRefine((values, ctx) => {
      if (nameRequired && (values.name ?? '').length < 2) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['name'], message: NAME_REQUIRED })
      }
      passwordsMatch(values, ctx)
    })
    .transform((values) => ({
      name: values.name ?? '',
      password: values.password,
      confirm: values.confirm,
    }))
}
