import { parseWithZod } from '@conform-to/zod'
import { json, redirect } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRouteLoaderData,
} from '@remix-run/react'
import {
  ChoiceGroupField,
  Field,
  FormErrors,
  formProps,
  SelectField,
  TextareaField,
  useContractForm,
} from '~/components/forms'
import { SegmentFields } from '~/components/segment-fields'
import { Panel } from '~/components/ui/panel'
import { Button } from '~/components/ui/primitives'
import { accountFilterOptions } from '~/domain/accounts/portfolio.server'
import {
  CAMPAIGN_SCHEDULES,
  campaignSchema,
  CampaignSegmentSchema,
} from '~/domain/campaigns/campaign-form'
import {
  CAMPAIGN_FORM_FIELDS,
  campaignOfferOptions,
  campaignSchemaForSave,
  createCampaign,
  defaultTemplate,
  SegmentFilters,
  segmentSize,
} from '~/domain/campaigns/campaigns.server'
import { type loader as rootLoader } from '~/root'
import { requireStaff } from '~/utils/auth.server'
import { formMessage } from '~/utils/form-schema'
import { isLocale, LOCALES } from '~/utils/i18n'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.newCampaign') },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'campaigns:manage')
  const [options, offers] = await Promise.all([accountFilterOptions(), campaignOfferOptions()])
  const templates = Object.fromEntries(LOCALES.map((locale) => [locale, defaultTemplate(locale)]))
  return json({ options, offers, templates })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'campaigns:manage')
  const formData = await request.formData()
  if (formData.get('intent') === 'preview') {
    // Counting needs only the segment: the message may still be half written.
    const submission = parseWithZod(formData, { schema: CampaignSegmentSchema })
    if (submission.status !== 'success') {
      return json({ result: submission.reply(), preview: null }, { status: 400 })
    }
    const preview = await segmentSize(SegmentFilters.parse(submission.value))
    return json({ result: submission.reply(), preview })
  }
  const submission = await parseWithZod(formData, {
    schema: campaignSchemaForSave({ timeZone: user.timeZone, now: new Date() }),
    async: true,
  })
  if (submission.status !== 'success') {
    return json({ result: submission.reply(), preview: null }, { status: 400 })
  }
  const { segment, campaign } = submission.value
  const result = await createCampaign(user.id, SegmentFilters.parse(segment), campaign)
  if (!result.ok) {
    const field = CAMPAIGN_FORM_FIELDS[result.code]
    const message =
      result.code === 'UNKNOWN_PLACEHOLDER'
        ? formMessage('campaignForm.unknownPlaceholders', { count: 1, detail: result.detail ?? '' })
        : formMessage(`campaignForm.error.${result.code}`)
    const reply = submission.reply(
      field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] },
    )
    return json({ result: reply, preview: null }, { status: 400 })
  }
  return redirect(`/admin/campaigns/${result.campaignId}?created=${result.queued ?? 'scheduled'}`)
}

// What the fields accept does not depend on the time zone or the clock.
// The campaign's fields and the browser's checks; the dates are checked against now on submit.
const campaignFormShape = campaignSchema({ timeZone: 'UTC', now: new Date(0) })

export default function NewCampaignPage() {
  const { options, offers, templates } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, locale } = useT()
  const timeZone = useRouteLoaderData<typeof rootLoader>('root')?.timeZone ?? 'America/Sao_Paulo'
  const [form, fields] = useContractForm(campaignFormShape, {
    id: 'new-campaign',
    lastResult: actionData?.result,
    defaultValue: { status: ['INACTIVE'], family: [], locale, schedule: 'NOW' },
    // The preview checks the segment only; saving checks the whole campaign, now.
    schemaFor: (formData) =>
      formData.get('intent') === 'preview'
        ? CampaignSegmentSchema
        : campaignSchema({ timeZone, now: new Date() }),
  })
  const chosenLanguage = fields.locale.value
  const language = isLocale(chosenLanguage) ? chosenLanguage : locale
  const template = templates[language] ?? templates['pt-BR']!
  // What was typed comes back after a refusal; a language switch brings that language's text.
  const typed = fields.subject.initialValue !== undefined && fields.locale.initialValue === language
  const schedule = fields.schedule.value ?? 'NOW'
  const busy = navigation.state !== 'idle'
  const list = (value: unknown) => [value ?? []].flat().map(String)

  return (
    <div className="max-w-5xl space-y-4">
      <Link to="/admin/campaigns" className="text-sm text-brand-700 underline">
        {t('campaigns.back')}
      </Link>
      <h1 className="text-2xl font-bold">{t('campaigns.new')}</h1>
      <FormErrors form={form} />
      <Form method="post" className="space-y-6" {...formProps(form)}>
        <Panel id="segment-heading" title={t('campaignForm.segment')}>
          <SegmentFields
            values={{
              status: list(fields.status.initialValue),
              minDays: String(fields.minDays.initialValue ?? ''),
              maxDays: String(fields.maxDays.initialValue ?? ''),
              state: String(fields.state.initialValue ?? ''),
              city: String(fields.city.initialValue ?? ''),
              repId: String(fields.repId.initialValue ?? ''),
              segment: String(fields.segment.initialValue ?? ''),
              family: list(fields.family.initialValue),
            }}
            options={options}
            fields={{
              minDays: fields.minDays,
              maxDays: fields.maxDays,
              state: fields.state,
              city: fields.city,
              repId: fields.repId,
              segment: fields.segment,
            }}
          />
          <div className="flex flex-wrap items-center gap-3">
            {/* Counting needs only the segment: the message's checks wait for the send. */}
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
            <Field meta={fields.name} label={t('campaignForm.name')} />
            <SelectField meta={fields.offerId} label={t('campaignForm.offer')}>
              <option value="">{t('campaignForm.noOffer')}</option>
              {offers.map((offer) => (
                <option key={offer.id} value={offer.id}>
                  {offer.code ? `${offer.code} · ${offer.name}` : offer.name}
                </option>
              ))}
            </SelectField>
            <SelectField meta={fields.locale} label={t('campaignForm.language')}>
              {LOCALES.map((option) => (
                <option key={option} value={option}>
                  {t(`campaignForm.locale.${option}`)}
                </option>
              ))}
            </SelectField>
          </div>
          {/* The key swaps in the language's template when the language changes. */}
          <div key={language} className="space-y-3">
            <Field
              meta={fields.subject}
              label={t('campaignForm.subject')}
              inputProps={{
                defaultValue: typed ? fields.subject.initialValue : template.subject,
              }}
            />
            <TextareaField
              meta={fields.message}
              label={t('campaignForm.body')}
              hint={t('campaignForm.placeholders')}
              textareaProps={{
                rows: 8,
                defaultValue: typed ? fields.message.initialValue : template.message,
              }}
            />
          </div>
        </Panel>

        <Panel id="schedule-heading" title={t('campaignForm.when')}>
          <ChoiceGroupField
            meta={fields.schedule}
            type="radio"
            legend={<span className="sr-only">{t('campaignForm.when')}</span>}
            optionsClassName="flex flex-wrap gap-4"
            options={CAMPAIGN_SCHEDULES.map((option) => ({
              value: option,
              label: t(`campaignForm.schedule.${option}`),
            }))}
          />
          {schedule !== 'NOW' ? (
            <Field
              meta={fields.startsAt}
              type="datetime-local"
              label={t('campaignForm.startsAt')}
              hint={schedule === 'ONCE' ? undefined : t('campaignForm.recurringHint')}
              className="max-w-xs"
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
