/**
 * The staff user form (/admin/users): who works in the back office or as a rep. Shared by the
 * action and the component (Conform); `staffSchemaForSave` in staff.server.ts adds the checks
 * against the database (an email nobody else has, a rep code free to use).
 */
import { z } from 'zod'
import { addFormIssue, formMessage, requiredText } from '~/utils/form-schema'
import { emailField } from './auth-forms'

export const STAFF_ROLES = ['MANAGER', 'ADMIN', 'TELESALES', 'REP'] as const
export type StaffUserRole = (typeof STAFF_ROLES)[number]

/** Rep codes as the accounts import reads them: capitals, digits, `-` and `_`. */
export const REP_CODE = /^[A-Z0-9][A-Z0-9_-]{0,19}$/

export function normalizeRepCode(code: string | undefined): string {
  return (code ?? '').trim().toUpperCase()
}

const fields = z.object({
  name: requiredText(120, { min: 2 }),
  // Required as text rather than as a type, so that a missing email does not stop the checks
  // between fields (a rep's code) and every problem is reported at once.
  email: requiredText(254).refine(
    (text) => !text || emailField.safeParse(text).success,
    formMessage('validation.email'),
  ),
  role: z.enum(STAFF_ROLES, {
    errorMap: () => ({ message: formMessage('staffForm.roleInvalid') }),
  }),
  repCode: z
    .string({ invalid_type_error: formMessage('staffForm.repCodeFormat') })
    .trim()
    .max(20, formMessage('staffForm.repCodeFormat'))
    .optional(),
})

export type StaffFormValues = z.input<typeof fields>
type StaffFields = z.output<typeof fields>

/** The user as the domain stores it: email normalised, rep code only for a rep. */
export type StaffInput = {
  name: string
  email: string
  role: StaffUserRole
  repCode: string | null
}

function crossFieldChecks(values: StaffFields, ctx: z.RefinementCtx) {
  if (values.role !== 'REP') return
  const code = normalizeRepCode(values.repCode)
  if (!code) addFormIssue(ctx, 'repCode', 'staffForm.repCodeRequired')
  else if (!REP_CODE.test(code)) addFormIssue(ctx, 'repCode', 'staffForm.repCodeFormat')
}

function toStaffInput(values: StaffFields): StaffInput {
  return {
    name: values.name,
    email: values.email.toLowerCase(),
    role: values.role,
    repCode: values.role === 'REP' ? normalizeRepCode(values.repCode) : null,
  }
}

/**
 * The schema with, on the server, the checks that need the database: they run even when other
 * fields are wrong, so the admin sees every problem at once.
 */
export function staffSchema(
  databaseChecks: (values: StaffFields, ctx: z.RefinementCtx) => void | Promise<void> = () => {},
) {
  return fields.superRefine(crossFieldChecks).superRefine(databaseChecks).transform(toStaffInput)
}

/** What the browser checks before sending. */
export const StaffSchema = staffSchema()

/** A new user's form before anything is typed. */
export const NEW_STAFF_VALUES = {
  name: '',
  email: '',
  role: 'MANAGER',
  repCode: '',
} satisfies StaffFormValues
