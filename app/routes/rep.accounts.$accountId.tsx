import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { orderLeadColumns, OrderRowLeadCells } from '~/components/order-badges'
import { Pagination } from '~/components/pagination'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import { formatCnpj } from '~/domain/accounts/cnpj'
import { formatPhone, telHref } from '~/domain/accounts/phones'
import { upcomingExpectedOrder } from '~/domain/accounts/inactivity'
import { getRepAccountDetail } from '~/domain/accounts/portfolio.server'
import { listAccountInvitations } from '~/domain/campaigns/account-invitations.server'
import { sendPersonalInvitation } from '~/domain/campaigns/campaigns.server'
import { listAccountOrders } from '~/domain/orders/order-history.server'
import { loadUsualBasket } from '~/domain/accounts/usual-basket.server'
import { requireRep } from '~/utils/auth.server'
import { formMessage } from '~/utils/form-schema'
import { useFormMessage } from '~/components/forms'
import { namedTitle } from '~/utils/meta'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: namedTitle(matches, data ? data.account.tradeName : null) },
]

function notFound(): never {
  throw new Response('Not found', { status: 404 })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRep(request)
  // Another rep's account answers as an unknown one does: 404, telling nothing about it.
  const account = await getRepAccountDetail(user.repId, params.accountId ?? '')
  if (!account) notFound()
  const page = Number(new URL(request.url).searchParams.get('page') ?? 1)
  const [orders, usual, invitations] = await Promise.all([
    listAccountOrders(account.id, page),
    loadUsualBasket(account.id),
    listAccountInvitations(account.id),
  ])
  return json({
    account: {
      id: account.id,
      tradeName: account.tradeName,
      legalName: account.legalName,
      cnpj: account.cnpj,
      city: account.city,
      state: account.state,
      phone: account.phone,
      whatsapp: account.whatsapp,
      email: account.email,
      emailBouncedAt: account.emailBouncedAt,
      status: account.status,
      lastOrderAt: account.lastOrderAt,
      medianIntervalDays: account.medianIntervalDays,
      expectedNextOrderAt: upcomingExpectedOrder(account.expectedNextOrderAt, new Date()),
      buyers: account.users
        .filter((buyer) => buyer.active)
        .map(({ id, name, email }) => ({ id, name, email })),
      statusChanges: account.statusChanges,
    },
    orders,
    usual,
    invitations,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRep(request)
  const form = await request.formData()
  const channel = form.get('channel') === 'WHATSAPP' ? 'WHATSAPP' : 'EMAIL'
  const result = await sendPersonalInvitation(user, params.accountId ?? '', { channel })
  if (!result.ok && result.code === 'NOT_YOUR_ACCOUNT') notFound()
  return json(result, { status: result.ok ? 200 : 400 })
}

export default function RepAccountPage() {
  const { account, orders, usual, invitations } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const section = 'space-y-3 rounded-lg border border-slate-200 bg-white p-4'
  return (
    <div className="space-y-6">
      <div>
        <Link to="/rep/accounts" className="text-sm underline">
          {t('rep.accountsTitle')}
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
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="contact-heading" className={section}>
          <h2 id="contact-heading" className="text-lg font-semibold">
            {t('repAccount.contacts')}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">{t('account.phone')}</dt>
            <dd data-testid="account-phone">
              {account.phone ? (
                <a href={telHref(account.phone)} className="underline">
                  {formatPhone(account.phone)}
                </a>
              ) : (
                '—'
              )}
            </dd>
            <dt className="text-slate-600">{t('account.whatsapp')}</dt>
            <dd data-testid="account-whatsapp">
              {account.whatsapp ? formatPhone(account.whatsapp) : '—'}
            </dd>
            <dt className="text-slate-600">{t('account.email')}</dt>
            <dd className="[overflow-wrap:anywhere]" data-testid="account-email">
              {account.email ? (
                <a href={`mailto:${account.email}`} className="underline">
                  {account.email}
                </a>
              ) : (
                '—'
              )}
              {account.emailBouncedAt ? (
                <span className="block text-xs text-amber-800">{t('rep.invite.bounced')}</span>
              ) : null}
            </dd>
          </dl>
          <h3 className="pt-2 font-semibold">{t('account.buyers')}</h3>
          {account.buyers.length ? (
            <ul className="space-y-1 text-sm">
              {account.buyers.map((buyer) => (
                <li key={buyer.id} className="[overflow-wrap:anywhere]">
                  {buyer.name} ·{' '}
                  <a href={`mailto:${buyer.email}`} className="underline">
                    {buyer.email}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t('repAccount.noBuyers')}</p>
          )}
        </section>

        <section aria-labelledby="invitations-heading" className={section}>
          <h2 id="invitations-heading" className="text-lg font-semibold">
            {t('account.invitations')}
          </h2>
          <InviteForm account={account} />
          <Invitations {...invitations} />
        </section>
      </div>

      <section aria-labelledby="orders-heading" className={section}>
        <h2 id="orders-heading" className="text-lg font-semibold">
          {t('account.orders')}
        </h2>
        {orders.total === 0 ? (
          <p className="text-sm text-slate-600">{t('account.noOrders')}</p>
        ) : (
          <>
            <DataTable
              columns={[
                ...orderLeadColumns(t),
                { label: t('orders.items'), align: 'right' },
                { label: t('orders.total'), align: 'right' },
              ]}
            >
              {orders.orders.map((order) => (
                <OrderRow key={order.id} order={order} />
              ))}
            </DataTable>
            <Pagination page={orders.page} pageCount={orders.pageCount} />
          </>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="usual-heading" className={section}>
          <h2 id="usual-heading" className="text-lg font-semibold">
            {t('repAccount.usualBasket')}
          </h2>
          {usual ? (
            <DataTable
              columns={[
                { label: t('repAccount.product') },
                { label: t('repAccount.usualQuantity'), align: 'right' },
              ]}
            >
              {usual.items.map((item) => (
                <tr key={item.id} className="border-t border-slate-200" data-testid="usual-item">
                  <td className="p-2">
                    {item.name}
                    <span className="block text-xs text-slate-600">{item.sku}</span>
                  </td>
                  <td className="p-2 text-right">{item.quantity}</td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p className="text-sm text-slate-600">{t('repAccount.noUsualBasket')}</p>
          )}
        </section>

        <section aria-labelledby="history-heading" className={section}>
          <h2 id="history-heading" className="text-lg font-semibold">
            {t('account.statusHistory')}
          </h2>
          {account.statusChanges.length ? (
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
          ) : (
            <p className="text-sm text-slate-600">{t('repAccount.noStatusChanges')}</p>
          )}
        </section>
      </div>
    </div>
  )
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

function OrderRow({ order }: { order: LoaderData['orders']['orders'][number] }) {
  const { money } = useT()
  return (
    <tr className="border-t border-slate-200" data-testid="account-order">
      {/* Read-only: the rep area has no order page, so the number is not a link. */}
      <OrderRowLeadCells order={order} />
      <td className="p-2 text-right">{order._count.lines}</td>
      <td className="p-2 text-right">{money(order.totalCents)}</td>
    </tr>
  )
}

/**
 * The invite buttons, by email or by WhatsApp, with the answer (sent, or why not) right beside
 * them. A WhatsApp invitation answers with the click-to-chat link for the rep to open.
 */
function InviteForm({ account }: { account: LoaderData['account'] }) {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useT()
  const sending = navigation.state === 'submitting'
  if (!account.email || account.emailBouncedAt) {
    return (
      <p className="text-sm text-slate-600">
        {t(account.emailBouncedAt ? 'rep.invite.error.BOUNCED' : 'rep.invite.error.NO_EMAIL')}
      </p>
    )
  }
  const describedBy = actionData ? 'invite-answer' : undefined
  return (
    <Form method="post" className="flex flex-wrap items-center gap-3">
      <Button
        type="submit"
        name="channel"
        value="EMAIL"
        variant="secondary"
        disabled={sending}
        aria-describedby={describedBy}
      >
        {sending ? t('rep.invite.sending') : t('repAccount.inviteByEmail')}
      </Button>
      {account.phone || account.whatsapp ? (
        <Button
          type="submit"
          name="channel"
          value="WHATSAPP"
          variant="secondary"
          disabled={sending}
          aria-describedby={describedBy ?? 'whatsapp-hint'}
        >
          {t('repAccount.inviteByWhatsapp')}
        </Button>
      ) : null}
      {(account.phone || account.whatsapp) && !actionData ? (
        <p id="whatsapp-hint" className="w-full text-xs text-slate-600">
          {t('repAccount.whatsappHint')}
        </p>
      ) : null}
      {actionData ? (
        <div
          id="invite-answer"
          className="w-full sm:w-auto sm:min-w-0 sm:flex-1"
          data-testid="invite-answer"
        >
          <Alert tone={actionData.ok ? 'success' : 'error'}>
            {!actionData.ok ? (
              t(`rep.invite.error.${actionData.code}`)
            ) : actionData.whatsappUrl ? (
              <>
                {t('repAccount.whatsappReady')}{' '}
                <a
                  href={actionData.whatsappUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="font-semibold underline"
                  data-testid="whatsapp-link"
                >
                  {t('repAccount.openWhatsapp')}
                </a>
              </>
            ) : (
              t('rep.invite.sent')
            )}
          </Alert>
        </div>
      ) : null}
    </Form>
  )
}

/** The account's latest invitations and how each went; campaigns are named, not linked. */
function Invitations({ invitations, older }: LoaderData['invitations']) {
  const { t, date } = useT()
  const message = useFormMessage()
  if (invitations.length === 0) {
    return <p className="text-sm text-slate-600">{t('account.invitationsEmpty')}</p>
  }
  return (
    <>
      <DataTable
        columns={[
          { label: t('account.when') },
          { label: t('account.invitation.origin') },
          { label: t('campaigns.step') },
        ]}
      >
        {invitations.map((invitation) => (
          <tr
            key={invitation.id}
            className="border-t border-slate-200"
            data-testid="account-invitation"
          >
            <td className="p-2">
              {date(invitation.sentAt ?? invitation.createdAt, 'datetime')}
              <span className="block text-xs [overflow-wrap:anywhere] text-slate-600">
                {invitation.channel === 'WHATSAPP'
                  ? t('account.channel.WHATSAPP')
                  : invitation.email}
              </span>
            </td>
            <td className="p-2">
              {invitation.campaign
                ? t('account.invitation.campaign', { campaign: invitation.campaign.name })
                : invitation.sender
                  ? t('account.invitation.rep', { name: invitation.sender })
                  : t('account.invitation.repUnknown')}
            </td>
            <td className="p-2">
              {t(`invitationStep.${invitation.step}`)}
              {invitation.link ? (
                <span className="block text-xs text-slate-600">
                  {t(
                    invitation.link.expired
                      ? 'account.invitation.expired'
                      : 'account.invitation.validUntil',
                    { date: date(invitation.link.expiresAt) },
                  )}
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {older > 0 ? (
        <p className="text-sm text-slate-600">
          {message(formMessage('account.invitationsOlder', { count: older }))}
        </p>
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
