import { Form, Link, useNavigation } from '@remix-run/react'
import { type SubmissionResult } from '@conform-to/react'
import { type SerializeFrom } from '@remix-run/node'
import { type TimelineEvent } from '~/domain/outreach/timeline.server'
import {
  ChoiceGroupField,
  Field,
  FormErrors,
  formProps,
  SelectField,
  TextareaField,
  useContractForm,
} from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import { formatPhone, telHref } from '~/domain/accounts/phones'
import {
  CONTACT_OUTCOMES,
  ContactLogSchema,
  LOGGED_CHANNELS,
  NoteSchema,
} from '~/domain/outreach/contact-form'
import { MAX_NOTE } from '~/domain/outreach/stop-reason-form'
import { StopReasonOptions } from '~/components/stop-reason-options'
import { BRASILIA_TIME_ZONE, localDateIn } from '~/utils/dates'
import { useT } from '~/utils/use-t'

/** What the outreach actions answer (outreach-actions.server.ts), as the page receives it. */
export type OutreachReply =
  | {
      form: 'contact'
      accountId: string
      result: SubmissionResult<string[]>
      logged: { outcome: (typeof CONTACT_OUTCOMES)[number]; id: string; account: string } | null
    }
  | { form: 'note'; result: SubmissionResult<string[]>; saved: boolean }
  | {
      form: 'whatsapp'
      accountId: string
      sent: { ok: true; whatsappUrl: string | null } | { ok: false; code: string }
    }

/**
 * "Log a contact": one form for every outcome. The call-back day and the reason are always
 * there (a form that reshapes itself as a radio changes loses keyboard users); the schema
 * says which one the chosen outcome needs.
 */
export function ContactLogForm(props: {
  accountId: string
  accountName: string
  reply: OutreachReply | null | undefined
  hasWhatsapp: boolean
}) {
  const { reply, accountId } = props
  const mine = reply?.form === 'contact' && reply.accountId === accountId ? reply : null
  // Once logged, a new form for the next contact rather than a reset of this one.
  return mine?.logged ? (
    <ContactLogFields key={mine.logged.id} {...props} lastResult={undefined} />
  ) : (
    <ContactLogFields key="contact" {...props} lastResult={mine?.result} />
  )
}

function ContactLogFields({
  accountId,
  accountName,
  hasWhatsapp,
  lastResult,
}: {
  accountId: string
  accountName: string
  hasWhatsapp: boolean
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(ContactLogSchema, {
    id: `contact-${accountId}`,
    lastResult,
    defaultValue: { accountId, channel: 'PHONE' },
  })
  const busy =
    navigation.state === 'submitting' &&
    navigation.formData?.get('intent') === 'contact' &&
    navigation.formData?.get('accountId') === accountId
  return (
    <Form
      method="post"
      className="grid gap-3 sm:grid-cols-2"
      aria-label={`${t('outreach.form.title')}: ${accountName}`}
      {...formProps(form)}
    >
      <input type="hidden" name="intent" value="contact" />
      <input type="hidden" name={fields.accountId.name} value={accountId} />
      <div className="sm:col-span-2 empty:hidden">
        <FormErrors form={form} />
      </div>
      {hasWhatsapp ? (
        <ChoiceGroupField
          meta={fields.channel}
          type="radio"
          legend={t('outreach.form.channel')}
          className="sm:col-span-2"
          options={LOGGED_CHANNELS.map((channel) => ({
            value: channel,
            label: t(`contactChannel.${channel}`),
          }))}
        />
      ) : (
        <input type="hidden" name={fields.channel.name} value="PHONE" />
      )}
      <ChoiceGroupField
        meta={fields.outcome}
        type="radio"
        legend={t('outreach.form.outcome')}
        className="sm:col-span-2"
        optionsClassName="mt-1 grid gap-2 sm:grid-cols-2"
        options={CONTACT_OUTCOMES.map((outcome) => ({
          value: outcome,
          label: t(`outreach.outcome.${outcome}`),
        }))}
      />
      <Field meta={fields.callBackOn} type="date" label={t('outreach.form.callBackOn')} />
      <SelectField
        meta={fields.reason}
        label={t('outreach.form.reason')}
        hint={t('outreach.form.reasonHint')}
      >
        <StopReasonOptions none={t('outreach.form.reasonNone')} />
      </SelectField>
      <TextareaField
        meta={fields.note}
        label={t('outreach.form.note')}
        className="sm:col-span-2"
        textareaProps={{ rows: 2, maxLength: MAX_NOTE }}
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={busy}>
          {busy ? t('common.saving') : t('outreach.form.submit')}
        </Button>
      </div>
    </Form>
  )
}

/** The success line of a logged contact, or of a WhatsApp invitation with its link. */
export function OutreachNotice({
  reply,
  accountName,
}: {
  reply: OutreachReply | null | undefined
  accountName: (accountId: string) => string
}) {
  const { t } = useT()
  if (reply?.form === 'contact' && reply.logged) {
    return (
      <div data-testid="contact-logged">
        <Alert tone="success">
          {t('outreach.logged', {
            // From the answer: the account has left the queue's page by now.
            account: reply.logged.account,
            outcome: t(`outreach.outcome.${reply.logged.outcome}`),
          })}
        </Alert>
      </div>
    )
  }
  if (reply?.form !== 'whatsapp') return null
  return (
    <div data-testid="invite-answer">
      <Alert tone={reply.sent.ok ? 'success' : 'error'}>
        {reply.sent.ok ? (
          <>
            {t('calls.whatsappReady', { account: accountName(reply.accountId) })}{' '}
            <a
              href={reply.sent.whatsappUrl ?? '#'}
              target="_blank"
              rel="noopener noreferrer"
              className="font-semibold underline"
              data-testid="whatsapp-link"
            >
              {t('repAccount.openWhatsapp')}
            </a>
          </>
        ) : (
          t(`rep.invite.error.${reply.sent.code}` as 'rep.invite.error.NO_PHONE')
        )}
      </Alert>
    </div>
  )
}

/** A phone number to call, marked when a call found it wrong. */
export function PhoneLink({ phone, wrongAt }: { phone: string | null; wrongAt?: string | null }) {
  const { t, date } = useT()
  if (!phone) return <span className="text-slate-600">{t('calls.noPhone')}</span>
  return (
    <>
      <a href={telHref(phone)} className="underline">
        {formatPhone(phone)}
      </a>
      {wrongAt ? (
        <span className="ml-1 text-xs font-semibold text-amber-800">
          ({t('calls.wrongNumber', { date: date(wrongAt) })})
        </span>
      ) : null}
    </>
  )
}

type TimelineEventView = SerializeFrom<TimelineEvent>

/** The account's timeline, newest first, with a note form for staff. */
export function AccountTimeline({
  timeline,
  reply,
  canAddNote,
  orderHref,
}: {
  timeline: { events: TimelineEventView[]; more: boolean; limit: number }
  reply: OutreachReply | null | undefined
  canAddNote: boolean
  orderHref: (orderId: number) => string | null
}) {
  const { t, date } = useT()
  const navigation = useNavigation()
  const noteReply = reply?.form === 'note' ? reply : null
  const [form, fields] = useContractForm(NoteSchema, {
    id: 'account-note',
    lastResult: noteReply?.result,
  })
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'note'
  return (
    <div className="space-y-3">
      {canAddNote ? (
        <Form method="post" className="space-y-2" {...formProps(form)}>
          <input type="hidden" name="intent" value="note" />
          {noteReply?.saved ? <Alert tone="success">{t('timeline.noteSaved')}</Alert> : null}
          <TextareaField
            meta={fields.text}
            label={t('timeline.noteLabel')}
            textareaProps={{ rows: 2, maxLength: MAX_NOTE }}
          />
          <Button type="submit" variant="secondary" disabled={busy}>
            {t('timeline.addNote')}
          </Button>
        </Form>
      ) : null}
      {timeline.events.length === 0 ? (
        <p className="text-sm text-slate-600">{t('timeline.empty')}</p>
      ) : (
        <ol className="space-y-2 border-l-2 border-slate-200 pl-4" data-testid="timeline">
          {timeline.events.map((event) => (
            <li key={event.key} className="text-sm" data-kind={event.kind}>
              <time className="block text-xs text-slate-600" dateTime={event.at}>
                {date(event.at, 'datetime')}
              </time>
              <TimelineText event={event} orderHref={orderHref} />
            </li>
          ))}
        </ol>
      )}
      {timeline.more ? (
        <Link
          to={`?timeline=${timeline.limit * 2}#timeline-heading`}
          className="text-sm text-brand-700 underline"
          preventScrollReset
        >
          {t('timeline.more')}
        </Link>
      ) : null}
    </div>
  )
}

function Quote({ text }: { text: string | null }) {
  return text ? <q className="block text-slate-700">{text}</q> : null
}

function TimelineText({
  event,
  orderHref,
}: {
  event: TimelineEventView
  orderHref: (orderId: number) => string | null
}) {
  const { t, day, money } = useT()
  switch (event.kind) {
    case 'order': {
      const { order } = event
      const text = t('timeline.order', {
        ref: order.channel === 'ONLINE' ? `#${order.id}` : (order.externalRef ?? `#${order.id}`),
        channel: t(`channel.${order.channel}`),
        total: money(order.totalCents),
        status: t(`orderStatus.${order.status}`),
      })
      const href = orderHref(order.id)
      return href ? (
        <Link to={href} className="underline">
          {text}
        </Link>
      ) : (
        <span>{text}</span>
      )
    }
    case 'status': {
      const { change } = event
      const to = t(`status.${change.toStatus}`)
      return (
        <span>
          {change.fromStatus
            ? t('timeline.status', { from: t(`status.${change.fromStatus}`), to })
            : t('timeline.statusFirst', { to })}
        </span>
      )
    }
    case 'invitation':
      return (
        <span>
          {t(`timeline.invitation.${event.step}`, {
            channel: t(`contactChannel.${event.channel}`),
          })}
          {event.campaign ? ` · ${t('timeline.campaign', { name: event.campaign.name })}` : null}
        </span>
      )
    case 'contact': {
      const { contact } = event
      return (
        <span>
          {t('timeline.contact', {
            channel: t(`contactChannel.${contact.channel}`),
            outcome: t(`outreach.outcome.${contact.outcome}`),
            name: contact.user.name,
          })}
          {contact.callBackAt
            ? ` · ${t('timeline.callBack', { date: day(localDateIn(new Date(contact.callBackAt), BRASILIA_TIME_ZONE)) })}`
            : null}
          {contact.stopReason
            ? ` · ${t('timeline.reason', { reason: t(`outreach.reason.${contact.stopReason.reason}`) })}`
            : null}
          <Quote text={contact.note} />
        </span>
      )
    }
    case 'note':
      return (
        <span>
          {t('timeline.note', { name: event.note.author.name })}
          <Quote text={event.note.text} />
        </span>
      )
    case 'reason':
      return (
        <span>
          {t('timeline.reasonFrom', {
            source: t(`outreach.source.${event.answer.source}`),
            reason: t(`outreach.reason.${event.answer.reason}`),
          })}
          <Quote text={event.answer.comment} />
        </span>
      )
  }
}
