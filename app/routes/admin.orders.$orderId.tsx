import { type SubmissionResult } from '@conform-to/react'
import { type OrderStatus } from '@prisma/client'
import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import crypto from 'node:crypto'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ChannelLabel, OrderStatusBadge, PaymentStatusLabel } from '~/components/order-badges'
import { Field, FormErrors, formProps, useContractForm } from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import { getAdminOrder, setOrderStatus } from '~/domain/orders/order-admin.server'
import {
  MAX_INVOICE_NUMBER,
  MAX_TRACKING_CODE,
  nextStatuses,
  orderTimeline,
} from '~/domain/orders/order-tracking'
import { OrderStatusSchema } from '~/domain/orders/order-tracking-form'
import { OrderTimeline } from '~/components/order-timeline'
import { orderInstalments } from '~/domain/orders/order-history.server'
import { InstalmentList } from '~/components/instalments'
import { isRefundStatus } from '~/domain/payments/payment-state'
import { MAX_REFUND_REASON, refundAmountMessage, refundSchema } from '~/domain/payments/refund-form'
import { refundOrder, refundState } from '~/domain/payments/refunds.server'
import { InstalmentPaymentSchema } from '~/domain/commission/instalment-commission'
import {
  instalmentRecording,
  recordInstalmentPayment,
} from '~/domain/commission/instalment-payments.server'
import { requireStaff } from '~/utils/auth.server'
import { formMessage } from '~/utils/form-schema'
import { centsToDecimalText } from '~/utils/money'
import { orderIdParam } from '~/utils/route-params'
import { BRASILIA_TIME_ZONE, localDateIn } from '~/utils/dates'
import { useT } from '~/utils/use-t'
import { Panel } from '~/components/ui/panel'
import { namedTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: namedTitle(matches, data ? `#${data.order.id}` : null) },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'orders:manage')
  const order = await getAdminOrder(orderIdParam(params.orderId))
  if (!order) throw new Response('Not found', { status: 404 })
  return json({
    order,
    // Earned per paid instalment: decided at its first earning step, or will be when invoiced.
    recording: await instalmentRecording(order),
    next: nextStatuses(order.status),
    timeline: orderTimeline(order),
    instalments: orderInstalments(order),
    ...refundState(order),
    // A fresh key per rendering of the refund form: a double submit refunds once.
    refundKey: crypto.randomUUID(),
  })
}

const INSTALMENT_REFUSALS = {
  ALREADY_PAID: 'instalments.alreadyPaid',
  CANCELLED: 'instalments.cancelled',
  UNKNOWN: 'instalments.unknown',
  NOT_ON_TERMS: 'instalments.notOnTerms',
  NOT_INVOICED: 'instalments.notInvoiced',
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'orders:manage')
  const orderId = orderIdParam(params.orderId)
  const formData = await request.formData()
  if (formData.get('intent') === 'instalment') {
    const submission = parseWithZod(formData, { schema: InstalmentPaymentSchema })
    if (submission.status !== 'success') {
      return json(
        { form: 'instalment' as const, result: submission.reply(), ok: false as const, code: null },
        { status: 400 },
      )
    }
    const recorded = await recordInstalmentPayment(user.id, orderId, submission.value)
    if (!recorded.ok) {
      if (recorded.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
      const result = submission.reply(
        recorded.code === 'BAD_DATE'
          ? { fieldErrors: { paidOn: [formMessage('instalments.badDate')] } }
          : { formErrors: [formMessage(INSTALMENT_REFUSALS[recorded.code])] },
      )
      return json(
        { form: 'instalment' as const, result, ok: false as const, code: null },
        { status: recorded.code === 'BAD_DATE' ? 400 : 409 },
      )
    }
    return json({
      form: 'instalment' as const,
      result: submission.reply({ resetForm: true }),
      ok: true as const,
      code: null,
      recorded: { number: submission.value.number, earnedCents: recorded.earnedCents },
    })
  }
  if (formData.get('intent') === 'refund') {
    const order = await getAdminOrder(orderId)
    if (!order) throw new Response('Not found', { status: 404 })
    const submission = parseWithZod(formData, {
      schema: refundSchema(refundState(order).refundable),
    })
    if (submission.status !== 'success') {
      return json(
        { form: 'refund' as const, result: submission.reply(), ok: false as const, code: null },
        { status: 400 },
      )
    }
    const refunded = await refundOrder({ actorId: user.id, orderId, ...submission.value })
    if (!refunded.ok && refunded.code === 'NOT_FOUND') {
      throw new Response('Not found', { status: 404 })
    }
    if (!refunded.ok) {
      // Too much (paid or refunded meanwhile) is the amount's error; the others, the form's.
      const result = submission.reply(
        refunded.code === 'AMOUNT_INVALID'
          ? { fieldErrors: { amount: [refundAmountMessage(refunded.maxCents ?? 0)] } }
          : { formErrors: [formMessage(`adminOrder.result.REFUND_${refunded.code}`)] },
      )
      return json(
        { form: 'refund' as const, result, ok: false as const, code: null },
        { status: 400 },
      )
    }
    return json({
      form: 'refund' as const,
      result: submission.reply({ resetForm: true }),
      ok: true as const,
      code: 'REFUNDED' as const,
    })
  }
  const submission = parseWithZod(formData, { schema: OrderStatusSchema })
  if (submission.status !== 'success') {
    return json(
      { form: 'status' as const, result: submission.reply(), ok: false as const, code: null },
      { status: 400 },
    )
  }
  const moved = await setOrderStatus(user.id, orderId, submission.value)
  if (!moved.ok && moved.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
  if (!moved.ok) {
    const result = submission.reply(
      moved.code === 'NOT_ALLOWED'
        ? { formErrors: [formMessage(`tracking.refused.${moved.refusal}`)] }
        : moved.code === 'INVOICE_REQUIRED'
          ? { fieldErrors: { invoiceNumber: [formMessage('tracking.form.invoiceRequired')] } }
          : { fieldErrors: { trackingCode: [formMessage('tracking.form.trackingRequired')] } },
    )
    return json(
      { form: 'status' as const, result, ok: false as const, code: null },
      { status: 409 },
    )
  }
  return json({
    form: 'status' as const,
    result: submission.reply({ resetForm: true }),
    ok: true as const,
    code: 'UPDATED' as const,
  })
}

export default function AdminOrderPage() {
  const { order, recording, next, timeline, instalments, refundable, canRefund, refundKey } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, money, date, percent } = useT()
  return (
    <div className="max-w-5xl space-y-4">
      <Link to={`/admin/accounts/${order.account.id}`} className="text-sm text-brand-700 underline">
        ← {order.account.tradeName}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="flex items-center gap-3 text-2xl font-bold">
          {t('orders.number')} #{order.id} <OrderStatusBadge status={order.status} />
        </h1>
      </div>
      {actionData?.code ? (
        <Alert tone={actionData.ok ? 'success' : 'error'}>
          {t(`adminOrder.result.${actionData.code}`)}
        </Alert>
      ) : null}
      {next.length ? (
        <StatusForm
          // A fresh form for each status: the fields of the step just made leave with their
          // form, so nothing of it (a pending blur check) can submit it again.
          key={order.status}
          next={next}
          lastResult={actionData?.form === 'status' ? actionData.result : undefined}
        />
      ) : null}
      <OrderTimeline steps={timeline} />
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">{t('orders.date')}</dt>
        <dd>{date(order.placedAt, 'datetime')}</dd>
        <dt className="text-slate-600">{t('orders.channel')}</dt>
        <dd>
          <ChannelLabel channel={order.channel} />
        </dd>
        <dt className="text-slate-600">{t('accounts.rep')}</dt>
        <dd>{order.rep ? `${order.rep.code} · ${order.rep.name}` : '—'}</dd>
        <dt className="text-slate-600">{t('orders.total')}</dt>
        <dd>{money(order.totalCents)}</dd>
        <dt className="text-slate-600">{t('orders.payment')}</dt>
        <dd data-testid="admin-payment-status">
          <PaymentStatusLabel status={order.paymentStatus} />
          {order.paymentMethod === 'STRIPE' ? ` · ${t('payment.method.STRIPE')}` : null}
          {order.paymentTermCode
            ? ` · ${t('orders.terms', { code: order.paymentTermCode })}`
            : null}
        </dd>
        {order.stripePayment?.paidAt ? (
          <>
            <dt className="text-slate-600">{t('adminOrder.paidAt')}</dt>
            <dd>{date(order.stripePayment.paidAt, 'datetime')}</dd>
          </>
        ) : null}
        {order.stripePayment && order.stripePayment.refundedCents > 0 ? (
          <>
            <dt className="text-slate-600">{t('adminOrder.refunded')}</dt>
            <dd data-testid="admin-refunded">{money(order.stripePayment.refundedCents)}</dd>
          </>
        ) : null}
        {order.stripePayment?.failureMessage && !order.stripePayment.paidAt ? (
          <>
            <dt className="text-slate-600">{t('adminOrder.lastFailure')}</dt>
            <dd>{order.stripePayment.failureMessage}</dd>
          </>
        ) : null}
      </dl>
      <InstalmentList
        instalments={instalments}
        extraDays={order.termExtraDays}
        currency={order.currency}
      />
      {order.paymentMethod === 'TERMS' && order.status !== 'CANCELLED' ? (
        <InstalmentPayments
          instalments={instalments}
          paid={order.instalmentPayments}
          onPayment={recording.onPayment}
          placedAt={order.placedAt}
          invoiced={recording.invoiced}
        />
      ) : null}
      {order.paymentMethod === 'STRIPE' ? (
        <Panel id="refund-heading" title={t('adminOrder.refunds')}>
          {order.refunds.length ? (
            <ul className="space-y-1 text-sm">
              {order.refunds.map((refund) => (
                <li key={refund.id} data-testid="refund-row">
                  {date(refund.createdAt, 'datetime')} · {money(refund.amountCents)} ·{' '}
                  {isRefundStatus(refund.status)
                    ? t(`adminOrder.refundStatus.${refund.status}`)
                    : refund.status}
                  {refund.reason ? ` · ${refund.reason}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t('adminOrder.noRefunds')}</p>
          )}
          {canRefund ? (
            <RefundForm
              refundable={refundable}
              refundKey={refundKey}
              lastResult={actionData?.form === 'refund' ? actionData.result : undefined}
            />
          ) : (
            <p className="text-sm text-slate-600">
              {order.stripePayment?.paidAt
                ? t('adminOrder.nothingToRefund')
                : t('adminOrder.notPaidYet')}
            </p>
          )}
        </Panel>
      ) : null}
      <DataTable
        columns={[
          { label: t('cart.product') },
          { label: t('cart.quantity'), align: 'right' },
          { label: t('cart.total'), align: 'right' },
          { label: t('adminOrder.rate'), align: 'right' },
        ]}
      >
        {order.lines.map((line) => (
          <tr key={line.id} className="border-t border-slate-200">
            <td className="p-2">
              {line.name} <span className="text-xs text-slate-600">{line.sku}</span>
              {line.productId ? null : (
                <span className="text-xs text-slate-600" data-testid="order-line-not-in-catalog">
                  {' · '}
                  {t('orders.notInCatalog')}
                </span>
              )}
              {line.isBonus ? ` · ${t('cart.bonusLine')}` : ''}
            </td>
            <td className="p-2 text-right">{line.quantity}</td>
            <td className="p-2 text-right">{money(line.totalCents)}</td>
            <td className="p-2 text-right">
              {line.commissionBps === null
                ? '—'
                : percent(line.commissionBps / 100, { minDigits: 2 })}
            </td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby="ledger-heading" className="space-y-2">
        <h2 id="ledger-heading" className="text-lg font-semibold">
          {t('adminOrder.ledger')}
        </h2>
        {order.commissionEntries.length === 0 ? (
          <p className="text-sm text-slate-600">{t('adminOrder.noCommission')}</p>
        ) : (
          <DataTable
            columns={[
              { label: t('orders.date') },
              { label: t('adminOrder.event') },
              { label: t('adminOrder.bucket') },
              { label: t('rep.commission'), align: 'right' },
            ]}
          >
            {order.commissionEntries.map((entry) => (
              <tr key={entry.id} className="border-t border-slate-200" data-testid="ledger-entry">
                <td className="p-2">{date(entry.createdAt, 'datetime')}</td>
                <td className="p-2">
                  {t(`adminOrder.event.${entry.event}`)}
                  {entry.instalment !== null
                    ? ` · ${t('adminOrder.instalment', { number: entry.instalment })}`
                    : ''}
                </td>
                <td className="p-2">{t(`rep.state.${entry.bucket}`)}</td>
                <td className="p-2 text-right">{money(entry.amountCents)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  )
}

/** All or part of what was paid with Stripe back to the buyer. */
function RefundForm({
  refundable,
  refundKey,
  lastResult,
}: {
  refundable: number
  refundKey: string
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t, money } = useT()
  const navigation = useNavigation()
  const schema = refundSchema(refundable)
  const [form, fields] = useContractForm(schema, {
    id: 'refund',
    lastResult,
    defaultValue: { amount: centsToDecimalText(refundable) },
  })
  return (
    <>
      <FormErrors form={form} />
      <Form method="post" className="flex flex-wrap items-start gap-3" {...formProps(form)}>
        <input type="hidden" name="intent" value="refund" />
        <input type="hidden" name="requestKey" value={refundKey} />
        <Field
          meta={fields.amount}
          label={t('adminOrder.refundAmount', { max: money(refundable) })}
          inputProps={{ inputMode: 'decimal' }}
        />
        <Field
          meta={fields.reason}
          label={t('adminOrder.refundReason')}
          inputProps={{ maxLength: MAX_REFUND_REASON }}
        />
        <Button
          type="submit"
          variant="danger"
          className="mt-6"
          disabled={navigation.state !== 'idle'}
        >
          {navigation.formData?.get('intent') === 'refund'
            ? t('adminOrder.refunding')
            : t('adminOrder.refund')}
        </Button>
      </Form>
    </>
  )
}

/**
 * The order's next step: one button per move allowed from here; invoicing takes the invoice
 * number, shipping the tracking code (only the fields a move from here can use are shown).
 */
function StatusForm({
  next,
  lastResult,
}: {
  next: OrderStatus[]
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(OrderStatusSchema, { id: 'order-status', lastResult })
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'status'
  return (
    <Panel id="status-heading" title={t('tracking.move')}>
      <FormErrors form={form} />
      <Form method="post" className="space-y-3" {...formProps(form)}>
        <input type="hidden" name="intent" value="status" />
        {next.includes('INVOICED') || next.includes('SHIPPED') ? (
          <p className="text-sm text-slate-600">{t('tracking.moveHint')}</p>
        ) : null}
        <div className="flex flex-wrap items-start gap-3">
          {next.includes('INVOICED') ? (
            <Field
              meta={fields.invoiceNumber}
              label={t('tracking.invoiceNumber')}
              inputProps={{ maxLength: MAX_INVOICE_NUMBER, autoComplete: 'off' }}
            />
          ) : null}
          {next.includes('SHIPPED') ? (
            <Field
              meta={fields.trackingCode}
              label={t('tracking.trackingCode')}
              inputProps={{ maxLength: MAX_TRACKING_CODE, autoComplete: 'off' }}
            />
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          {next.map((status) => (
            <Button
              key={status}
              type="submit"
              name="status"
              value={status}
              disabled={busy}
              variant={status === 'CANCELLED' ? 'danger' : 'secondary'}
            >
              {t(`adminOrder.to.${status}`)}
            </Button>
          ))}
        </div>
      </Form>
    </Panel>
  )
}

/**
 * Which instalments the customer paid, and a form to record each payment ("comissão na
 * liquidez" earns each one's share of the commission when the setting is on).
 */
function InstalmentPayments({
  instalments,
  paid,
  onPayment,
  placedAt,
  invoiced,
}: {
  instalments: { number: number; dueDate: string; amountCents: number }[]
  paid: { number: number; paidAt: string }[]
  onPayment: boolean
  placedAt: string
  invoiced: boolean
}) {
  const { t, money, day } = useT()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const recorded = actionData && 'recorded' in actionData ? actionData.recorded : null
  const paidOn = new Map(paid.map((p) => [p.number, p.paidAt]))
  const today = localDateIn(new Date(), BRASILIA_TIME_ZONE)
  const earliest = localDateIn(new Date(placedAt), BRASILIA_TIME_ZONE)
  return (
    <Panel id="instalment-payments" title={t('instalments.paidColumn')}>
      {onPayment ? <p className="text-sm text-slate-700">{t('instalments.onPaymentOn')}</p> : null}
      {invoiced ? null : <p className="text-sm text-slate-700">{t('instalments.afterInvoice')}</p>}
      {recorded ? (
        <Alert tone="success">
          {recorded.earnedCents > 0
            ? t('instalments.recordedEarned', {
                number: recorded.number,
                amount: money(recorded.earnedCents),
              })
            : t('instalments.recorded', { number: recorded.number })}
        </Alert>
      ) : null}
      <ul className="space-y-2 text-sm">
        {instalments.map((instalment) => {
          const paidAt = paidOn.get(instalment.number)
          return (
            <li
              key={instalment.number}
              data-testid="instalment-payment"
              className="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-2"
            >
              <span className="min-w-[14rem]">
                {t('adminOrder.instalment', { number: instalment.number })} ·{' '}
                {day(instalment.dueDate)} · {money(instalment.amountCents)}
              </span>
              {paidAt ? (
                <span data-testid="instalment-paid" className="font-semibold text-emerald-800">
                  {t('instalments.paid', {
                    date: day(localDateIn(new Date(paidAt), BRASILIA_TIME_ZONE)),
                  })}
                </span>
              ) : !invoiced ? (
                <span className="text-slate-600">{t('instalments.open')}</span>
              ) : (
                <InstalmentPaymentForm
                  number={instalment.number}
                  today={today}
                  earliest={earliest}
                  lastResult={
                    actionData?.form === 'instalment' && navigation.state === 'idle' && !recorded
                      ? actionData.result
                      : undefined
                  }
                />
              )}
            </li>
          )
        })}
      </ul>
    </Panel>
  )
}

function InstalmentPaymentForm({
  number,
  today,
  earliest,
  lastResult,
}: {
  number: number
  today: string
  earliest: string
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const mine = lastResult && lastResult.initialValue?.number === String(number)
  const [form, fields] = useContractForm(InstalmentPaymentSchema, {
    id: `instalment-${number}`,
    lastResult: mine ? lastResult : undefined,
    defaultValue: { number: String(number), paidOn: today },
  })
  const busy =
    navigation.state === 'submitting' &&
    navigation.formData?.get('intent') === 'instalment' &&
    navigation.formData?.get('number') === String(number)
  return (
    <Form method="post" className="flex flex-wrap items-end gap-2" {...formProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="instalment" />
      <input type="hidden" name={fields.number.name} value={number} />
      <Field
        meta={fields.paidOn}
        type="date"
        label={t('instalments.paidOn', { number })}
        inputProps={{ min: earliest, max: today }}
      />
      <Button type="submit" variant="secondary" disabled={busy}>
        {t('instalments.record', { number })}
      </Button>
    </Form>
  )
}
