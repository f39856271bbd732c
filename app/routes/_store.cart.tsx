import crypto from 'node:crypto'
import { ProductImage } from '~/components/product-image'
import { getInputProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { json, redirect } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react'
import {
  ChoiceGroupField,
  ErrorList,
  FormErrors,
  formProps,
  inputClass,
  useContractForm,
  useFormMessage,
} from '~/components/forms'
import { EmptyState } from '~/components/ui/empty-state'
import { DataTable, PHONE_HIDDEN } from '~/components/ui/table'
import { Alert, Button } from '~/components/ui/primitives'
import { OfferPanel } from '~/components/offer-panel'
import { InstalmentList } from '~/components/instalments'
import { instalmentSchedule } from '~/domain/pricing/instalments'
import {
  addQuickOrder,
  addToCart,
  getBuyerAccount,
  loadCartPage,
  setCartQuantity,
} from '~/domain/orders/cart.server'
import {
  AddToCartSchema,
  cartLineSchema,
  CheckoutSchema,
  CouponSchema,
  PAY_NOW,
  QuickOrderSchema,
  RemoveCouponSchema,
  RemoveLineSchema,
} from '~/domain/orders/cart-forms'
import {
  cartLineSchemaForSave,
  checkoutErrors,
  couponErrors,
  quickOrderErrors,
} from '~/domain/orders/cart-forms.server'
import { remainingQuickOrder } from '~/domain/orders/quick-order'
import { placeOrder } from '~/domain/orders/place-order.server'
import { startStripeCheckout } from '~/domain/payments/checkout.server'
import { stripeEnabled } from '~/domain/payments/stripe.server'
import { applyTypedCoupon, removeCoupon } from '~/domain/orders/cart-offers.server'
import { getImpersonatorId, requireBuyer } from '~/utils/auth.server'
import { formMessage, replyErrors } from '~/utils/form-schema'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'
import { USUAL_BASKET_MAX_ITEMS } from '~/domain/accounts/usual-basket'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.cart') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBuyer(request)
  const account = await getBuyerAccount(user.accountId)
  const cart = await loadCartPage(account)
  // What each way of paying would mean if the order were placed now: from the priced cart,
  // no further reads (decision 016).
  const now = new Date()
  const schedules: Record<string, ReturnType<typeof instalmentSchedule>> = {
    [PAY_NOW]: instalmentSchedule({ totalCents: cart.totalCents, termCode: null, placedAt: now }),
  }
  for (const term of cart.terms) {
    schedules[term.code] = instalmentSchedule({
      totalCents: cart.totalCents,
      termCode: term.code,
      extraDays: term.extraDays,
      placedAt: now,
    })
  }
  return json({
    cart,
    schedules,
    payNow: stripeEnabled(),
    // A fresh key per rendering of the checkout form: resubmitting this form never makes a second order.
    idempotencyKey: crypto.randomUUID(),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireBuyer(request)
  const formData = await request.formData()
  const fields = Object.fromEntries(formData)
  switch (formData.get('intent')) {
    case 'add': {
      const parsed = AddToCartSchema.safeParse(fields)
      if (!parsed.success) break
      const { productId, quantity } = parsed.data
      const result = await addToCart(user.accountId, productId, quantity)
      return json(
        { add: result.ok ? { ok: true as const, quantity } : result },
        { status: result.ok ? 200 : 400 },
      )
    }
    case 'update': {
      const submission = await parseWithZod(formData, {
        schema: cartLineSchemaForSave(user.accountId),
        async: true,
      })
      const productId = String(formData.get('productId') ?? '')
      if (submission.status !== 'success') {
        return json(
          { intent: 'update' as const, productId, result: submission.reply() },
          { status: 400 },
        )
      }
      const saved = await setCartQuantity(user.accountId, productId, submission.value.quantity)
      if (!saved.ok) {
        // The cart changed between the check and the write (another tab, another buyer).
        const result = submission.reply({ formErrors: [formMessage('cartForm.lineGone')] })
        return json({ intent: 'update' as const, productId, result }, { status: 400 })
      }
      return json({ intent: 'update' as const, productId, result: submission.reply() })
    }
    case 'remove': {
      const parsed = RemoveLineSchema.safeParse(fields)
      if (!parsed.success) break
      await setCartQuantity(user.accountId, parsed.data.productId, 0)
      return json({ removed: true } as const)
    }
    case 'coupon': {
      const submission = parseWithZod(formData, { schema: CouponSchema })
      if (submission.status !== 'success') {
        return json(
          { intent: 'coupon' as const, result: submission.reply(), applied: null },
          { status: 400 },
        )
      }
      const code = submission.value.code
      const applied = await applyTypedCoupon(await getBuyerAccount(user.accountId), code)
      if (!applied.ok) {
        const result = submission.reply(replyErrors(couponErrors(applied)))
        return json({ intent: 'coupon' as const, result, applied: null }, { status: 400 })
      }
      return json({
        intent: 'coupon' as const,
        result: submission.reply({ resetForm: true }),
        applied: code,
      })
    }
    case 'removeCoupon': {
      const parsed = RemoveCouponSchema.safeParse(fields)
      if (!parsed.success) break
      await removeCoupon(user.accountId, parsed.data.offerId)
      return json({ couponRemoved: true } as const)
    }
    case 'quick': {
      const submission = parseWithZod(formData, { schema: QuickOrderSchema })
      if (submission.status !== 'success') {
        return json(
          { intent: 'quick' as const, result: submission.reply(), added: 0 },
          { status: 400 },
        )
      }
      const { added, addedLines, errors } = await addQuickOrder(
        user.accountId,
        submission.value.lines,
      )
      if (!errors.length) {
        const result = submission.reply({ resetForm: true })
        return json({ intent: 'quick' as const, result, added: added.length })
      }
      // Every good line went into the cart and leaves the field; the others stay, each with its
      // reason, so correcting one and sending again adds nothing twice.
      const remaining = remainingQuickOrder(submission.value.lines, addedLines, errors)
      const replied = submission.reply(replyErrors(quickOrderErrors(remaining.errors)))
      const result = {
        ...replied,
        initialValue: { ...replied.initialValue, lines: remaining.text },
      }
      // A new key remounts the form, so that it starts from this reply's value (what stays).
      const key = crypto.randomUUID()
      return json({ intent: 'quick' as const, result, added: added.length, key })
    }
    case 'checkout': {
      const submission = parseWithZod(formData, { schema: CheckoutSchema })
      if (submission.status !== 'success') {
        return json({ intent: 'checkout' as const, result: submission.reply() }, { status: 400 })
      }
      const input = submission.value
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
      return json(
        {
          intent: 'checkout' as const,
          result: submission.reply(replyErrors(checkoutErrors(result))),
        },
        { status: result.code === 'KEY_IN_USE' ? 409 : 400 },
      )
    }
  }
  return json({ invalid: true } as const, { status: 400 })
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
  // How many products the usual basket (catalog) just added: a count, shown as it is said.
  const usualAdded = Number(searchParams.get('usual') ?? '')
  const { t, money } = useT()
  const submittingIntent =
    navigation.state === 'submitting' ? navigation.formData?.get('intent') : null
  const replied = actionData && 'intent' in actionData ? actionData : null

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section aria-labelledby="cart-heading" className="space-y-4">
        <h1 id="cart-heading" className="text-2xl font-bold">
          {t('cart.title')}
        </h1>
        {welcomeCoupon ? (
          <Alert tone="success">{t('cart.welcome', { code: welcomeCoupon })}</Alert>
        ) : null}
        {Number.isInteger(usualAdded) && usualAdded > 0 && usualAdded <= USUAL_BASKET_MAX_ITEMS ? (
          <Alert tone="success">{t('usual.added', { count: usualAdded })}</Alert>
        ) : null}
        {cart.unavailable.length ? (
          <Alert tone="warning">
            {t('cart.unavailable', { items: cart.unavailable.map((i) => i.sku).join(', ') })}
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
              { label: t('cart.unitPrice'), align: 'right', className: PHONE_HIDDEN },
              { label: t('cart.quantity') },
              { label: t('cart.total'), align: 'right' },
              {
                label: <span className="sr-only">{t('cart.remove')}</span>,
                className: PHONE_HIDDEN,
              },
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
                  <div className="flex items-start gap-3">
                    <div className="hidden sm:block">
                      <ProductImage
                        fileId={cart.pictures[line.productId]?.imageFileId ?? null}
                        name={line.name}
                        family={cart.pictures[line.productId]?.family ?? line.name}
                        size={48}
                        sizes="48px"
                        className="h-12 w-12 shrink-0 border border-slate-200"
                      />
                    </div>
                    <div>
                      <span className="font-medium">{line.name}</span>
                      <span className="block text-xs text-slate-600">{line.sku}</span>
                      <span className="block text-xs text-slate-600 sm:hidden">
                        {money(line.unitPriceCents)}
                      </span>
                      {line.nextTier ? (
                        <span className="block text-xs text-brand-700">
                          {t('cart.tierHint', {
                            quantity: line.nextTier.minQuantity,
                            price: money(line.nextTier.priceCents),
                          })}
                        </span>
                      ) : null}
                    </div>
                  </div>
                </td>
                <td className={`p-2 text-right ${PHONE_HIDDEN}`}>
                  {money(line.unitPriceCents)}
                  {line.tierMinQuantity ? (
                    <span className="block text-xs text-emerald-700">
                      {t('cart.tierApplied', { quantity: line.tierMinQuantity })}
                    </span>
                  ) : null}
                </td>
                <td className="p-2">
                  <CartLineQuantity
                    line={line}
                    lastResult={
                      replied?.intent === 'update' && replied.productId === line.productId
                        ? replied.result
                        : null
                    }
                  />
                  <div className="mt-1 sm:hidden">
                    <RemoveLine productId={line.productId} sku={line.sku} />
                  </div>
                </td>
                <td className="whitespace-nowrap p-2 text-right font-medium">
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
                <td className={`p-2 ${PHONE_HIDDEN}`}>
                  <RemoveLine productId={line.productId} sku={line.sku} />
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
                <td className={`p-2 text-right text-xs text-slate-600 ${PHONE_HIDDEN}`}>
                  {t('cart.bonusValue', { amount: money(item.unitValueCents) })}
                </td>
                <td className="p-2">{item.quantity}</td>
                <td className="p-2 text-right font-medium text-emerald-800">{t('cart.free')}</td>
                <td className={PHONE_HIDDEN} />
              </tr>
            ))}
          </DataTable>
        )}

        <OfferPanel offers={cart.offers}>
          <CouponForm
            lastResult={replied?.intent === 'coupon' ? replied.result : null}
            applied={replied?.intent === 'coupon' ? replied.applied : null}
          />
        </OfferPanel>

        <section
          aria-labelledby="quick-heading"
          className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="quick-heading" className="text-lg font-semibold">
            {t('quick.title')}
          </h2>
          <QuickOrderForm
            key={replied?.intent === 'quick' && 'key' in replied ? replied.key : 'quick'}
            lastResult={replied?.intent === 'quick' ? replied.result : null}
            added={replied?.intent === 'quick' ? replied.added : 0}
          />
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
        {cart.terms.length === 0 && !payNow ? (
          <Alert tone="info">{t('checkout.noTerms')}</Alert>
        ) : (
          <CheckoutForm
            cart={cart}
            payNow={payNow}
            idempotencyKey={idempotencyKey}
            lastResult={replied?.intent === 'checkout' ? replied.result : null}
            submitting={submittingIntent === 'checkout'}
          />
        )}
      </aside>
    </div>
  )
}

type CartData = ReturnType<typeof useLoaderData<typeof loader>>['cart']

/** A line's quantity: whole packs, 0 to remove it; the error beside the field. */
function CartLineQuantity({
  line,
  lastResult,
}: {
  line: CartData['lines'][number]
  lastResult: SubmissionResult<string[]> | null
}) {
  const { t } = useT()
  const schema = cartLineSchema(line.packSize)
  const [form, fields] = useContractForm(schema, {
    id: `cart-line-${line.productId}`,
    lastResult,
    defaultValue: { productId: line.productId, quantity: String(line.quantity) },
  })
  return (
    <Form method="post" className="space-y-1" {...formProps(form)}>
      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="productId" value={line.productId} />
      <div className="flex flex-col items-start gap-1 sm:flex-row sm:items-center">
        <label className="sr-only" htmlFor={fields.quantity.id}>
          {t('cart.quantity')} {line.sku}
        </label>
        <input
          {...getInputProps(fields.quantity, { type: 'number' })}
          min={0}
          step={line.packSize}
          className="w-16 rounded border border-slate-300 px-2 py-1 aria-invalid:border-red-600 sm:w-20"
        />
        <button type="submit" className="text-xs text-brand-700 underline">
          {t('cart.update')}
        </button>
      </div>
      <ErrorList id={fields.quantity.errorId} errors={fields.quantity.errors} />
      <ErrorList id={form.errorId} errors={form.errors} />
    </Form>
  )
}

/** Takes a product out of the cart (beside its quantity on a phone, in a column of its own wider). */
function RemoveLine({ productId, sku }: { productId: string; sku: string }) {
  const { t } = useT()
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="remove" />
      <input type="hidden" name="productId" value={productId} />
      <Button
        variant="danger"
        type="submit"
        className="px-2 py-1 text-xs"
        aria-label={`${t('cart.remove')} ${sku}`}
      >
        {t('cart.remove')}
      </Button>
    </Form>
  )
}

/** The coupon code; why a code does not apply is said beside the field. */
function CouponForm({
  lastResult,
  applied,
}: {
  lastResult: SubmissionResult<string[]> | null
  applied: string | null
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(CouponSchema, {
    id: 'coupon',
    lastResult,
  })
  const submitting =
    navigation.state === 'submitting' && navigation.formData?.get('intent') === 'coupon'
  return (
    <>
      {applied && form.status !== 'error' ? (
        <Alert tone="success">{t('offers.added', { code: applied })}</Alert>
      ) : null}
      <Form method="post" className="space-y-1" {...formProps(form)}>
        <input type="hidden" name="intent" value="coupon" />
        <FormErrors form={form} summary={false} />
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={fields.code.id} className="text-sm font-medium text-slate-700">
              {t('offers.codeLabel')}
            </label>
            <input
              {...getInputProps(fields.code, { type: 'text' })}
              autoComplete="off"
              className={`${inputClass} font-mono uppercase`}
            />
          </div>
          <Button type="submit" variant="secondary" disabled={submitting}>
            {t('offers.apply')}
          </Button>
        </div>
        <ErrorList id={fields.code.errorId} errors={fields.code.errors} testId="coupon-error" />
      </Form>
    </>
  )
}

/** Quick order: the good lines go into the cart; the others stay, each with its reason. */
function QuickOrderForm({
  lastResult,
  added,
}: {
  lastResult: SubmissionResult<string[]> | null
  added: number
}) {
  const { t } = useT()
  const message = useFormMessage()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(QuickOrderSchema, {
    id: 'quick-order',
    lastResult,
  })
  const submitting =
    navigation.state === 'submitting' && navigation.formData?.get('intent') === 'quick'
  return (
    <>
      {added > 0 ? (
        <Alert tone="success">{message(formMessage('quick.added', { count: added }))}</Alert>
      ) : null}
      <Form method="post" className="space-y-2" {...formProps(form)}>
        <input type="hidden" name="intent" value="quick" />
        <FormErrors form={form} summary={false} />
        <div className="flex flex-col gap-1">
          <label htmlFor={fields.lines.id} className="sr-only">
            {t('quick.label')}
          </label>
          <p id={fields.lines.descriptionId} className="text-sm text-slate-600">
            {t('quick.help')}
          </p>
          <textarea
            {...getTextareaProps(fields.lines, { ariaDescribedBy: fields.lines.descriptionId })}
            rows={5}
            className={`${inputClass} font-mono text-sm`}
            placeholder={t('quick.placeholder')}
          />
          <ErrorList id={fields.lines.errorId} errors={fields.lines.errors} testId="quick-errors" />
        </div>
        <Button type="submit" variant="secondary" disabled={submitting}>
          {t('quick.submit')}
        </Button>
      </Form>
    </>
  )
}

/** How to pay, and the order: a refusal says why, above the button or beside the choice. */
function CheckoutForm({
  cart,
  payNow,
  idempotencyKey,
  lastResult,
  submitting,
}: {
  cart: CartData
  payNow: boolean
  idempotencyKey: string
  lastResult: SubmissionResult<string[]> | null
  submitting: boolean
}) {
  const { t } = useT()
  const { schedules } = useLoaderData<typeof loader>()
  const [form, fields] = useContractForm(CheckoutSchema, {
    id: 'checkout',
    lastResult,
    defaultValue: { payment: cart.terms[0]?.code ?? PAY_NOW },
  })
  const options = [
    ...cart.terms.map((term) => ({
      value: term.code,
      label:
        term.extraDays > 0
          ? t('checkout.termExtended', {
              code: term.effectiveCode,
              base: term.code,
              days: term.extraDays,
            })
          : t('checkout.termDays', { code: term.code }),
    })),
    ...(payNow ? [{ value: PAY_NOW, label: t('checkout.payNow') }] : []),
  ]
  const chosen = fields.payment.value
  const selected =
    typeof chosen === 'string' && chosen in schedules ? chosen : (options[0]?.value ?? PAY_NOW)
  return (
    <Form method="post" className="space-y-3" {...formProps(form)}>
      <FormErrors form={form} summary={false} />
      <input type="hidden" name="intent" value="checkout" />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="expectedTotalCents" value={cart.totalCents} />
      <ChoiceGroupField
        meta={fields.payment}
        type="radio"
        legend={t('checkout.payment')}
        optionsClassName="mt-1 space-y-1"
        options={options}
      />
      {cart.lines.length > 0 ? (
        <InstalmentList
          id="checkout-instalments"
          instalments={schedules[selected] ?? []}
          extraDays={selected === PAY_NOW ? 0 : cart.extraTermDays}
        />
      ) : null}
      <Button
        type="submit"
        className="w-full"
        disabled={cart.lines.length === 0 || cart.missingForMinimumCents > 0}
        aria-disabled={submitting || undefined}
      >
        {submitting ? t('checkout.submitting') : t('checkout.submit')}
      </Button>
    </Form>
  )
}
