/**
 * The new-campaign form's schema, shared by the back office's action and its component: the
 * segment (the accounts filters) and the message, with every problem reported on its field.
 * `campaignSchemaForSave` (campaigns.server.ts) adds the check that needs the database.
 */
import { type AccountStatus, type CampaignSchedule } from '@prisma/client'
import { z } from 'zod'
import { zonedLocalToUtc } from '~/utils/dates'
import {
  addFormIssue,
  formMessage,
  optionalText,
  requiredText,
  wholeNumber,
} from '~/utils/form-schema'
import { LOCALES, type Locale } from '~/utils/i18n'
import { unknownPlaceholders } from './template'

export const CAMPAIGN_SCHEDULES = [
  'NOW',
  'ONCE',
  'FORTNIGHTLY',
  'MONTHLY',
] as const satisfies readonly CampaignSchedule[]

const STATUSES = [
  'NEVER_ORDERED',
  'ACTIVE',
  'AT_RISK',
  'INACTIVE',
  'LOST',
] as const satisfies readonly AccountStatus[]

const DAYS = formMessage('campaignForm.days')
const days = z
  .string()
  .trim()
  .refine((text) => text === '' || wholeNumber(text, 0, 100_000) !== null, DAYS)
  .optional()
const daysOf = (text: string | undefined) => (text ? Number(text) : undefined)

/** The segment: the back office's account filters (see SegmentFilters), as the form sends them. */
const segmentFields = {
  status: z.array(z.enum(STATUSES)).default([]),
  minDays: days,
  maxDays: days,
  state: optionalText(100),
  city: optionalText(100),
  repId: optionalText(100),
  segment: optionalText(100),
  family: z.array(z.string().max(40)).max(50).default([]),
}

/** The segment as the accounts filters take it. */
export type CampaignSegment = Omit<
  z.output<z.ZodObject<typeof segmentFields>>,
  'minDays' | 'maxDays'
> & {
  minDays?: number
  maxDays?: number
}

const toSegment = ({
  status,
  minDays,
  maxDays,
  state,
  city,
  repId,
  segment,
  family,
}: z.output<z.ZodObject<typeof segmentFields>>): CampaignSegment => ({
  status,
  minDays: daysOf(minDays),
  maxDays: daysOf(maxDays),
  state,
  city,
  repId,
  segment,
  family,
})

/** The segment part alone: what "count the segment" checks. */
export const CampaignSegmentSchema = z.object(segmentFields).transform(toSegment)

/** Placeholders that are not ours, reported on the field (subject or message) that has them. */
function knownPlaceholders(text: string, ctx: z.RefinementCtx) {
  const unknown = unknownPlaceholders(text)
  if (unknown.length) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: formMessage('campaignForm.unknownPlaceholders', {
        count: unknown.length,
        detail: unknown.join(', '),
      }),
    })
  }
}

const fields = z.object({
  ...segmentFields,
  name: requiredText(120, { min: 3 }),
  locale: z.enum(LOCALES, { errorMap: () => ({ message: formMessage('form.invalid') }) }),
  subject: requiredText(200, { min: 3 }).superRefine(knownPlaceholders),
  message: requiredText(5000, { min: 10 }).superRefine(knownPlaceholders),
  offerId: optionalText(40),
  schedule: z
    .enum(CAMPAIGN_SCHEDULES, { errorMap: () => ({ message: formMessage('form.invalid') }) })
    .default('NOW'),
  // datetime-local, in the manager's time zone; required unless sent now.
  startsAt: optionalText(16),
})

type CampaignFields = z.output<typeof fields>

/** A campaign as createCampaign takes it. */
export type CampaignInput = {
  name: string
  locale: Locale
  subject: string
  message: string
  offerId: string | null
  schedule: CampaignSchedule
  startsAt?: Date
}

export type CampaignFormContext = {
  /** The manager's time zone, in which the date and time are typed. */
  timeZone: string
  now: Date
}

/**
 * The whole form: the segment and the message. `context` places the start in the manager's
 * time zone and says what "in the past" is.
 */
export function campaignSchema(
  { timeZone, now }: CampaignFormContext,
  databaseChecks: (values: CampaignFields, ctx: z.RefinementCtx) => void | Promise<void> = () => {},
) {
  const startOf = (values: CampaignFields) =>
    values.startsAt ? zonedLocalToUtc(values.startsAt, timeZone) : null
  return fields
    .superRefine((values, ctx) => {
      if (values.schedule === 'NOW') return
      if (!values.startsAt)
        return addFormIssue(ctx, 'startsAt', 'campaignForm.error.START_REQUIRED')
      const startsAt = startOf(values)
      if (!startsAt) addFormIssue(ctx, 'startsAt', 'campaignForm.error.START_INVALID')
      else if (values.schedule === 'ONCE' && startsAt <= now) {
        addFormIssue(ctx, 'startsAt', 'campaignForm.error.START_IN_PAST')
      }
    })
    .superRefine(databaseChecks)
    .transform((values) => {
      const { name, locale, subject, message, offerId, schedule } = values
      const campaign: CampaignInput = {
        name,
        locale,
        subject,
        message,
        offerId: offerId || null,
        schedule,
        ...(schedule !== 'NOW' ? { startsAt: startOf(values) ?? undefined } : {}),
      }
      const filters = toSegment(values)
      return { campaign, segment: filters }
    })
}
