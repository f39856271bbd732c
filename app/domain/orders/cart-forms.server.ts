/**
 * The cart forms on the server: the checks that need the database, and the domain's refusals
 * (a coupon that does not apply, quick-order lines not added, an order not placed) as errors
 * beside the field they concern.
 */
import { prisma } from '~/utils/db.server'
import { addFormIssue, formMessage, type FormErrors } from '~/utils/form-schema'
import { type ApplyCouponResult } from './cart-offers.server'
import { type QuickOrderError } from './cart.server'
import { cartLineSchema } from './cart-forms'
import { type PlaceOrderResult } from './place-order.server'
import { checkQuantity } from '~/domain/catalog/quantity'
import { type UsualBasketProblem } from './usual-basket.server'

/** A line's new quantity, checked against the product's pack size in this account's cart. */
export function cartLineSchemaForSave(accountId: string) {
  return cartLineSchema(null, async (line, ctx) => {
    const item = await prisma.cartItem.findFirst({
      where: { productId: line.productId, cart: { accountId } },
      select: { product: { select: { packSize: true } } },
    })
    if (!item) return addFormIssue(ctx, null, 'cartForm.lineGone')
    const problem = line.quantity > 0 ? checkQuantity(line.quantity, item.product.packSize) : null
    if (problem === 'NOT_PACK_MULTIPLE') {
      addFormIssue(ctx, 'quantity', 'cartForm.packMultiple', { pack: item.product.packSize })
    } else if (problem) {
      addFormIssue(ctx, 'quantity', 'cartForm.quantity')
    }
  })
}

/** Why a coupon was not applied, on the code field. */
export function couponErrors(result: Extract<ApplyCouponResult, { ok: false }>): FormErrors {
  const { refusal } = result
  switch (refusal.code) {
    case 'TOO_MANY_ATTEMPTS':
      return {
        code: [
          formMessage('offerRefusal.TOO_MANY_ATTEMPTS', {
            count: Math.max(1, Math.ceil(refusal.retryAfterSeconds / 60)),
          }),
        ],
      }
    case 'NOT_VALID':
      return { code: [formMessage('offerRefusal.NOT_VALID', { code: result.code })] }
    default:
      return { code: [formMessage(`offerRefusal.${refusal.code}`)] }
  }
}

/** Each quick-order line not added, with its reason, on the field. */
export function quickOrderErrors(errors: readonly QuickOrderError[]): FormErrors {
  if (!errors.length) return {}
  return {
    lines: errors.map((error) =>
      formMessage('quick.line', {
        line: error.line,
        text: error.text,
        reason: {
          message: formMessage(`problem.${error.code}`, {
            pack: 'packSize' in error ? (error.packSize ?? '') : '',
          }),
        },
      }),
    ),
  }
}

/** An order not placed: a payment the account may not use is the payment field's error. */
export function checkoutErrors(result: Extract<PlaceOrderResult, { ok: false }>): FormErrors {
  const message = formMessage(`checkout.${result.code}`, {
    missing: { money: result.missingCents ?? 0 },
    offer: result.offerName ?? '',
  })
  const onPayment = result.code === 'TERM_NOT_ALLOWED' || result.code === 'PAY_NOW_UNAVAILABLE'
  return onPayment ? { payment: [message] } : { '': [message] }
}

/** Lines of the usual basket that cannot go into the cart, each beside its quantity. */
export function usualBasketErrors(problems: readonly UsualBasketProblem[]): FormErrors {
  return Object.fromEntries(
    problems.map((problem) => [
      `items[${problem.index}].quantity`,
      [
        problem.code === 'NOT_PACK_MULTIPLE'
          ? formMessage('cartForm.packMultiple', { pack: problem.packSize ?? 1 })
          : formMessage(problem.code === 'UNAVAILABLE' ? 'usual.unavailable' : 'cartForm.quantity'),
      ],
    ]),
  )
}
