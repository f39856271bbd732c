import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ChannelLabel, OrderStatusBadge } from '~/components/order-badges'
import { Alert, Button, Field } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import { formatCnpj } from '~/domain/accounts/cnpj'
import {
  AccountEdit,
  accountFilterOptions,
  CommercialTermsEdit,
  commercialTermOptions,
  getAccountDetail,
  updateAccount,
  updateCommercialTerms,
} from '~/domain/accounts/portfolio.server'
import { startImpersonation } from '~/domain/identity/impersonation.server'
import { requireStaff } from '~/utils/auth.server'
import { centsToDecimalText } from '~/utils/money'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.account.tradeName} · Reativa` : 'Reativa' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'accounts:view')
  const [account, options, commercial] = await Promise.all([
    getAccountDetail(params.accountId ?? ''),
    accountFilterOptions(),
    commercialTermOptions(),
  ])
  if (!account) throw new Response('Not found', { status: 404 })
  return json({ account, reps: options.reps, commercial })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  if (form.get('intent') === 'impersonate') {
    await requireStaff(request, 'orders:on-behalf')
    const result = await startImpersonation(request, String(form.get('userId') ?? ''))
    if (!result.ok) throw new Response('Not found', { status: 404 })
    return redirect('/catalog', { headers: { 'Set-Cookie': result.cookie } })
  }
  const user = await requireStaff(request, 'accounts:edit')
  if (form.get('intent') === 'commercial') {
    const parsedTerms = CommercialTermsEdit.safeParse({
      priceListId: form.get('priceListId') ?? '',
      termCodes: form.getAll('termCodes').map(String),
      minimumOrder: form.get('minimumOrder') ?? '',
    })
    const saved = parsedTerms.success
      ? await updateCommercialTerms(user.id, params.accountId ?? '', parsedTerms.data)
      : ({ ok: false, code: 'INVALID_MINIMUM' } as const)
    if (!saved.ok && saved.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    return json(
      {
        result: saved.ok
          ? saved.changed
            ? ('SAVED' as const)
            : ('UNCHANGED' as const)
          : saved.code,
        fields: [] as string[],
        commercial: true,
      },
      { status: saved.ok ? 200 : 400 },
    )
  }
  const parsed = AccountEdit.safeParse(Object.fromEntries(form))
  if (!parsed.success) {
    return json(
      { result: 'INVALID' as const, fields: Object.keys(parsed.error.flatten().fieldErrors) },
      { status: 400 },
    )
  }
  const result = await updateAccount(user.id, params.accountId ?? '', parsed.data)
  if (!result.ok && result.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
  if (!result.ok) return json({ result: result.code, fields: ['repId'] }, { status: 400 })
  return json({
    result: result.changed ? ('SAVED' as const) : ('UNCHANGED' as const),
    fields: [] as string[],
  })
}

const messages = {
  INVALID: 'account.invalid',
  UNKNOWN_REP: 'account.unknownRep',
  SAVED: 'account.saved',
  UNCHANGED: 'account.unchanged',
  INVALID_MINIMUM: 'account.invalidMinimum',
  UNKNOWN_PRICE_LIST: 'account.unknownPriceList',
  UNKNOWN_TERM: 'account.unknownTerm',
} as const

/** What a save on this page came to: saved or unchanged, or why not. */
function ResultAlert({ result }: { result: keyof typeof messages }) {
  const { t } = useT()
  const ok = result === 'SAVED' || result === 'UNCHANGED'
  return <Alert tone={ok ? 'success' : 'error'}>{t(messages[result])}</Alert>
}

export default function AccountPage() {
  const { account, reps, commercial } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, date, money } = useT()
  const invalid = (field: string) =>
    actionData?.fields.includes(field) ? t('account.invalid') : undefined
  const section = 'space-y-3 rounded-lg border border-slate-200 bg-white p-4'
  return (
    <div className="space-y-6">
      <div>
        <Link to="/admin/accounts" className="text-sm underline">
          {t('accounts.title')}
        </Link>
        <h1 className="text-2xl font-bold">{account.tradeName}</h1>
        <p className="text-slate-600">
          {account.legalName} · {formatCnpj(account.cnpj)} · {account.city} / {account.state}
        </p>
        <p className="mt-1">
          <strong data-testid="account-status">{t(`status.${account.status}`)}</strong>
          {account.lastOrderAt
            ? ` · ${t('accounts.lastOrder')}: ${date(account.lastOrderAt)}`
            : null}
          {' · '}
          {account.medianIntervalDays
            ? t('account.cadence', { days: account.medianIntervalDays })
            : t('account.noCadence')}
          {account.expectedNextOrderAt
            ? ` · ${t('account.expectedNext', { date: date(account.expectedNextOrderAt) })}`
            : null}
        </p>
        {account.reactivations[0] ? (
          <p className="text-emerald-800" data-testid="reactivated">
            {t('account.reactivatedVia', {
              date: date(account.reactivations[0].reactivatedAt),
              channel: t(`channel.${account.reactivations[0].channel}`),
            })}
            {account.reactivations[0].invitation ? (
              <>
                {' · '}
                {account.reactivations[0].invitation.campaign ? (
                  <Link
                    to={`/admin/campaigns/${account.reactivations[0].invitation.campaign.id}`}
                    className="underline"
                  >
                    {t('account.reactivatedByCampaign', {
                      campaign: account.reactivations[0].invitation.campaign.name,
                    })}
                  </Link>
                ) : (
                  t('account.reactivatedByRepInvitation')
                )}
              </>
            ) : null}
          </p>
        ) : null}
      </div>

      <div className="grid gap-6 xl:grid-cols-2">
        <section aria-labelledby="contact-heading" className={section}>
          <h2 id="contact-heading" className="text-lg font-semibold">
            {t('account.contact')}
          </h2>
          {actionData && !('commercial' in actionData) ? (
            <ResultAlert result={actionData.result} />
          ) : null}
          {account.emailBouncedAt ? (
            <div data-testid="email-bounced">
              <Alert tone="warning">
                {t('account.emailBounced', {
                  date: date(account.emailBouncedAt),
                  reason: account.emailBounceReason ?? '—',
                })}
              </Alert>
            </div>
          ) : null}
          <Form method="post" className="grid gap-3 sm:grid-cols-2" noValidate>
            <Field
              label={t('account.tradeName')}
              name="tradeName"
              defaultValue={account.tradeName}
              required
              error={invalid('tradeName')}
            />
            <Field
              label={t('account.email')}
              name="email"
              type="email"
              defaultValue={account.email ?? ''}
              error={invalid('email')}
            />
            <Field
              label={t('account.phone')}
              name="phone"
              defaultValue={account.phone ?? ''}
              error={invalid('phone')}
            />
            <Field
              label={t('account.street')}
              name="street"
              defaultValue={account.street ?? ''}
              error={invalid('street')}
            />
            <Field
              label={t('accounts.city')}
              name="city"
              defaultValue={account.city}
              required
              error={invalid('city')}
            />
            <Field
              label={t('accounts.state')}
              name="state"
              defaultValue={account.state}
              maxLength={2}
              required
              error={invalid('state')}
            />
            <Field
              label={t('account.postalCode')}
              name="postalCode"
              defaultValue={account.postalCode ?? ''}
              error={invalid('postalCode')}
            />
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              {t('accounts.rep')}
              <select
                name="repId"
                defaultValue={account.repId ?? ''}
                className="rounded-md border border-slate-300 px-3 py-2 text-base font-normal"
              >
                <option value="">{t('accounts.noRep')}</option>
                {reps.map((rep) => (
                  <option key={rep.id} value={rep.id}>
                    {rep.code} · {rep.name}
                  </option>
                ))}
              </select>
            </label>
            <div className="sm:col-span-2">
              <Button type="submit" disabled={navigation.state === 'submitting'}>
                {navigation.state === 'submitting' ? t('common.saving') : t('common.save')}
              </Button>
            </div>
          </Form>
          <Form
            method="post"
            className="grid gap-3 border-t border-slate-200 pt-3 sm:grid-cols-2"
            aria-labelledby="commercial-heading"
          >
            <h3 id="commercial-heading" className="font-semibold sm:col-span-2">
              {t('account.commercial')}
            </h3>
            <input type="hidden" name="intent" value="commercial" />
            {actionData && 'commercial' in actionData ? (
              <div className="sm:col-span-2">
                <ResultAlert result={actionData.result} />
              </div>
            ) : null}
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              {t('account.priceList')}
              <select
                name="priceListId"
                defaultValue={account.priceListId ?? ''}
                className="rounded-md border border-slate-300 px-3 py-2 text-base font-normal"
              >
                <option value="">{t('account.listPrice')}</option>
                {commercial.priceLists.map((list) => (
                  <option key={list.id} value={list.id}>
                    {list.name}
                  </option>
                ))}
              </select>
            </label>
            <Field
              label={t('account.minimumOrder')}
              name="minimumOrder"
              inputMode="decimal"
              defaultValue={centsToDecimalText(account.minimumOrderCents)}
              hint={money(account.minimumOrderCents)}
            />
            <fieldset className="sm:col-span-2">
              <legend className="text-sm font-medium text-slate-700">{t('account.terms')}</legend>
              <div className="mt-1 flex flex-wrap gap-4">
                {commercial.paymentTerms.map((code) => (
                  <label key={code} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="termCodes"
                      value={code}
                      defaultChecked={account.paymentTerms.some((term) => term.code === code)}
                    />
                    {t('checkout.termDays', { code })}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="sm:col-span-2">
              <Button
                type="submit"
                variant="secondary"
                disabled={navigation.state === 'submitting'}
              >
                {t('account.saveCommercial')}
              </Button>
            </div>
          </Form>
        </section>

        <section aria-labelledby="buyers-heading" className={section}>
          <h2 id="buyers-heading" className="text-lg font-semibold">
            {t('account.buyers')}
          </h2>
          {account.users.length === 0 ? (
            <p className="text-sm text-slate-600">{t('account.noBuyers')}</p>
          ) : null}
          <ul className="space-y-2">
            {account.users.map((buyer) => (
              <li
                key={buyer.id}
                className="flex flex-wrap items-center justify-between gap-2 text-sm"
              >
                <span>
                  {buyer.name} · {buyer.email}
                  <span className="block text-xs text-slate-600">
                    {t('account.lastLogin')}:{' '}
                    {buyer.lastLoginAt ? date(buyer.lastLoginAt, 'datetime') : t('account.never')}
                  </span>
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="impersonate" />
                  <input type="hidden" name="userId" value={buyer.id} />
                  <Button type="submit" variant="secondary" title={t('account.impersonateHint')}>
                    {t('account.impersonate')}
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
          <h2 className="pt-2 text-lg font-semibold">{t('account.invitations')}</h2>
          <p className="text-sm text-slate-600">{t('account.invitationsEmpty')}</p>
        </section>
      </div>

      <section aria-labelledby="orders-heading" className={section}>
        <h2 id="orders-heading" className="text-lg font-semibold">
          {t('account.orders')}
        </h2>
        <p className="text-sm text-slate-600">
          {t('account.ordersCount', { count: account._count.orders })}
        </p>
        <DataTable
          columns={[
            { label: t('orders.number') },
            { label: t('orders.date') },
            { label: t('orders.channel') },
            { label: t('orders.status') },
            { label: t('orders.items'), align: 'right' },
            { label: t('orders.total'), align: 'right' },
          ]}
        >
          {account.orders.map((order) => (
            <tr key={order.id} className="border-t border-slate-200">
              <td className="p-2">
                <Link to={`/admin/orders/${order.id}`} className="text-brand-700 underline">
                  #{order.id}
                </Link>
                {order.externalRef ? (
                  <span className="block text-xs text-slate-600">
                    {t('orders.erpRef', { ref: order.externalRef })}
                  </span>
                ) : null}
              </td>
              <td className="p-2">{date(order.placedAt)}</td>
              <td className="p-2">
                <ChannelLabel channel={order.channel} />
              </td>
              <td className="p-2">
                <OrderStatusBadge status={order.status} />
              </td>
              <td className="p-2 text-right">{order._count.lines}</td>
              <td className="p-2 text-right">{money(order.totalCents)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <div className="grid gap-6 xl:grid-cols-2">
        <section aria-labelledby="history-heading" className={section}>
          <h2 id="history-heading" className="text-lg font-semibold">
            {t('account.statusHistory')}
          </h2>
          <DataTable
            columns={[
              { label: t('account.when') },
              { label: t('account.from') },
              { label: t('account.to') },
            ]}
          >
            {account.statusChanges.map((change) => (
              <tr key={change.id} className="border-t border-slate-200">
                <td className="p-2">{date(change.changedAt)}</td>
                <td className="p-2">
                  {change.fromStatus ? t(`status.${change.fromStatus}`) : '—'}
                </td>
                <td className="p-2">{t(`status.${change.toStatus}`)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
        <section aria-labelledby="reps-heading" className={section}>
          <h2 id="reps-heading" className="text-lg font-semibold">
            {t('account.repHistory')}
          </h2>
          <DataTable columns={[{ label: t('account.when') }, { label: t('accounts.rep') }]}>
            {account.repAssignments.map((assignment) => (
              <tr key={assignment.id} className="border-t border-slate-200">
                <td className="p-2">{date(assignment.assignedAt)}</td>
                <td className="p-2">
                  {assignment.rep
                    ? `${assignment.rep.code} · ${assignment.rep.name}`
                    : t('accounts.noRep')}
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      </div>
    </div>
  )
}
