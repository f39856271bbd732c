/**
 * The account page's two forms (contact data and rep; commercial terms), shared by the back
 * office's action and its component. The server adds the checks that need the database: see
 * `accountEditSchemaForSave` (portfolio.server.ts) and `commercialTermsSchemaForSave`
 * (commercial-terms.server.ts).
 */
import { type Role } from '@prisma/client'
import { z } from 'zod'
import { can } from '~/utils/permissions'
import { formMessage, moneyCents, optionalText, requiredText } from '~/utils/form-schema'
import { normalizeCnpj } from './cnpj'
import { normalizePhone } from './phones'

// prettier-ignore
export const BRAZILIAN_STATES = [
  'AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA',
  'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO',
] as const

const STATE = formMessage('accountForm.state')
const isState = (uf: string | undefined) =>
  !uf || (BRAZILIAN_STATES as readonly string[]).includes(uf)

const accountFields = z.object({
  tradeName: requiredText(120, { min: 2 }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, formMessage('form.tooLong', { count: 254 }))
    .email(formMessage('form.email'))
    .optional(),
  phone: optionalText(40).refine(
    (text) => !text || normalizePhone(text) !== null,
    formMessage('accountForm.phoneInvalid'),
  ),
  whatsapp: optionalText(40).refine(
    (text) => !text || normalizePhone(text) !== null,
    formMessage('accountForm.phoneInvalid'),
  ),
  preferredChannel: z
    .enum(['EMAIL', 'WHATSAPP', 'PHONE'], {
      errorMap: () => ({ message: formMessage('accountForm.channelInvalid') }),
    })
    .optional(),
  street: optionalText(200),
  city: requiredText(100, { min: 2 }),
  state: requiredText(2, { upperCase: true }).refine(isState, STATE),
  postalCode: optionalText(12),
  repId: optionalText(40),
})

type AccountFields = z.output<typeof accountFields>

/** What the telesales team may change of an account: how to reach it, not whose it is. */
export const CONTACT_ONLY_FIELDS = [
  'phone',
  'whatsapp',
  'preferredChannel',
  'street',
  'city',
  'state',
  'postalCode',
] as const

/** The fields `role` may change on an account's contact form; undefined means all of them. */
export function editableAccountFields(role: Role): readonly (keyof AccountEdit)[] | undefined {
  return can(role, 'accounts:edit') ? undefined : CONTACT_ONLY_FIELDS
}

/** Contact data and the assigned rep, as the account is saved (empty is null). */
export type AccountEdit = {
  tradeName: string
  email: string | null
  /** E.164, as ./phones.ts stores numbers. */
  phone: string | null
  whatsapp: string | null
  preferredChannel: 'EMAIL' | 'WHATSAPP' | 'PHONE' | null
  street: string | null
  city: string
  state: string
  postalCode: string | null
  repId: string | null
}

const toAccountEdit = (values: AccountFields): AccountEdit => ({
  tradeName: values.tradeName,
  email: values.email || null,
  phone: normalizePhone(values.phone),
  whatsapp: normalizePhone(values.whatsapp),
  preferredChannel: values.preferredChannel ?? null,
  street: values.street || null,
  city: values.city,
  state: values.state,
  postalCode: values.postalCode || null,
  repId: values.repId || null,
})

/**
 * The contact form's schema; the server adds its check (a rep that exists). Checks refine,
 * and the values become an AccountEdit at the end, so every problem is reported at once.
 */
export function accountEditSchema(
  databaseChecks: (values: AccountFields, ctx: z.RefinementCtx) => void | Promise<void> = () => {},
) {
  return accountFields.superRefine(databaseChecks).transform(toAccountEdit)
}

export const AccountEditSchema = accountEditSchema()

const accountCreateFields = accountFields.extend({
  cnpj: requiredText(30).refine(
    (text) => normalizeCnpj(text) !== null,
    formMessage('accountForm.cnpjInvalid'),
  ),
  legalName: requiredText(200, { min: 2 }),
})

type AccountCreateFields = z.output<typeof accountCreateFields>

/** A new account: its CNPJ (14 digits) and legal name, then the contact data and rep. */
export type AccountCreate = AccountEdit & { cnpj: string; legalName: string }

/**
 * The new-account form's schema; the server adds its checks (a CNPJ not yet in the portfolio,
 * a rep that exists).
 */
export function accountCreateSchema(
  databaseChecks: (
    values: AccountCreateFields,
    ctx: z.RefinementCtx,
  ) => void | Promise<void> = () => {},
) {
  return accountCreateFields.superRefine(databaseChecks).transform(
    (values): AccountCreate => ({
      ...toAccountEdit(values),
      cnpj: normalizeCnpj(values.cnpj)!,
      legalName: values.legalName,
    }),
  )
}

export const AccountCreateSchema = accountCreateSchema()

/** Minimum orders up to R$ 1.000.000,00. */
export const MAX_MINIMUM_ORDER_CENTS = 100_000_000

const commercialFields = z.object({
  priceListId: optionalText(40),
  termCodes: z.array(z.string().max(20)).max(20).default([]),
  minimumOrder: z
    .string()
    .trim()
    .max(20, formMessage('account.invalidMinimum'))
    .refine(
      (text) => text === '' || moneyCents(text, { max: MAX_MINIMUM_ORDER_CENTS }) !== null,
      formMessage('account.invalidMinimum'),
    )
    .optional(),
})

type CommercialFields = z.output<typeof commercialFields>

/** Price list, allowed payment terms and minimum order: what the account pays and how. */
export type CommercialTerms = {
  priceListId: string | null
  termCodes: string[]
  minimumOrderCents: number
}

/** The commercial-terms schema; the server adds its checks (a price list and terms that exist). */
export function commercialTermsSchema(
  databaseChecks: (
    values: CommercialFields,
    ctx: z.RefinementCtx,
  ) => void | Promise<void> = () => {},
) {
  return commercialFields.superRefine(databaseChecks).transform(
    (terms): CommercialTerms => ({
      priceListId: terms.priceListId || null,
      termCodes: [...new Set(terms.termCodes)],
      minimumOrderCents: terms.minimumOrder ? (moneyCents(terms.minimumOrder) ?? 0) : 0,
    }),
  )
}

export const CommercialTermsSchema = commercialTermsSchema()
