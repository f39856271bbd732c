/**
 * The set-up page's form (Conform): the one-time code from the server log, the company's name,
 * and the first administrator with a new password under the usual rules.
 */
import { z } from 'zod'
import { companyNameField } from '~/domain/company/company-form'
import { formMessage, requiredText } from '~/utils/form-schema'
import { emailField, newPasswordField, passwordsMatch, MAX_PASSWORD_LENGTH } from './auth-forms'

export const SetupSchema = z
  .object({
    code: requiredText(40),
    companyName: companyNameField,
    name: requiredText(120, { min: 2 }),
    email: emailField,
    password: newPasswordField,
    confirm: z
      .string({ required_error: formMessage('form.required') })
      .max(MAX_PASSWORD_LENGTH, formMessage('form.tooLong', { count: MAX_PASSWORD_LENGTH })),
  })
  .superRefine(passwordsMatch)
