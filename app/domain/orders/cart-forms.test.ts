import { parseWithZod } from '@conform-to/zod'
import { createBuyer, createProduct, putInCart } from '#tests/fixtures/factories'
import { formMessage } from '~/utils/form-schema'
import { cartLineSchema, CheckoutSchema, CouponSchema, QuickOrderSchema } from './cart-forms'
import { cartLineSchemaForSave, checkoutErrors, couponErrors } from './cart-forms.server'

function formData(entries: Record<string, string>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) data.append(name, value)
  return data
}

describe("the cart forms' schemas", () => {
  it('takes a whole quantity from 0, in whole packs when the pack is known', () => {
    const parse = (quantity: string, pack: number | null = 6) =>
      parseWithZod(formData({ productId: 'p1', quantity }), { schema: cartLineSchema(pack) })
    const twelve = parse('12')
    expect(twelve.status === 'success' && twelve.value).toEqual({
      productId: 'p1',
      quantity: 12,
    })
    expect(parse('0').status).toBe('success')
    for (const bad of ['', '2.5', '-1', 'dez', '100001']) {
      const submission = parse(bad)
      expect(submission.status === 'error' && submission.error).toEqual({
        quantity: ['cartForm.quantity'],
      })
    }
    const notPack = parse('7')
    expect(notPack.status === 'error' && notPack.error).toEqual({
      quantity: [formMessage('cartForm.packMultiple', { pack: 6 })],
    })
    expect(parse('7', null).status).toBe('success')
  })

  it('checks on the server the pack size of the line in this account’s cart', async () => {
    const { account } = await createBuyer()
    const product = await createProduct({ packSize: 6 })
    await putInCart(account.id, [{ productId: product.id, quantity: 6 }])
    const parse = (entries: Record<string, string>) =>
      parseWithZod(formData(entries), { schema: cartLineSchemaForSave(account.id), async: true })
    const notPack = await parse({ productId: product.id, quantity: '7' })
    expect(notPack.status === 'error' && notPack.error).toEqual({
      quantity: [formMessage('cartForm.packMultiple', { pack: 6 })],
    })
    const gone = await parse({ productId: 'not-in-this-cart', quantity: '6' })
    expect(gone.status === 'error' && gone.error).toEqual({ '': ['cartForm.lineGone'] })
    const ok = await parse({ productId: product.id, quantity: '12' })
    expect(ok.status === 'success' && ok.value.quantity).toBe(12)
  })

  it('reads a coupon code in capitals, and a paste that has lines', () => {
    const coupon = parseWithZod(formData({ code: ' volta10 ' }), { schema: CouponSchema })
    expect(coupon.status === 'success' && coupon.value).toEqual({ code: 'VOLTA10' })
    const bad = parseWithZod(formData({ code: 'a b' }), { schema: CouponSchema })
    expect(bad.status === 'error' && bad.error).toEqual({ code: ['offerForm.codeFormat'] })
    const empty = parseWithZod(formData({ lines: '  \n ' }), { schema: QuickOrderSchema })
    expect(empty.status === 'error' && empty.error).toEqual({ lines: ['quick.empty'] })
  })

  it('asks how to pay before placing the order', () => {
    const submission = parseWithZod(
      formData({ idempotencyKey: crypto.randomUUID(), expectedTotalCents: '1000' }),
      { schema: CheckoutSchema },
    )
    expect(submission.status === 'error' && submission.error).toEqual({
      payment: ['checkout.choosePayment'],
    })
  })

  it('puts what the domain refused beside the field it concerns', () => {
    expect(couponErrors({ ok: false, code: 'OBRA7', refusal: { code: 'NOT_VALID' } })).toEqual({
      code: [formMessage('offerRefusal.NOT_VALID', { code: 'OBRA7' })],
    })
    expect(
      couponErrors({
        ok: false,
        code: 'OBRA7',
        refusal: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 61 },
      }),
    ).toEqual({ code: [formMessage('offerRefusal.TOO_MANY_ATTEMPTS', { count: 2 })] })
    expect(checkoutErrors({ ok: false, code: 'TERM_NOT_ALLOWED' })).toEqual({
      payment: [formMessage('checkout.TERM_NOT_ALLOWED', { missing: { money: 0 }, offer: '' })],
    })
    expect(checkoutErrors({ ok: false, code: 'PRICE_CHANGED' })).toEqual({
      '': [formMessage('checkout.PRICE_CHANGED', { missing: { money: 0 }, offer: '' })],
    })
  })
})
