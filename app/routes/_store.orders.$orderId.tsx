import { json, redirect } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react'
import { ChannelLabel, OrderStatusBadge, PaymentStatusLabel } from '~/components/order-badges'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable, PHONE_HIDDEN } from '~/components/ui/table'
import { getAccountOrder, orderInstalments } from '~/domain/orders/order-history.server'
import { InstalmentList } from '~/components/instalments'
import { OrderTimeline } from '~/components/order-timeline'
import { orderTimeline } from '~/domain/orders/order-tracking'
import { formatCnpj } from '~/domain/accounts/cnpj'
import { useCompanyName } from '~/utils/use-company'
import { extendTermCode } from '~/domain/promotions/eligibility'
import { reorder } from '~/domain/orders/reorder.server'
import { startStripeCheckout } from '~/domain/payments/checkout.server'
import { canPayNow } from '~/domain/payments/payment-state'
import { requireBuyer } from '~/utils/auth.server'
import { orderIdParam } from '~/utils/route-params'
import { useT } from '~/utils/use-t'
import { namedTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: namedTitle(matches, data ? `#${data.order.id}` : null) },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireBuyer(request)
  const order = await getAccountOrder(user.accountId, orderIdParam(params.orderId))
  // Another account's order answers exactly like one that does not exist.
  if (!order) throw new Response('Not found', { status: 404 })
  return json({ order, instalments: orderInstalments(order), timeline: orderTimeline(order) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireBuyer(request)
  const orderId = orderIdParam(params.orderId)
  const form = await request.formData()
  if (form.get('intent') === 'pay') {
    const payment = await startStripeCheckout({ orderId, accountId: user.accountId })
    if (payment.ok) return redirect(payment.url)
    if (payment.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    return json({ payError: payment.code }, { status: 409 })
  }
  const result = await reorder(user.accountId, orderId)
  if (!result.ok) throw new Response('Not found', { status: 404 })
  return json({ reordered: result })
}

export default function OrderPage() {
  const { order, instalments, timeline } = useLoaderData<typeof loader>()
  const companyName = useCompanyName()
  const actionData = useActionData<typeof action>()
  const reordered = actionData && 'reordered' in actionData ? actionData.reordered : null
  const payError = actionData && 'payError' in actionData ? actionData.payError : null
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const { t, money, date } = useT()
  const payment = order.stripePayment
  const paid = Boolean(payment?.paidAt)
  const canPay = canPayNow(order)
  const paymentReturn = searchParams.get('payment')
  return (
    <article className="space-y-4 print:space-y-3 print:text-black">
      {/* On paper, the header (hidden with the site's navigation) gives way to who sells to whom. */}
      <div className="hidden print:block" data-testid="print-header">
        <p className="text-xl font-bold">{companyName}</p>
        <p className="text-sm">
          {t('tracking.printAccount', {
            name: `${order.account.legalName} (${order.account.tradeName})`,
            cnpj: formatCnpj(order.account.cnpj),
          })}
        </p>
      </div>
      <div className="space-y-4 print:hidden">
        {searchParams.get('placed') === '1' ? (
          <Alert tone="success">{t('orders.placed', { id: order.id })}</Alert>
        ) : null}
        {paymentReturn === 'success' ? (
          <Alert tone="success">
            {paid
              ? t('payment.confirmed', { id: order.id })
              : t('payment.processing', { id: order.id })}
          </Alert>
        ) : null}
        {paymentReturn === 'cancelled' && canPay ? (
          <Alert tone="info">{t('payment.cancelled', { id: order.id })}</Alert>
        ) : null}
        {paymentReturn === 'unavailable' || payError ? (
          <Alert tone="warning">
            {t(`payment.error.${payError ?? 'UNAVAILABLE'}`, { id: order.id })}
          </Alert>
        ) : null}
      </div>
      {canPay ? (
        <section
          aria-labelledby="pay-heading"
          className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 print:hidden"
        >
          <div>
            <h2 id="pay-heading" className="font-semibold">
              {t('payment.dueTitle', { total: money(order.totalCents, order.currency) })}
            </h2>
            {payment?.failureMessage ? (
              <p className="text-sm text-red-800">
                {t('payment.lastFailure', { message: payment.failureMessage })}
              </p>
            ) : (
              <p className="text-sm text-slate-700">{t('payment.dueHint')}</p>
            )}
          </div>
          <Form method="post">
            <input type="hidden" name="intent" value="pay" />
            <Button type="submit" disabled={navigation.state !== 'idle'}>
              {navigation.formData?.get('intent') === 'pay'
                ? t('payment.redirecting')
                : t('payment.payNow')}
            </Button>
          </Form>
        </section>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">
          {t('orders.number')} #{order.id}
        </h1>
        <div className="flex flex-wrap gap-2 print:hidden">
          <Button type="button" variant="secondary" onClick={() => window.print()}>
            {t('tracking.print')}
          </Button>
          <Form method="post">
            <Button type="submit" disabled={navigation.state === 'submitting'}>
              {t('orders.reorder')}
            </Button>
          </Form>
        </div>
      </div>
      {reordered ? (
        <Alert tone={reordered.unavailable.length ? 'warning' : 'success'}>
          <p>
            {t('orders.reordered', { count: reordered.added.length })}{' '}
            <Link to="/cart" className="underline">
              {t('nav.cart')}
            </Link>
          </p>
          {reordered.unavailable.length ? (
            <p data-testid="reorder-unavailable">
              {t('orders.reorderUnavailable', {
                items: reordered.unavailable.map((item) => `${item.sku} ${item.name}`).join(', '),
              })}
            </p>
          ) : null}
        </Alert>
      ) : null}
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">{t('orders.date')}</dt>
        <dd>{date(order.placedAt, 'datetime')}</dd>
        <dt className="text-slate-600">{t('orders.channel')}</dt>
        <dd>
          <ChannelLabel channel={order.channel} />
          {order.externalRef ? ` · ${t('orders.erpRef', { ref: order.externalRef })}` : null}
        </dd>
        <dt className="text-slate-600">{t('orders.status')}</dt>
        <dd>
          <OrderStatusBadge status={order.status} />
        </dd>
        <dt className="text-slate-600">{t('orders.payment')}</dt>
        <dd>
          <span data-testid="payment-status">
            <PaymentStatusLabel status={order.paymentStatus} />
          </span>
          {order.paymentMethod === 'STRIPE' ? ` · ${t('payment.method.STRIPE')}` : null}
          {payment && payment.refundedCents > 0
            ? ` · ${t('payment.refunded', { amount: money(payment.refundedCents, order.currency) })}`
            : null}
          {order.paymentTermCode
            ? ` · ${
                order.termExtraDays > 0
                  ? t('orders.termsExtended', {
                      code: extendTermCode(order.paymentTermCode, order.termExtraDays),
                      base: order.paymentTermCode,
                      days: order.termExtraDays,
                    })
                  : t('orders.terms', { code: order.paymentTermCode })
              }`
            : null}
        </dd>
        {order.placedBy ? (
          <>
            <dt className="text-slate-600">{t('orders.placedByLabel')}</dt>
            <dd>{order.placedBy.name}</dd>
          </>
        ) : null}
      </dl>
      <OrderTimeline steps={timeline} />
      <p className="text-sm print:hidden">
        <Link to="/account/notifications" className="text-brand-700 underline">
          {t('tracking.manageEmails')}
        </Link>
      </p>
      <DataTable
        columns={[
          { label: t('cart.product') },
          { label: t('cart.quantity'), align: 'right' },
          { label: t('cart.unitPrice'), align: 'right', className: PHONE_HIDDEN },
          { label: t('cart.lineDiscount'), align: 'right', className: PHONE_HIDDEN },
          { label: t('cart.total'), align: 'right' },
        ]}
        footer={
          <>
            {order.discountCents > 0 ? (
              <>
                <tr className="border-t border-slate-300">
                  <td className="p-2" colSpan={2}>
                    {t('orders.subtotal')}
                  </td>
                  <td className={PHONE_HIDDEN} colSpan={2} />
                  <td className="p-2 text-right">{money(order.subtotalCents, order.currency)}</td>
                </tr>
                <tr className="text-emerald-700">
                  <td className="p-2" colSpan={2}>
                    {t('cart.discount')}
                  </td>
                  <td className={PHONE_HIDDEN} colSpan={2} />
                  <td className="p-2 text-right" data-testid="order-discount">
                    −{money(order.discountCents, order.currency)}
                  </td>
                </tr>
              </>
            ) : null}
            <tr className="border-t border-slate-300 font-bold">
              <td className="p-2" colSpan={2}>
                {t('cart.orderTotal')}
              </td>
              <td className={PHONE_HIDDEN} colSpan={2} />
              <td className="whitespace-nowrap p-2 text-right" data-testid="order-total">
                {money(order.totalCents, order.currency)}
              </td>
            </tr>
          </>
        }
      >
        {order.lines.map((line) => (
          <tr
            key={line.id}
            className={`border-t border-slate-200 ${line.isBonus ? 'bg-emerald-50' : ''}`}
            data-testid={line.isBonus ? 'order-bonus-line' : 'order-line'}
          >
            <td className="p-2">
              {line.isBonus ? (
                <span className="block text-xs font-semibold uppercase text-emerald-800">
                  {t('orders.bonus')}
                </span>
              ) : null}
              {line.name}
              <span className="block text-xs text-slate-600">
                {line.sku}
                {line.productId ? null : (
                  <span data-testid="order-line-not-in-catalog">
                    {' · '}
                    {t('orders.notInCatalog')}
                  </span>
                )}
              </span>
              <span className="block text-xs text-slate-600 sm:hidden">
                {money(line.unitPriceCents, order.currency)}
                {line.discountCents > 0 ? ` · −${money(line.discountCents, order.currency)}` : ''}
              </span>
            </td>
            <td className="p-2 text-right">{line.quantity}</td>
            <td className={`p-2 text-right ${PHONE_HIDDEN}`}>
              {money(line.unitPriceCents, order.currency)}
            </td>
            <td className={`p-2 text-right text-emerald-700 ${PHONE_HIDDEN}`}>
              {line.discountCents > 0 ? `−${money(line.discountCents, order.currency)}` : ''}
            </td>
            <td className="whitespace-nowrap p-2 text-right">
              {money(line.totalCents, order.currency)}
            </td>
          </tr>
        ))}
      </DataTable>
      <InstalmentList
        instalments={instalments}
        extraDays={order.termExtraDays}
        currency={order.currency}
      />
      {order.redemptions.length ? (
        <section aria-labelledby="order-offers" className="space-y-2">
          <h2 id="order-offers" className="text-lg font-semibold">
            {t('orders.discounts')}
          </h2>
          <ul className="space-y-1 text-sm" data-testid="order-offers">
            {order.redemptions.map((r) => (
              <li
                key={r.id}
                data-testid="order-offer"
                className="rounded border border-emerald-200 bg-emerald-50 p-2"
              >
                <span className="font-medium">
                  {r.code ? <span className="font-mono">{r.code}</span> : null}
                  {r.code ? ' · ' : ''}
                  {r.label}
                </span>
                {r.discountCents > 0 ? (
                  <span>
                    {' '}
                    — {t('offers.saving', { amount: money(r.discountCents, order.currency) })}
                  </span>
                ) : null}
                {r.bonusSku ? (
                  <span>
                    {' '}
                    — {t('orders.bonus')}: {r.bonusQuantity} × {r.bonusSku}
                  </span>
                ) : null}
                {r.extraTermDays > 0 ? (
                  <span> — {t('offers.terms', { days: r.extraTermDays })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
