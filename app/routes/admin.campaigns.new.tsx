import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { SegmentFields, selectClass } from '~/components/segment-fields'
import { Alert, Button, Field } from '~/components/ui/primitives'
import { accountFilterOptions } from '~/domain/accounts/portfolio.server'
import {
  CampaignForm,
  campaignOfferOptions,
  createCampaign,
  defaultTemplate,
  segmentFromParams,
  segmentSize,
  type CreateCampaignError,
  type SegmentSize,
} from '~/domain/campaigns/campaigns.server'
import { requireStaff } from '~/utils/auth.server'
import { zonedLocalToUtc } from '~/utils/dates'
import { LOCALES } from '~/utils/i18n'
import { useT } from '~/utils/use-t'
import { Panel } from '~/components/ui/panel'

export const meta: MetaFunction = () => [{ title: 'Nova campanha · Reativa' }]

const SCHEDULES = ['NOW', 'ONCE', 'FORTNIGHTLY', 'MONTHLY'] as const
const FIELDS = ['name', 'locale', 'subject', 'message', 'offerId', 'schedule', 'startsAt'] as const
type FormError =
  | { code: 'INVALID'; field: (typeof FIELDS)[number] }
  | {
      code:
        | Exclude<CreateCampaignError, 'UNKNOWN_PLACEHOLDER'>
        | 'START_INVALID'
        | 'SEGMENT_INVALID'
    }
  | { code: 'UNKNOWN_PLACEHOLDER'; detail: string }
type ActionData = { preview: SegmentSize | null; error: FormError | null }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'campaigns:manage')
  const [options, offers] = await Promise.all([accountFilterOptions(), campaignOfferOptions()])
  const templates = Object.fromEntries(LOCALES.map((locale) => [locale, defaultTemplate(locale)]))
  return json({ options, offers, templates })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'campaigns:manage')
  const formData = await request.formData()
  const reply = (data: ActionData, status = 200) => json(data, { status })
  const params = new URLSearchParams()
  for (const [key, value] of formData) if (typeof value === 'string') params.append(key, value)
  const filters = segmentFromParams(params)
  if (!filters) return reply({ preview: null, error: { code: 'SEGMENT_INVALID' } }, 400)
  if (params.get('intent') === 'preview') {
    return reply({ preview: await segmentSize(filters), error: null })
  }
  const startsText = params.get('startsAt') ?? ''
  const startsAt = startsText ? zonedLocalToUtc(startsText, user.timeZone) : undefined
  if (startsAt === null) return reply({ preview: null, error: { code: 'START_INVALID' } }, 400)
  const form = CampaignForm.safeParse({
    name: params.get('name') ?? '',
    locale: params.get('locale') ?? '',
    subject: params.get('subject') ?? '',
    message: params.get('message') ?? '',
    offerId: params.get('offerId') ?? '',
    schedule: params.get('schedule') ?? '',
    startsAt,
  })
  if (!form.success) {
    const path = form.error.issues[0]?.path[0]
    const field = FIELDS.find((name) => name === path) ?? 'name'
    return reply({ preview: null, error: { code: 'INVALID', field } }, 400)
  }
  const result = await createCampaign(user.id, filters, form.data)
  if (!result.ok) {
    const error: FormError =
      result.code === 'UNKNOWN_PLACEHOLDER'
        ? { code: result.code, detail: result.detail ?? '' }
        : { code: result.code }
    return reply({ preview: null, error }, 400)
  }
  return redirect(`/admin/campaigns/${result.campaignId}?created=${result.queued ?? 'scheduled'}`)
}

const textareaClass = 'w-full rounded-md border border-slate-300 px-3 py-2 text-base'

export default function NewCampaignPage() {
  const { options, offers, templates } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, locale } = useT()
  const [language, setLanguage] = useState(locale)
  const [schedule, setSchedule] = useState<(typeof SCHEDULES)[number]>('NOW')
  const template = templates[language] ?? templates['pt-BR']!
  const busy = navigation.state !== 'idle'
  const error = actionData?.error
  const errorText = !error
    ? null
    : error.code === 'INVALID'
      ? t('campaignForm.error.INVALID', { field: t(`campaignForm.field.${error.field}`) })
      : error.code === 'UNKNOWN_PLACEHOLDER'
        ? t('campaignForm.error.UNKNOWN_PLACEHOLDER', { detail: error.detail })
        : t(`campaignForm.error.${error.code}`)

  return (
    <div className="max-w-5xl space-y-4">
      <Link to="/admin/campaigns" className="text-sm text-brand-700 underline">
        {t('campaigns.back')}
      </Link>
      <h1 className="text-2xl font-bold">{t('campaigns.new')}</h1>
      {errorText ? <Alert tone="error">{errorText}</Alert> : null}
      <Form method="post" className="space-y-6">
        <Panel id="segment-heading" title={t('campaignForm.segment')}>
          <SegmentFields values={{ status: ['INACTIVE'], family: [] }} options={options} />
          <div className="flex flex-wrap items-center gap-3">
            {/* Counting needs only the segment: skip the message fields' validation. */}
            <Button
              type="submit"
              name="intent"
              value="preview"
              variant="secondary"
              formNoValidate
              disabled={busy}
            >
              {t('campaignForm.preview')}
            </Button>
            <p aria-live="polite" className="text-sm" data-testid="segment-size">
              {actionData?.preview
                ? t('campaignForm.size', {
                    total: actionData.preview.total,
                    reachable: actionData.preview.reachable,
                    noEmail: actionData.preview.skipped.noEmail,
                    bounced: actionData.preview.skipped.bounced,
                    optedOut: actionData.preview.skipped.optedOut,
                  })
                : null}
            </p>
          </div>
        </Panel>

        <Panel id="message-heading" title={t('campaignForm.message')}>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              label={t('campaignForm.name')}
              name="name"
              required
              minLength={3}
              maxLength={120}
            />
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              {t('campaignForm.offer')}
              <select name="offerId" className={selectClass} defaultValue="">
                <option value="">{t('campaignForm.noOffer')}</option>
                {offers.map((offer) => (
                  <option key={offer.id} value={offer.id}>
                    {offer.code ? `${offer.code} · ${offer.name}` : offer.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              {t('campaignForm.language')}
              <select
                name="locale"
                className={selectClass}
                value={language}
                onChange={(event) => setLanguage(event.target.value as typeof language)}
              >
                {LOCALES.map((option) => (
                  <option key={option} value={option}>
                    {t(`campaignForm.locale.${option}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {/* The key swaps in the language's template when the language changes. */}
          <div key={language} className="space-y-3">
            <Field
              label={t('campaignForm.subject')}
              name="subject"
              defaultValue={template.subject}
              required
              maxLength={200}
            />
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              {t('campaignForm.body')}
              <textarea
                name="message"
                rows={8}
                required
                maxLength={5000}
                defaultValue={template.message}
                className={textareaClass}
                aria-describedby="placeholders-hint"
              />
            </label>
            <p id="placeholders-hint" className="text-xs text-slate-600">
              {t('campaignForm.placeholders')}
            </p>
          </div>
        </Panel>

        <Panel id="schedule-heading" title={t('campaignForm.when')}>
          <fieldset className="flex flex-wrap gap-4">
            <legend className="sr-only">{t('campaignForm.when')}</legend>
            {SCHEDULES.map((option) => (
              <label key={option} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="schedule"
                  value={option}
                  checked={schedule === option}
                  onChange={() => setSchedule(option)}
                />
                {t(`campaignForm.schedule.${option}`)}
              </label>
            ))}
          </fieldset>
          {schedule !== 'NOW' ? (
            <Field
              label={t('campaignForm.startsAt')}
              name="startsAt"
              type="datetime-local"
              required
              hint={schedule === 'ONCE' ? undefined : t('campaignForm.recurringHint')}
            />
          ) : null}
          <Button type="submit" name="intent" value="create" disabled={busy}>
            {busy && navigation.formData?.get('intent') === 'create'
              ? t('campaignForm.queueing')
              : schedule === 'NOW'
                ? t('campaignForm.sendNow')
                : t('campaignForm.schedule')}
          </Button>
        </Panel>
      </Form>
    </div>
  )
}
