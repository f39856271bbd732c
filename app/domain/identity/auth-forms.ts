/**
 * The forms people use before they are logged in (log in, forgotten password, new password),
 * shared by the auth routes' actions and components (Conform). Wrong credentials, rate limits
 * and spent links are the server's answers, reported on the form as a whole.
 */
import { z } from 'zod'
import { formMessage, REQUIRED } from '~/utils/form-schema'
import { MIN_PASSWORD_LENGTH } from './password-policy'

export const MAX_PASSWORD_LENGTH = 200

/** An email address as typed: required, then well formed. */
export const emailField = z
  .string({ required_error: REQUIRED, invalid_type_error: REQUIRED })
  .trim()
  .max(254, formMessage('validation.email'))
  .email(formMessage('validation.email'))

/** A password as typed (never trimmed: spaces are characters of it). */
const passwordField = z
  .string({ required_error: REQUIRED, invalid_type_error: REQUIRED })
  .max(MAX_PASSWORD_LENGTH, formMessage('form.tooLong', { count: MAX_PASSWORD_LENGTH }))

export const PASSWORD_LENGTH = formMessage('validation.passwordLength', {
  min: MIN_PASSWORD_LENGTH,
})

/** A new password: long enough. */
export const newPasswordField = passwordField.refine(
  (password) => password.length >= MIN_PASSWORD_LENGTH,
  PASSWORD_LENGTH,
)

/** The repeated password matches, checked once both are there (each missing one is its own error). */
export function passwordsMatch(
  values: { password?: string; confirm?: string },
  ctx: z.RefinementCtx,
) {
  if (values.password && values.confirm && values.password !== values.confirm) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['confirm'],
      message: formMessage('validation.passwordMatch'),
    })
  }
}

export const LoginSchema = z.object({
  email: emailField,
  password: passwordField,
  redirectTo: z.string().max(2_000).optional(),
})

export const ForgotPasswordSchema = z.object({ email: emailField })

export const ResetPasswordSchema = z
  .object({
    token: z.string().min(1).max(MAX_PASSWORD_LENGTH),
    password: newPasswordField,
    confirm: passwordField,
  })
  .superRefine(passwordsMatch)
