/**
 * The cart page's forms (a line's quantity, a coupon code, a quick-order paste, checkout),
 * shared by the storefront's action and its component. cart-forms.server.ts adds what needs
 * the database (the line's pack size) and turns the domain's refusals into field errors.
 */
import { z } from 'zod'
import { OFFER_CODE, normalizeOfferCode } from '~/domain/promotions/offer-form'
import { formMessage, wholeNumber } from '~/utils/form-schema'
import { MAX_LINE_QUANTITY } from '~/domain/catalog/quantity'
import { USUAL_BASKET_MAX_ITEMS } from '~/domain/accounts/usual-basket'

const productId = z.string().min(1).max(40)

/** The buyer's own cart lines are identified by product; the quantity is what matters. */
const QUANTITY = formMessage('cartForm.quantity')

/**
 * One line's new quantity: a whole number from 0 (which removes the line) to the line limit,
 * in whole packs when the pack size is known (the browser knows it from the page, the server
 * from the catalog).
 */
export function cartLineSchema(
  packSize: number | null,
  databaseChecks: (
    line: { productId: string; quantity: number },
    ctx: z.RefinementCtx,
  ) => void | Promise<void> = () => {},
) {
  return z
    .object({
      productId,
      quantity: z
        .string({ required_error: QUANTITY })
        .trim()
        .refine((text) => wholeNumber(text, 0, MAX_LINE_QUANTITY) !== null, QUANTITY)
        .transform(Number)
        .refine(
          (quantity) => !packSize || quantity % packSize === 0,
          formMessage('cartForm.packMultiple', { pack: packSize ?? 1 }),
        ),
    })
    .superRefine(databaseChecks)
}

export const CouponSchema = z.object({
  code: z
    .string({ required_error: formMessage('form.required') })
    .trim()
    .max(40, formMessage('offerForm.codeFormat'))
    .refine(
      (code) => OFFER_CODE.test(normalizeOfferCode(code)),
      formMessage('offerForm.codeFormat'),
    )
    .transform(normalizeOfferCode),
})

const QUICK_EMPTY = formMessage('quick.empty')

/**
 * A quick-order paste. Each line is read on the server, where every line that names an
 * available product in whole packs goes into the cart and every other comes back with its
 * reason, beside the field.
 */
export const QuickOrderSchema = z.object({
  lines: z
    .string({ required_error: QUICK_EMPTY })
    .trim()
    .min(1, QUICK_EMPTY)
    .max(20_000, formMessage('form.tooLong', { count: 20_000 })),
})

/** Pay now with Stripe, instead of one of the account's payment terms. */
export const PAY_NOW = 'stripe'

export const CheckoutSchema = z.object({
  /** Generated when the form is rendered: the same key always yields the same order. */
  idempotencyKey: z.string().uuid(),
  /** A payment term code, or PAY_NOW. */
  payment: z
    .string({ required_error: formMessage('checkout.choosePayment') })
    .trim()
    .min(1, formMessage('checkout.choosePayment'))
    .max(20, formMessage('checkout.choosePayment')),
  /** The total the buyer saw: the order is refused if prices changed since. */
  expectedTotalCents: z.coerce.number().int().min(0),
})

/** The forms without fields of their own (buttons), and the product pages' "add to cart". */
export const AddToCartSchema = z.object({
  productId,
  quantity: z.coerce.number().int().min(0).max(1_000_000),
})
export const RemoveLineSchema = z.object({ productId })
export const RemoveCouponSchema = z.object({ offerId: z.string().min(1).max(40) })

/**
 * The usual basket as the buyer leaves it: each product's quantity (0 leaves it out), at least
 * one above 0. Pack multiples are checked on the server, which knows today's pack sizes.
 */
export const UsualBasketSchema = z.object({
  items: z
    .array(
      z.object({
        productId,
        quantity: z
          .string({ required_error: QUANTITY })
          .trim()
          .refine((text) => wholeNumber(text, 0, MAX_LINE_QUANTITY) !== null, QUANTITY)
          .transform(Number),
      }),
    )
    .min(1)
    .max(USUAL_BASKET_MAX_ITEMS)
    .refine((items) => items.some((item) => item.quantity > 0), formMessage('usual.nothing')),
})
