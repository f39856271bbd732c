/**
 * The forms that manage an account's buyers, shared by the back office's account page and the
 * storefront's "Buyers" page (an account admin's), actions and components alike. The server
 * adds the check that needs the database (an email nobody else uses): `buyerAddSchemaForSave`
 * in buyers.server.ts.
 */
import { z } from 'zod'
import { emailField } from '~/domain/identity/auth-forms'
import { formMessage, requiredText } from '~/utils/form-schema'

export const buyerAddFields = z.object({
  name: requiredText(120, { min: 2 }),
  // Stored as login looks it up: trimmed and in lower case.
  email: emailField.toLowerCase(),
  isAccountAdmin: z.boolean().optional(),
})

export type BuyerAddFields = z.output<typeof buyerAddFields>

/** A new buyer as it is saved. */
export type BuyerAdd = { name: string; email: string; isAccountAdmin: boolean }

export function buyerAddSchema(
  databaseChecks: (values: BuyerAddFields, ctx: z.RefinementCtx) => void | Promise<void> = () => {},
) {
  return buyerAddFields.superRefine(databaseChecks).transform(
    (values): BuyerAdd => ({
      name: values.name,
      email: values.email,
      isAccountAdmin: values.isAccountAdmin ?? false,
    }),
  )
}

export const BuyerAddSchema = buyerAddSchema()

/** What can be done to one buyer of the list. */
export const BUYER_ROW_INTENTS = [
  'buyer-resend',
  'buyer-make-admin',
  'buyer-unmake-admin',
  'buyer-remove',
] as const
export type BuyerRowIntent = (typeof BUYER_ROW_INTENTS)[number]

/** A row's buttons: which buyer, and what to do. */
export const BuyerRowSchema = z.object({
  intent: z.enum(BUYER_ROW_INTENTS, { errorMap: () => ({ message: formMessage('form.invalid') }) }),
  userId: requiredText(40),
})
