/**
 * The back office's price-list and payment-term forms (Conform + zod), shared by their actions
 * and components. Money is typed in Brazilian format ("1.234,56") and travels in cents; a
 * payment term's code is its instalment days, increasing, separated by "/" ("28/56").
 */
import { z } from 'zod'
import { formMessage, moneyCents, REQUIRED, requiredText, wholeNumber } from '~/utils/form-schema'

export const MAX_TERM_DAY = 365
export const MAX_INSTALMENTS = 12

const PRICE = formMessage('pricing.form.price')
const CODE = formMessage('pricing.form.code')
const TERM_CODE = formMessage('pricing.form.termCode', { max: MAX_TERM_DAY })

/** "28", "28/56", "30/60/90": whole days 1–365, increasing. Null when it is not one. */
export function termDays(code: string): number[] | null {
  if (!/^\d{1,3}(\/\d{1,3}){0,11}$/.test(code)) return null
  const days = code.split('/').map(Number)
  for (let i = 0; i < days.length; i++) {
    if (days[i]! < 1 || days[i]! > MAX_TERM_DAY) return null
    if (i > 0 && days[i]! <= days[i - 1]!) return null
  }
  return days
}

export const PriceListCreateSchema = z.object({
  code: requiredText(30, { upperCase: true }).refine(
    (code) => code === undefined || /^[A-Z0-9][A-Z0-9_-]*$/.test(code),
    CODE,
  ),
  name: requiredText(100),
})
export type PriceListCreate = z.output<typeof PriceListCreateSchema>

export const PriceListRenameSchema = z.object({ name: requiredText(100) })

const priceText = z
  .string({ required_error: REQUIRED, invalid_type_error: REQUIRED })
  .trim()
  .max(20, PRICE)
  .refine((text) => moneyCents(text, { min: 1 }) !== null, PRICE)
  .transform((text) => moneyCents(text, { min: 1 })!)

export const PriceItemSchema = z.object({
  sku: requiredText(60, { upperCase: true }),
  price: priceText,
})
export type PriceItemInput = z.output<typeof PriceItemSchema>

export const PaymentTermCreateSchema = z.object({
  code: requiredText(50).refine((code) => code === undefined || termDays(code) !== null, TERM_CODE),
})

export const MAX_TIER_QUANTITY = 1_000_000
const MIN_QUANTITY = formMessage('pricing.form.minQuantity')

/** A quantity tier of a price list: from `minQuantity` units (2 or more) on, `price`. */
export const PriceTierSchema = z.object({
  sku: requiredText(60, { upperCase: true }),
  minQuantity: z
    .string({ required_error: REQUIRED, invalid_type_error: REQUIRED })
    .trim()
    .refine((text) => wholeNumber(text, 2, MAX_TIER_QUANTITY) !== null, MIN_QUANTITY)
    .transform((text) => Number(text)),
  price: priceText,
})
export type PriceTierInput = z.output<typeof PriceTierSchema>
