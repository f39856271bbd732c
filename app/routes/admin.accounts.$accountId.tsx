import { parseWithZod } from '@conform-to/zod'
import { json, redirectDocument } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react'
import { FormErrors, formProps, useContractForm, useFormMessage } from '~/components/forms'
import { AccountContactFields } from '~/components/account-contact-fields'
import { BuyersPanel } from '~/components/buyers-panel'
import { orderLeadColumns, OrderRowLeadCells } from '~/components/order-badges'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import { upcomingExpectedOrder } from '~/domain/accounts/inactivity'
import {
  AccountEditSchema,
  CommercialTermsSchema,
  editableAccountFields,
} from '~/domain/accounts/account-forms'
import { formatCnpj } from '~/domain/accounts/cnpj'
import { formatPhone } from '~/domain/accounts/phones'
import {
  COMMERCIAL_TERMS_FIELDS,
  commercialTermOptions,
  commercialTermsSchemaForSave,
  updateCommercialTerms,
} from '~/domain/accounts/commercial-terms.server'
import {
  accountEditSchemaForSave,
  accountFilterOptions,
  getAccountDetail,
  updateAccount,
} from '~/domain/accounts/portfolio.server'
import { buyerFormAction, listBuyers } from '~/domain/accounts/buyers.server'
import { listAccountInvitations } from '~/domain/campaigns/account-invitations.server'
import { startImpersonation } from '~/domain/identity/impersonation.server'
import {
  contactFormAction,
  noteFormAction,
  whatsappInviteAction,
} from '~/domain/outreach/outreach-actions.server'
import { accountTimeline } from '~/domain/outreach/timeline.server'
import { AccountTimeline, ContactLogForm, OutreachNotice } from '~/components/outreach'
import { Panel } from '~/components/ui/panel'
import { requireStaff } from '~/utils/auth.server'
import { getLocale } from '~/utils/locale.server'
import { can } from '~/utils/permissions'
import { formMessage } from '~/utils/form-schema'
import { centsToDecimalText } from '~/utils/money'
import { useT } from '~/utils/use-t'
import { namedTitle } from '~/utils/meta'
import { CommercialTermsFields } from '~/components/commercial-terms-fields'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: namedTitle(matches, data ? data.account.tradeName : null) },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'accounts:view')
  const accountId = params.accountId ?? ''
  const timelineLimit = Number(new URL(request.url).searchParams.get('timeline') ?? 0)
  const [account, options, commercial, invitations, buyers, timeline] = await Promise.all([
    getAccountDetail(accountId),
    accountFilterOptions(),
    commercialTermOptions(),
    listAccountInvitations(accountId),
    listBuyers(accountId),
    accountTimeline(accountId, timelineLimit),
  ])
  if (!account) throw new Response('Not found', { status: 404 })
  return json({
    account: {
      ...account,
      expectedNextOrderAt: upcomingExpectedOrder(account.expectedNextOrderAt, new Date()),
    },
    // Who may move the account to another rep; the telesales team fixes contact data only.
    reps: can(user.role, 'accounts:edit') ? options.reps : null,
    commercial,
    invitations,
    buyers,
    timeline,
    canImpersonate: can(user.role, 'orders:on-behalf'),
    canEdit: can(user.role, 'accounts:edit'),
    canOpenOrders: can(user.role, 'orders:manage'),
    canWork: can(user.role, 'calls:work'),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  if (form.get('intent') === 'impersonate') {
    await requireStaff(request, 'orders:on-behalf')
    const result = await startImpersonation(request, String(form.get('userId') ?? ''))
    if (!result.ok) throw new Response('Not found', { status: 404 })
    return redirectDocument('/catalog', { headers: { 'Set-Cookie': result.cookie } })
  }
  const accountId = params.accountId ?? ''
  const intent = String(form.get('intent') ?? '')
  if (intent === 'contact' || intent === 'note' || intent === 'whatsapp') {
    const worker = await requireStaff(request, 'calls:work')
    // This page's account, whatever the form says.
    form.set('accountId', accountId)
    const reply =
      intent === 'note'
        ? await noteFormAction(worker, accountId, form)
        : intent === 'whatsapp'
          ? await whatsappInviteAction(worker, form)
          : await contactFormAction(worker, form)
    return json(reply.data, { status: reply.status })
  }
  if (!intent) return contactDataAction(request, accountId, form)
  const user = await requireStaff(request, 'accounts:edit')
  if (intent.startsWith('buyer-')) {
    const reply = await buyerFormAction(
      { kind: 'staff', userId: user.id },
      accountId,
      form,
      await getLocale(request),
    )
    return json(reply.data, { status: reply.status })
  }
  if (form.get('intent') === 'commercial') {
    const submission = await parseWithZod(form, {
      schema: commercialTermsSchemaForSave(),
      async: true,
    })
    if (submission.status !== 'success') {
      return json(
        { form: 'commercial' as const, result: submission.reply(), saved: null },
        { status: 400 },
      )
    }
    const saved = await updateCommercialTerms(user.id, accountId, submission.value)
    if (!saved.ok && saved.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    if (!saved.ok) {
      const { field, message } = COMMERCIAL_TERMS_FIELDS[saved.code]
      const result = submission.reply({ fieldErrors: { [field]: [formMessage(message)] } })
      return json({ form: 'commercial' as const, result, saved: null }, { status: 400 })
    }
    return json({
      form: 'commercial' as const,
      result: submission.reply(),
      saved: saved.changed > 0,
    })
  }
  throw new Response('Unknown form', { status: 400 })
}

/** The contact data form: the telesales team may fix numbers and addresses, not the rep. */
async function contactDataAction(request: Request, accountId: string, form: FormData) {
  const user = await requireStaff(request, 'accounts:contact')
  // Whoever may not edit the account changes only its contact data, whatever the form says.
  const only = editableAccountFields(user.role)
  const submission = await parseWithZod(form, { schema: accountEditSchemaForSave(), async: true })
  if (submission.status !== 'success') {
    return json(
      { form: 'details' as const, result: submission.reply(), saved: null },
      { status: 400 },
    )
  }
  const saved = await updateAccount(user.id, accountId, submission.value, new Date(), only)
  if (!saved.ok && saved.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
  if (!saved.ok) {
    const result = submission.reply({ fieldErrors: { repId: [formMessage('account.unknownRep')] } })
    return json({ form: 'details' as const, result, saved: null }, { status: 400 })
  }
  return json({ form: 'details' as const, result: submission.reply(), saved: saved.changed > 0 })
}

/** A save that went through: saved, or nothing to change. */
function SavedAlert({ changed }: { changed: boolean }) {
  const { t } = useT()
  return <Alert tone="success">{t(changed ? 'account.saved' : 'account.unchanged')}</Alert>
}

export default function AccountPage() {
  const message = useFormMessage()
  const {
    account,
    reps,
    commercial,
    invitations,
    buyers,
    timeline,
    canImpersonate,
    canEdit,
    canWork,
    canOpenOrders,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const outreach =
    actionData?.form === 'contact' || actionData?.form === 'note' || actionData?.form === 'whatsapp'
      ? actionData
      : null
  const { t, date, money } = useT()
  const [searchParams] = useSearchParams()
  const section = 'space-y-3 rounded-lg border border-slate-200 bg-white p-4'
  return (
    <div className="space-y-6">
      {searchParams.get('created') === '1' && !actionData ? (
        <Alert tone="success">{t('accountNew.created')}</Alert>
      ) : null}
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
          <ContactForm
            account={account}
            reps={reps}
            lastResult={actionData?.form === 'details' ? actionData : null}
          />
          {canEdit ? (
            <CommercialForm
              account={account}
              commercial={commercial}
              lastResult={actionData?.form === 'commercial' ? actionData : null}
            />
          ) : null}
        </section>

        <section aria-labelledby="buyers-heading" className={section}>
          <h2 id="buyers-heading" className="text-lg font-semibold">
            {t('account.buyers')}
          </h2>
          <BuyersPanel
            readOnly={!canEdit}
            buyers={buyers}
            reply={
              actionData?.form === 'buyer-add' || actionData?.form === 'buyer-row'
                ? actionData
                : null
            }
            rowExtras={(buyer) =>
              canImpersonate ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="impersonate" />
                  <input type="hidden" name="userId" value={buyer.id} />
                  <Button type="submit" variant="secondary" title={t('account.impersonateHint')}>
                    {t('account.impersonate')}
                  </Button>
                </Form>
              ) : null
            }
          />
          <h2 id="invitations-heading" className="pt-2 text-lg font-semibold">
            {t('account.invitations')}
          </h2>
          <AccountInvitations {...invitations} />
        </section>
      </div>

      {canWork ? (
        <div className="grid gap-6 xl:grid-cols-2">
          <Panel id="outreach-heading" title={t('outreach.form.title')}>
            {account.phoneWrongAt ? (
              <Alert tone="warning">
                {t('calls.wrongNumber', { date: date(account.phoneWrongAt) })}
              </Alert>
            ) : null}
            <OutreachNotice reply={outreach} accountName={() => account.tradeName} />
            <ContactLogForm
              accountId={account.id}
              accountName={account.tradeName}
              reply={outreach}
              hasWhatsapp={!!account.whatsapp}
            />
            {account.whatsapp || account.phone ? (
              <Form method="post">
                <input type="hidden" name="intent" value="whatsapp" />
                <Button type="submit" variant="secondary">
                  {t('calls.inviteWhatsapp')}
                </Button>
              </Form>
            ) : null}
          </Panel>
          <Panel id="timeline-heading" title={t('timeline.title')}>
            <AccountTimeline
              timeline={timeline}
              reply={outreach}
              canAddNote
              orderHref={(id) => (canOpenOrders ? `/admin/orders/${id}` : null)}
            />
          </Panel>
        </div>
      ) : null}

      <section aria-labelledby="orders-heading" className={section}>
        <h2 id="orders-heading" className="text-lg font-semibold">
          {t('account.orders')}
        </h2>
        <p className="text-sm text-slate-600">
          {account._count.orders === 0
            ? t('account.noOrders')
            : message(
                formMessage(
                  account._count.orders > account.orders.length
                    ? 'account.ordersRecent'
                    : 'account.ordersCount',
                  { count: account._count.orders, shown: account.orders.length },
                ),
              )}
        </p>
        <DataTable
          columns={[
            ...orderLeadColumns(t),
            { label: t('orders.items'), align: 'right' },
            { label: t('orders.total'), align: 'right' },
          ]}
        >
          {account.orders.map((order) => (
            <tr key={order.id} className="border-t border-slate-200">
              <OrderRowLeadCells
                order={order}
                href={canOpenOrders ? `/admin/orders/${order.id}` : undefined}
              />
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

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type ActionData = Extract<
  NonNullable<ReturnType<typeof useActionData<typeof action>>>,
  { form: 'details' | 'commercial' }
>

/** The account's latest invitations, newest first, and how many older ones are not shown. */
function AccountInvitations({ invitations, older }: LoaderData['invitations']) {
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
              <span className="block text-xs text-slate-600">{invitation.email}</span>
            </td>
            <td className="p-2">
              {invitation.campaign ? (
                <Link
                  to={`/admin/campaigns/${invitation.campaign.id}`}
                  className="text-brand-700 underline"
                >
                  {t('account.invitation.campaign', { campaign: invitation.campaign.name })}
                </Link>
              ) : invitation.sender ? (
                t('account.invitation.rep', { name: invitation.sender })
              ) : (
                t('account.invitation.repUnknown')
              )}
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
        <p className="text-sm text-slate-600" data-testid="older-invitations">
          {message(formMessage('account.invitationsOlder', { count: older }))}
        </p>
      ) : null}
    </>
  )
}

/** Contact data and the assigned rep. */
function ContactForm({
  account,
  reps,
  lastResult,
}: {
  account: LoaderData['account']
  reps: LoaderData['reps']
  lastResult: ActionData | null
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(AccountEditSchema, {
    id: 'account-contact',
    lastResult: lastResult?.result,
    defaultValue: {
      tradeName: account.tradeName,
      email: account.email ?? '',
      phone: account.phone ? formatPhone(account.phone) : '',
      whatsapp: account.whatsapp ? formatPhone(account.whatsapp) : '',
      preferredChannel: account.preferredChannel ?? '',
      street: account.street ?? '',
      city: account.city,
      state: account.state,
      postalCode: account.postalCode ?? '',
      repId: account.repId ?? '',
    },
  })
  const busy = navigation.state === 'submitting' && !navigation.formData?.get('intent')
  return (
    <>
      {lastResult?.saved != null && form.status !== 'error' ? (
        <SavedAlert changed={lastResult.saved} />
      ) : null}
      <FormErrors form={form} />
      <Form method="post" className="grid gap-3 sm:grid-cols-2" {...formProps(form)}>
        <AccountContactFields fields={fields} reps={reps} />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </Button>
        </div>
      </Form>
    </>
  )
}

/** Price list, allowed payment terms and minimum order, each refusal beside its field. */
function CommercialForm({
  account,
  commercial,
  lastResult,
}: {
  account: LoaderData['account']
  commercial: LoaderData['commercial']
  lastResult: ActionData | null
}) {
  const { t, money } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(CommercialTermsSchema, {
    id: 'account-commercial',
    lastResult: lastResult?.result,
    defaultValue: {
      priceListId: account.priceListId ?? '',
      termCodes: account.paymentTerms.map((term) => term.code),
      minimumOrder: centsToDecimalText(account.minimumOrderCents),
    },
  })
  const busy =
    navigation.state === 'submitting' && navigation.formData?.get('intent') === 'commercial'
  return (
    <Form
      method="post"
      className="grid gap-3 border-t border-slate-200 pt-3 sm:grid-cols-2"
      aria-labelledby="commercial-heading"
      {...formProps(form)}
    >
      <h3 id="commercial-heading" className="font-semibold sm:col-span-2">
        {t('account.commercial')}
      </h3>
      <input type="hidden" name="intent" value="commercial" />
      {lastResult?.saved != null && form.status !== 'error' ? (
        <div className="sm:col-span-2">
          <SavedAlert changed={lastResult.saved} />
        </div>
      ) : null}
      <div className="sm:col-span-2 empty:hidden">
        <FormErrors form={form} />
      </div>
      <CommercialTermsFields
        fields={fields}
        priceLists={commercial.priceLists}
        paymentTerms={commercial.paymentTerms}
        minimumHint={money(account.minimumOrderCents)}
      />
      <div className="sm:col-span-2">
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('account.saveCommercial')}
        </Button>
      </div>
    </Form>
  )
}
