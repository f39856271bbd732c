import crypto from 'node:crypto'
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react'
import { EmptyState } from '~/components/ui/empty-state'
import { DataTable } from '~/components/ui/table'
import { z } from 'zod'
import { Alert, Button } from '~/components/ui/primitives'
import { OfferPanel } from '~/components/offer-panel'
import {
  addQuickOrder,
  addToCart,
  getBuyerAccount,
  loadCartPage,
  setCartQuantity,
} from '~/domain/orders/cart.server'
import { placeOrder } from '~/domain/orders/place-order.server'
import { startStripeCheckout } from '~/domain/payments/checkout.server'
import { stripeEnabled } from '~/domain/payments/stripe.server'
import { applyCoupon, removeCoupon } from '~/domain/orders/cart-offers.server'
import { getImpersonatorId, requireBuyer } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = () => [{ title: 'Carrinho · Reativa' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBuyer(request)
  const account = await getBuyerAccount(user.accountId)
  const cart = await loadCartPage(account)
  return json({
    cart,
    payNow: stripeEnabled(),
    // A fresh key per rendering of the checkout form: resubmitting this form never makes a second order.
    idempotencyKey: crypto.randomUUID(),
  })
}

const PAY_NOW = 'stripe'
const quantity = z.coerce.number().int().min(0).max(1_000_000)
const CartAction = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add'), productId: z.string().min(1).max(40), quantity }),
  z.object({ intent: z.literal('update'), productId: z.string().min(1).max(40), quantity }),
  z.object({ intent: z.literal('remove'), productId: z.string().min(1).max(40) }),
  z.object({ intent: z.literal('quick'), lines: z.string().max(20_000) }),
  z.object({ intent: z.literal('coupon'), code: z.string().trim().max(40) }),
  z.object({ intent: z.literal('removeCoupon'), offerId: z.string().min(1).max(40) }),
  z.object({
    intent: z.literal('checkout'),
    idempotencyKey: z.string().uuid(),
    // A payment term code, or "stripe" for pay now.
    payment: z.string().min(1).max(20),
    expectedTotalCents: z.coerce.number().int().min(0),
  }),
])

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireBuyer(request)
  const parsed = CartAction.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return json({ invalid: true } as const, { status: 400 })
  const input = parsed.data
  switch (input.intent) {
    case 'add': {
      const result = await addToCart(user.accountId, input.productId, input.quantity)
      return json(
        { add: result.ok ? { ok: true as const, quantity: input.quantity } : result },
        { status: result.ok ? 200 : 400 },
      )
    }
    case 'update': {
      const result = await setCartQuantity(user.accountId, input.productId, input.quantity)
      return json({ update: result, productId: input.productId }, { status: result.ok ? 200 : 400 })
    }
    case 'remove': {
      await setCartQuantity(user.accountId, input.productId, 0)
      return json({ removed: true } as const)
    }
    case 'quick': {
      const result = await addQuickOrder(user.accountId, input.lines)
      return json({ quick: result, lines: result.errors.length ? input.lines : '' })
    }
    case 'coupon': {
      const result = await applyCoupon(await getBuyerAccount(user.accountId), input.code)
      return json({ coupon: result }, { status: result.ok ? 200 : 400 })
    }
    case 'removeCoupon': {
      await removeCoupon(user.accountId, input.offerId)
      return json({ couponRemoved: true } as const)
    }
    case 'checkout': {
      const payNow = input.payment === PAY_NOW
      const result = await placeOrder({
        accountId: user.accountId,
        userId: user.id,
        idempotencyKey: input.idempotencyKey,
        paymentMethod: payNow ? 'STRIPE' : 'TERMS',
        paymentTermCode: payNow ? null : input.payment,
        expectedTotalCents: input.expectedTotalCents,
        impersonatorId: await getImpersonatorId(request),
      })
      if (result.ok && payNow) {
        // A replayed submit finds the same order and the same open Checkout Session.
        const payment = await startStripeCheckout({
          orderId: result.orderId,
          accountId: user.accountId,
        })
        if (payment.ok) return redirect(payment.url)
        return redirect(`/orders/${result.orderId}?payment=unavailable`)
      }
      if (result.ok) return redirect(`/orders/${result.orderId}?placed=1`)
      return json({ checkout: result }, { status: result.code === 'KEY_IN_USE' ? 409 : 400 })
    }
  }
}

export default function CartPage() {
  const { cart, idempotencyKey, payNow } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  // Only a coupon that really is in the cart: the address bar is not a place to trust.
  const welcomeCoupon = cart.offers.find(
    (offer) => offer.code && offer.code === searchParams.get('welcome'),
  )?.code
  const { t, money } = useT()
  const submittingIntent =
    navigation.state === 'submitting' ? navigation.formData?.get('intent') : null
  const coupon = actionData && 'coupon' in actionData ? actionData.coupon : null
  const quick = actionData && 'quick' in actionData ? actionData.quick : null
  const checkoutError = actionData && 'checkout' in actionData ? actionData.checkout : null
  const updateError =
    actionData && 'update' in actionData && !actionData.update.ok ? actionData : null

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="cart-heading" className="space-y-4">
        <h1 id="cart-heading" className="text-2xl font-bold">
          {t('cart.title')}
        </h1>
        {welcomeCoupon ? (
          <Alert tone="success">{t('cart.welcome', { code: welcomeCoupon })}</Alert>
        ) : null}
        {cart.unavailable.length ? (
          <Alert tone="warning">
            {t('cart.unavailable', { items: cart.unavailable.map((i) => i.sku).join(', ') })}
          </Alert>
        ) : null}
        {updateError && !updateError.update.ok ? (
          <Alert tone="error">
            {t(`problem.${updateError.update.problem}`, {
              pack: updateError.update.packSize ?? '',
            })}
          </Alert>
        ) : null}
        {cart.lines.length === 0 ? (
          <EmptyState
            message={t('cart.empty')}
            linkTo="/catalog"
            linkLabel={t('common.backToCatalog')}
          />
        ) : (
          <DataTable
            columns={[
              { label: t('cart.product') },
              { label: t('cart.unitPrice'), align: 'right' },
              { label: t('cart.quantity') },
              { label: t('cart.total'), align: 'right' },
              { label: <span className="sr-only">{t('cart.remove')}</span> },
            ]}
          >
            {cart.lines.map((line) => (
              <tr
                key={line.productId}
                className="border-t border-slate-200"
                data-testid="cart-line"
                data-sku={line.sku}
              >
                <td className="p-2">
                  <span className="font-medium">{line.name}</span>
                  <span className="block text-xs text-slate-600">{line.sku}</span>
                  {line.nextTier ? (
                    <span className="block text-xs text-brand-700">
                      {t('cart.tierHint', {
                        quantity: line.nextTier.minQuantity,
                        price: money(line.nextTier.priceCents),
                      })}
                    </span>
                  ) : null}
                </td>
                <td className="p-2 text-right">
                  {money(line.unitPriceCents)}
                  {line.tierMinQuantity ? (
                    <span className="block text-xs text-emerald-700">
                      {t('cart.tierApplied', { quantity: line.tierMinQuantity })}
                    </span>
                  ) : null}
                </td>
                <td className="p-2">
                  <Form method="post" className="flex items-center gap-1">
                    <input type="hidden" name="intent" value="update" />
                    <input type="hidden" name="productId" value={line.productId} />
                    <label className="sr-only" htmlFor={`qty-${line.productId}`}>
                      {t('cart.quantity')} {line.sku}
                    </label>
                    <input
                      id={`qty-${line.productId}`}
                      name="quantity"
                      type="number"
                      min={0}
                      step={line.packSize}
                      defaultValue={line.quantity}
                      className="w-20 rounded border border-slate-300 px-2 py-1"
                    />
                    <button type="submit" className="text-xs text-brand-700 underline">
                      {t('cart.update')}
                    </button>
                  </Form>
                </td>
                <td className="p-2 text-right font-medium">
                  {line.discountCents > 0 ? (
                    <>
                      <s className="block text-xs font-normal text-slate-500">
                        {money(line.totalCents + line.discountCents)}
                      </s>
                      <span
                        className="block text-xs font-normal text-emerald-700"
                        data-testid="line-discount"
                      >
                        {t('cart.lineDiscount')} −{money(line.discountCents)}
                      </span>
                    </>
                  ) : null}
                  {money(line.totalCents)}
                </td>
                <td className="p-2">
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="productId" value={line.productId} />
                    <Button
                      variant="danger"
                      type="submit"
                      className="px-2 py-1 text-xs"
                      aria-label={`${t('cart.remove')} ${line.sku}`}
                    >
                      {t('cart.remove')}
                    </Button>
                  </Form>
                </td>
              </tr>
            ))}
            {cart.bonusItems.map((item) => (
              <tr
                key={`bonus-${item.offerId}`}
                className="border-t border-slate-200 bg-emerald-50"
                data-testid="bonus-line"
                data-sku={item.sku}
              >
                <td className="p-2">
                  <span className="text-xs font-semibold uppercase text-emerald-800">
                    {t('cart.bonusLine')}
                  </span>
                  <span className="block font-medium">{item.name}</span>
                  <span className="block text-xs text-slate-600">{item.sku}</span>
                </td>
                <td className="p-2 text-right text-xs text-slate-600">
                  {t('cart.bonusValue', { amount: money(item.unitValueCents) })}
                </td>
                <td className="p-2">{item.quantity}</td>
                <td className="p-2 text-right font-medium text-emerald-800">{t('cart.free')}</td>
                <td />
              </tr>
            ))}
          </DataTable>
        )}

        <OfferPanel
          offers={cart.offers}
          lastResult={coupon}
          submitting={submittingIntent === 'coupon'}
        />

        <section
          aria-labelledby="quick-heading"
          className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="quick-heading" className="text-lg font-semibold">
            {t('quick.title')}
          </h2>
          <p id="quick-help" className="text-sm text-slate-600">
            {t('quick.help')}
          </p>
          {quick && quick.added.length ? (
            <Alert tone="success">{t('quick.added', { count: quick.added.length })}</Alert>
          ) : null}
          {quick && quick.errors.length ? (
            <Alert tone="error">
              <p>{t('quick.errors')}</p>
              <ul className="list-disc pl-5" data-testid="quick-errors">
                {quick.errors.map((error) => (
                  <li key={`${error.line}-${error.code}`}>
                    {t('quick.line', {
                      line: error.line,
                      text: error.text,
                      reason: t(`problem.${error.code}`, {
                        pack: 'packSize' in error ? (error.packSize ?? '') : '',
                      }),
                    })}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <Form method="post" className="space-y-2">
            <input type="hidden" name="intent" value="quick" />
            <label htmlFor="quick-lines" className="sr-only">
              {t('quick.label')}
            </label>
            <textarea
              id="quick-lines"
              name="lines"
              rows={5}
              aria-describedby="quick-help"
              defaultValue={actionData && 'lines' in actionData ? actionData.lines : ''}
              key={quick ? JSON.stringify(quick.added) : 'quick'}
              className="w-full rounded-md border border-slate-300 p-2 font-mono text-sm"
              placeholder={'CIM-0001 10\nARG-0002;20'}
            />
            <Button type="submit" variant="secondary" disabled={submittingIntent === 'quick'}>
              {t('quick.submit')}
            </Button>
          </Form>
        </section>
      </section>

      <aside
        aria-labelledby="summary-heading"
        className="h-fit space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="summary-heading" className="text-lg font-semibold">
          {t('checkout.title')}
        </h2>
        <dl className="space-y-1 text-sm">
          <div className="flex justify-between">
            <dt>{t('cart.subtotal')}</dt>
            <dd>{money(cart.subtotalCents)}</dd>
          </div>
          {cart.discountCents > 0 ? (
            <div className="flex justify-between text-emerald-700">
              <dt>{t('cart.discount')}</dt>
              <dd data-testid="cart-discount">−{money(cart.discountCents)}</dd>
            </div>
          ) : null}
          <div className="flex justify-between text-base font-bold">
            <dt>{t('cart.orderTotal')}</dt>
            <dd data-testid="cart-total">{money(cart.totalCents)}</dd>
          </div>
          {cart.savingsCents > 0 ? (
            <div className="flex justify-between text-emerald-700">
              <dt>{t('cart.savings')}</dt>
              <dd data-testid="cart-savings">{money(cart.savingsCents)}</dd>
            </div>
          ) : null}
        </dl>
        {cart.lines.length > 0 && cart.missingForMinimumCents > 0 ? (
          <Alert tone="warning">
            {t('cart.minimum', {
              minimum: money(cart.minimumOrderCents),
              missing: money(cart.missingForMinimumCents),
            })}
          </Alert>
        ) : null}
        {checkoutError ? (
          <Alert tone="error">
            {t(`checkout.${checkoutError.code}`, {
              missing: money(checkoutError.missingCents ?? 0),
              offer: checkoutError.offerName ?? '',
            })}
          </Alert>
        ) : null}
        {cart.terms.length === 0 && !payNow ? (
          <Alert tone="info">{t('checkout.noTerms')}</Alert>
        ) : (
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="checkout" />
            <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
            <input type="hidden" name="expectedTotalCents" value={cart.totalCents} />
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">{t('checkout.payment')}</legend>
              {cart.terms.map((term, index) => (
                <label key={term.code} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="payment"
                    value={term.code}
                    defaultChecked={index === 0}
                  />
                  {term.extraDays > 0
                    ? t('checkout.termExtended', {
                        code: term.effectiveCode,
                        base: term.code,
                        days: term.extraDays,
                      })
                    : t('checkout.termDays', { code: term.code })}
                </label>
              ))}
              {payNow ? (
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="payment"
                    value={PAY_NOW}
                    defaultChecked={cart.terms.length === 0}
                  />
                  {t('checkout.payNow')}
                </label>
              ) : null}
            </fieldset>
            <Button
              type="submit"
              className="w-full"
              disabled={cart.lines.length === 0 || cart.missingForMinimumCents > 0}
              aria-disabled={submittingIntent === 'checkout' || undefined}
            >
              {submittingIntent === 'checkout' ? t('checkout.submitting') : t('checkout.submit')}
            </Button>
          </Form>
        )}
      </aside>
    </div>
  )
}
