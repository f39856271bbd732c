import { type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLocation } from '@remix-run/react'
import { Pagination } from '~/components/pagination'
import { Button } from '~/components/ui/primitives'
import { formatPhone } from '~/domain/accounts/phones'
import { QUEUE_REASONS, QUEUE_RULES } from '~/domain/outreach/queue'
import { type callQueue } from '~/domain/outreach/queue.server'
import {
  ContactLogForm,
  OutreachNotice,
  PhoneLink,
  type OutreachReply,
} from '~/components/outreach'
import { BRASILIA_TIME_ZONE, localDateIn } from '~/utils/dates'
import { useT } from '~/utils/use-t'

type Queue = SerializeFrom<Awaited<ReturnType<typeof callQueue>>>
type Row = Queue['rows'][number]

/**
 * The call queue as the back office (/admin/calls) and a rep (/rep/calls) see it: the filter by
 * reason with its counts, then one card per account saying why, how to reach it, what it usually
 * buys and the last contact, with the contact form and the WhatsApp invitation.
 */
export function CallQueue({
  queue,
  reason,
  reply,
  accountHref,
  canOrderForThem,
}: {
  queue: Queue
  reason: string | null
  reply: OutreachReply | null | undefined
  accountHref: (accountId: string) => string
  canOrderForThem: boolean
}) {
  const { t } = useT()
  const location = useLocation()
  const names = new Map(queue.rows.map((row) => [row.id, row.tradeName]))
  const chip = (value: string | null, label: string, count: number) => {
    const params = new URLSearchParams()
    if (value) params.set('reason', value)
    const active = value === reason
    return (
      <li key={value ?? 'all'}>
        <Link
          to={`${location.pathname}${params.size ? `?${params}` : ''}`}
          aria-current={active ? 'page' : undefined}
          className={`inline-block rounded-full border px-3 py-1 text-sm ${active ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white hover:bg-slate-100'}`}
        >
          {label} ({count})
        </Link>
      </li>
    )
  }
  return (
    <div className="space-y-4">
      <p className="text-slate-700">{t('calls.intro', { days: QUEUE_RULES.WORKED_DAYS })}</p>
      <nav aria-label={t('calls.filter')}>
        <ul className="flex flex-wrap gap-2" data-testid="queue-filter">
          {chip(null, t('calls.all'), queue.all)}
          {QUEUE_REASONS.map((value) =>
            chip(value, t(`calls.reason.${value}`), queue.byReason[value]),
          )}
        </ul>
      </nav>
      <OutreachNotice reply={reply} accountName={(id) => names.get(id) ?? ''} />
      <p className="font-semibold" data-testid="queue-count">
        {t('calls.count', { count: queue.total })}
      </p>
      {queue.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
          {t('calls.empty')}
        </p>
      ) : (
        <ol className="space-y-3">
          {queue.rows.map((row) => (
            <QueueCard
              key={row.id}
              row={row}
              reply={reply}
              href={accountHref(row.id)}
              canOrderForThem={canOrderForThem}
            />
          ))}
        </ol>
      )}
      <Pagination page={queue.page} pageCount={queue.pageCount} />
    </div>
  )
}

function QueueCard({
  row,
  reply,
  href,
  canOrderForThem,
}: {
  row: Row
  reply: OutreachReply | null | undefined
  href: string
  canOrderForThem: boolean
}) {
  const { t, date, day } = useT()
  const headingId = `queue-${row.id}`
  const failed = reply?.form === 'contact' && reply.accountId === row.id && !reply.logged
  return (
    <li
      aria-labelledby={headingId}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="queue-row"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={headingId} className="text-lg font-semibold">
          <Link to={href} className="underline">
            {row.tradeName}
          </Link>
        </h2>
        <span className="text-sm text-slate-600">
          {row.city} / {row.state} · {t(`status.${row.status}`)}
          {row.rep ? ` · ${t('calls.rep')}: ${row.rep.code} · ${row.rep.name}` : null}
        </span>
      </div>
      <ul className="flex flex-wrap gap-1" aria-label={t('calls.reasons')}>
        {row.reasons.map((reason) => (
          <li
            key={reason}
            className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900"
            data-reason={reason}
          >
            {t(`calls.reason.${reason}`)}
          </li>
        ))}
      </ul>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline text-slate-600">{t('calls.phone')}: </dt>
          <dd className="inline" data-testid="queue-phone">
            <PhoneLink phone={row.phone} wrongAt={row.phoneWrongAt} />
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{t('account.whatsapp')}: </dt>
          <dd className="inline">{row.whatsapp ? formatPhone(row.whatsapp) : '—'}</dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{t('calls.lastOrder')}: </dt>
          <dd className="inline">
            {row.lastOrderAt
              ? `${date(row.lastOrderAt)} (${t('calls.daysSilent', { count: row.daysSilent ?? 0 })})`
              : t('calls.neverOrdered')}
            {row.medianIntervalDays
              ? ` · ${t('calls.cadence', { days: row.medianIntervalDays })}`
              : null}
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{t('account.email')}: </dt>
          <dd className="inline">
            {row.email ?? '—'}
            {row.emailBouncedAt ? (
              <span className="ml-1 text-xs font-semibold text-amber-800">
                ({t('calls.emailBounced')})
              </span>
            ) : null}
            {row.preferredChannel
              ? ` · ${t('calls.preferred', { channel: t(`contactChannel.${row.preferredChannel}`) })}`
              : null}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="inline text-slate-600">{t('calls.basket')}: </dt>
          <dd className="inline" data-testid="queue-basket">
            {row.basket.length
              ? row.basket
                  .map((item) => `${item.quantity} × ${item.name} (${item.unit})`)
                  .join('; ')
              : t('calls.noBasket')}
          </dd>
        </div>
      </dl>
      {row.callBackAt ? (
        <p className="text-sm font-medium">
          {t('calls.callBackDue', {
            date: day(localDateIn(new Date(row.callBackAt), BRASILIA_TIME_ZONE)),
          })}
        </p>
      ) : null}
      {row.lastContact ? (
        <p className="text-sm text-slate-600">
          {t('calls.lastContact', {
            outcome: t(`outreach.outcome.${row.lastContact.outcome}`),
            date: date(row.lastContact.createdAt, 'datetime'),
            name: row.lastContact.user.name,
          })}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {row.phone || row.whatsapp ? (
          <Form method="post">
            <input type="hidden" name="intent" value="whatsapp" />
            <input type="hidden" name="accountId" value={row.id} />
            <Button type="submit" variant="secondary" aria-describedby={headingId}>
              {t('calls.inviteWhatsapp')}
            </Button>
          </Form>
        ) : null}
        {canOrderForThem ? (
          row.buyerUserId ? (
            <Form method="post">
              <input type="hidden" name="intent" value="impersonate" />
              <input type="hidden" name="userId" value={row.buyerUserId} />
              <Button
                type="submit"
                variant="secondary"
                title={t('account.impersonateHint')}
                aria-describedby={headingId}
              >
                {t('calls.orderForThem')}
              </Button>
            </Form>
          ) : (
            <span className="text-xs text-slate-600">{t('calls.noBuyer')}</span>
          )
        ) : null}
      </div>
      <details open={failed} className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer font-medium">
          {t('outreach.form.title')}
          <span className="sr-only">: {row.tradeName}</span>
        </summary>
        <div className="pt-3">
          <ContactLogForm
            accountId={row.id}
            accountName={row.tradeName}
            reply={reply}
            hasWhatsapp={!!row.whatsapp}
          />
        </div>
      </details>
    </li>
  )
}
