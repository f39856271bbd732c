import crypto from 'node:crypto'
import {
  type Campaign,
  type CampaignSchedule,
  type InvitationChannel,
  type Role,
  type Prisma,
} from '@prisma/client'
import { type z } from 'zod'
import { accountWhere, AccountFilters } from '~/domain/accounts/portfolio.server'
import { orderedRecently } from '~/domain/accounts/inactivity'
import { audit } from '~/domain/audit/audit.server'
import { bulkInsert } from '~/utils/bulk-insert.server'
import { prisma, type Tx } from '~/utils/db.server'
import { addFormIssue } from '~/utils/form-schema'
import { pageWindow } from '~/utils/paging'
import { isLocale, type Locale } from '~/utils/i18n'
import { translator } from '~/utils/i18n.server'
import { signingKey } from '~/utils/signing.server'
import { optOutsFor } from './invitations.server'
import { whatsappChatUrl } from '~/domain/accounts/phones'
import { can } from '~/utils/permissions'
import {
  INVITATION_TTL_DAYS,
  invitationToken,
  invitationUrl,
  newInvitationSecret,
} from './links.server'
import { campaignSchema, type CampaignFormContext, type CampaignInput } from './campaign-form'
import { unknownPlaceholders } from './template'

const DAY_MS = 86_400_000

/** A segment is the back office's account filters, without paging, sorting or free text. */
export const SegmentFilters = AccountFilters.omit({ sort: true, page: true, q: true })
export type SegmentFilters = z.infer<typeof SegmentFilters>

/** The segment of a submitted form, or null when a value is out of range or unknown. */
export function segmentFromParams(params: URLSearchParams): SegmentFilters | null {
  const parsed = SegmentFilters.safeParse({
    ...Object.fromEntries(params),
    status: params.getAll('status'),
    family: params.getAll('family').filter(Boolean),
  })
  return parsed.success ? parsed.data : null
}

function segmentWhere(filters: SegmentFilters, now: Date): Prisma.AccountWhereInput {
  return accountWhere({ ...filters, sort: 'name', page: 1 }, now)
}

type Candidate = {
  id: string
  email: string | null
  emailBouncedAt: Date | null
  repId: string | null
}

/** Who of the segment can get an email now, and why the others cannot. */
async function reachable(candidates: Candidate[]) {
  const optedOut = await optOutsFor(
    candidates.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])),
  )
  const skipped = { noEmail: 0, bounced: 0, optedOut: 0 }
  const accounts: (Candidate & { email: string })[] = []
  for (const candidate of candidates) {
    if (!candidate.email) skipped.noEmail++
    else if (candidate.emailBouncedAt) skipped.bounced++
    else if (optedOut.has(candidate.email.toLowerCase())) skipped.optedOut++
    else accounts.push({ ...candidate, email: candidate.email.toLowerCase() })
  }
  return { accounts, skipped }
}

const candidateSelect = { id: true, email: true, emailBouncedAt: true, repId: true } as const

export type SegmentSize = {
  total: number
  reachable: number
  skipped: { noEmail: number; bounced: number; optedOut: number }
}

export async function segmentSize(filters: SegmentFilters, now = new Date()): Promise<SegmentSize> {
  const candidates = await prisma.account.findMany({
    where: segmentWhere(filters, now),
    select: candidateSelect,
  })
  const { accounts, skipped } = await reachable(candidates)
  return { total: candidates.length, reachable: accounts.length, skipped }
}

/** A campaign's name, message, offer and schedule, as the new-campaign form gives them. */
export type CampaignForm = CampaignInput

/**
 * The new-campaign form's schema on the server (parse it with `async: true`): the browser's
 * checks, and an offer that exists and is not paused.
 */
export function campaignSchemaForSave(context: CampaignFormContext) {
  return campaignSchema(context, async (values, ctx) => {
    if (!values.offerId) return
    const offer = await prisma.offer.findUnique({
      where: { id: values.offerId },
      select: { paused: true },
    })
    if (!offer || offer.paused) addFormIssue(ctx, 'offerId', 'campaignForm.error.UNKNOWN_OFFER')
  })
}

/** Where the form shows each refusal of createCampaign (null: above the form). */
export const CAMPAIGN_FORM_FIELDS = {
  EMPTY_SEGMENT: null,
  UNKNOWN_OFFER: 'offerId',
  START_REQUIRED: 'startsAt',
  START_IN_PAST: 'startsAt',
  UNKNOWN_PLACEHOLDER: 'message',
} as const satisfies Record<CreateCampaignError, string | null>

export type CreateCampaignError =
  | 'EMPTY_SEGMENT'
  | 'UNKNOWN_OFFER'
  | 'START_REQUIRED'
  | 'START_IN_PAST'
  | 'UNKNOWN_PLACEHOLDER'

export type CreateCampaignResult =
  | { ok: true; campaignId: string; queued: number | null }
  | { ok: false; code: CreateCampaignError; detail?: string }

function step(schedule: CampaignSchedule, from: Date): Date | null {
  if (schedule === 'FORTNIGHTLY') return new Date(from.getTime() + 14 * DAY_MS)
  if (schedule === 'MONTHLY') {
    const next = new Date(from)
    next.setUTCMonth(next.getUTCMonth() + 1)
    return next
  }
  return null
}

/**
 * The run after one due at `from`, on the campaign's rhythm and after `now`: a server that was
 * down for weeks sends the missed run once, not once per missed period.
 */
export function nextRunAfter(schedule: CampaignSchedule, from: Date, now: Date): Date | null {
  let next = step(schedule, from)
  while (next && next <= now) next = step(schedule, next)
  return next
}

/**
 * Creates a campaign and, when it is due now, queues its invitations. Queueing only writes
 * rows (invitations and outbox messages): the worker sends them at the provider's pace.
 */
export async function createCampaign(
  actorId: string,
  filters: SegmentFilters,
  form: CampaignForm,
  now = new Date(),
): Promise<CreateCampaignResult> {
  const unknown = unknownPlaceholders(`${form.subject} ${form.message}`)
  if (unknown.length) return { ok: false, code: 'UNKNOWN_PLACEHOLDER', detail: unknown.join(', ') }
  if (form.schedule !== 'NOW' && !form.startsAt) return { ok: false, code: 'START_REQUIRED' }
  if (form.schedule === 'ONCE' && form.startsAt && form.startsAt <= now)
    return { ok: false, code: 'START_IN_PAST' }
  if (form.offerId) {
    const offer = await prisma.offer.findUnique({
      where: { id: form.offerId },
      select: { paused: true },
    })
    if (!offer || offer.paused) return { ok: false, code: 'UNKNOWN_OFFER' }
  }
  const resolved = await resolveSegment(filters, now, false)
  if (!resolved.accounts.length) return { ok: false, code: 'EMPTY_SEGMENT' }

  const startsAt =
    form.schedule === 'NOW' || !form.startsAt || form.startsAt < now ? now : form.startsAt
  const campaign = await prisma.$transaction(async (tx) => {
    const created = await tx.campaign.create({
      data: {
        name: form.name,
        filters: JSON.stringify(filters),
        offerId: form.offerId,
        locale: form.locale,
        subject: form.subject,
        message: form.message,
        schedule: form.schedule,
        nextRunAt: startsAt,
        createdById: actorId,
        createdAt: now,
      },
    })
    await audit(tx, {
      at: now,
      actorId,
      action: 'campaign.create',
      entity: 'Campaign',
      entityId: created.id,
      changes: { name: form.name, schedule: form.schedule, segment: resolved.accounts.length },
    })
    return created
  })
  // Due now: queue the segment just resolved rather than resolving it again.
  const queued = startsAt <= now ? await queueRun(campaign, resolved, now) : null
  return { ok: true, campaignId: campaign.id, queued: queued?.queued ?? null }
}

export type RunResult = { queued: number; skipped: SegmentSize['skipped'] & { active: number } }

type ResolvedSegment = Awaited<ReturnType<typeof reachable>> & { active: number }

/** The segment's reachable accounts now; later runs of a recurring campaign leave out ACTIVE ones. */
async function resolveSegment(
  filters: SegmentFilters,
  now: Date,
  onlyNotActive: boolean,
): Promise<ResolvedSegment> {
  const candidates = await prisma.account.findMany({
    where: segmentWhere(filters, now),
    select: { ...candidateSelect, status: true },
  })
  const kept = onlyNotActive ? candidates.filter((c) => c.status !== 'ACTIVE') : candidates
  return { ...(await reachable(kept)), active: candidates.length - kept.length }
}

/**
 * One run of a campaign: the segment as it is now (after the first run of a recurring
 * campaign, only accounts still not ACTIVE), minus unreachable contacts, becomes invitations
 * and outbox rows in one transaction.
 */
export async function runCampaign(campaignId: string, now = new Date()): Promise<RunResult | null> {
  const campaign = await prisma.campaign.findUnique({ where: { id: campaignId } })
  if (!campaign || campaign.cancelledAt || !campaign.nextRunAt || campaign.nextRunAt > now)
    return null
  const filters = SegmentFilters.parse(JSON.parse(campaign.filters))
  return queueRun(campaign, await resolveSegment(filters, now, campaign.runs > 0), now)
}

/**
 * Writes a run's invitations and outbox rows. The run is claimed by a conditional update on
 * the run counter in the same transaction, so two workers cannot both queue it.
 */
async function queueRun(
  campaign: Campaign,
  resolved: ResolvedSegment,
  now: Date,
): Promise<RunResult | null> {
  const key = await signingKey()
  const run = campaign.runs + 1
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS)
  const invitations = resolved.accounts.map((account) =>
    invitationRow(key, now, {
      campaignId: campaign.id,
      run,
      accountId: account.id,
      repId: account.repId,
      sentById: campaign.createdById,
      email: account.email,
      locale: campaign.locale,
      offerId: campaign.offerId,
      subject: campaign.subject,
      message: campaign.message,
      expiresAt,
    }),
  )
  const claimed = await prisma.$transaction(async (tx) => {
    const { count } = await tx.campaign.updateMany({
      where: { id: campaign.id, runs: campaign.runs, cancelledAt: null },
      data: {
        runs: run,
        lastRunAt: now,
        nextRunAt: nextRunAfter(campaign.schedule, campaign.nextRunAt ?? now, now),
      },
    })
    if (count !== 1) return false
    await insertInvitations(tx, invitations, now)
    return true
  })
  if (!claimed) return null
  return { queued: invitations.length, skipped: { ...resolved.skipped, active: resolved.active } }
}

type InvitationFields = {
  campaignId: string | null
  run: number
  accountId: string
  repId: string | null
  sentById: string | null
  email: string
  locale: string
  offerId: string | null
  subject: string
  message: string
  expiresAt: Date
}

/** An invitation row with its link secret; every row has the same columns (bulk insert). */
function invitationRow(key: Buffer, now: Date, fields: InvitationFields) {
  const secret = newInvitationSecret(key)
  return {
    id: secret.id,
    ...fields,
    nonce: secret.nonce,
    tokenHash: secret.tokenHash,
    createdAt: now,
  }
}

async function insertInvitations(
  tx: Tx,
  invitations: ReturnType<typeof invitationRow>[],
  now: Date,
) {
  await bulkInsert(tx, 'Invitation', invitations)
  await bulkInsert(
    tx,
    'OutboxMessage',
    invitations.map((invitation) => ({
      id: crypto.randomUUID(),
      idempotencyKey: `invitation:${invitation.id}`,
      kind: 'invitation',
      invitationId: invitation.id,
      to: invitation.email,
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    })),
  )
}

/** Runs every campaign whose time has come (scheduled and recurring ones). */
export async function runDueCampaigns(now = new Date()): Promise<number> {
  const due = await prisma.campaign.findMany({
    where: { cancelledAt: null, nextRunAt: { lte: now } },
    select: { id: true },
    orderBy: { nextRunAt: 'asc' },
  })
  let queued = 0
  for (const { id } of due) queued += (await runCampaign(id, now))?.queued ?? 0
  return queued
}

/** Stops future runs and drops what is still waiting to be sent; sent mail stays counted. */
export async function cancelCampaign(actorId: string, campaignId: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.campaign.updateMany({
      where: { id: campaignId, cancelledAt: null },
      data: { cancelledAt: now, nextRunAt: null },
    })
    if (!count) return { ok: false as const }
    const dropped = await tx.outboxMessage.updateMany({
      where: { status: 'PENDING', invitation: { campaignId } },
      data: { status: 'CANCELLED', lastError: 'campaign cancelled' },
    })
    await audit(tx, {
      actorId,
      action: 'campaign.cancel',
      entity: 'Campaign',
      entityId: campaignId,
      changes: { dropped: dropped.count },
    })
    return { ok: true as const, dropped: dropped.count }
  })
}

export type DefaultTemplate = { subject: string; message: string }

export function defaultTemplate(locale: Locale): DefaultTemplate {
  const t = translator(locale)
  return { subject: t('campaign.template.subject'), message: t('campaign.template.message') }
}

export type RepInviteResult =
  | {
      ok: true
      invitationId: string
      /** WhatsApp only: the click-to-chat link with the message and the invitation's link. */
      whatsappUrl: string | null
    }
  | {
      ok: false
      code:
        | 'NOT_YOUR_ACCOUNT'
        | 'RECENTLY_ACTIVE'
        | 'NO_EMAIL'
        | 'BOUNCED'
        | 'OPTED_OUT'
        | 'TOO_SOON'
        | 'NO_PHONE'
    }

export const REP_INVITE_COOLDOWN_HOURS = 24

/**
 * A person invites one account: a rep one of their own accounts, the sales or telesales team
 * any (their route checks `calls:work`). With the default message in the sender's language
 * and no offer, by email (through the outbox) or by WhatsApp (click-to-chat: the sender's own
 * WhatsApp opens with the message and the account's signed link to its WhatsApp number, or
 * its phone; nothing is sent by us). One invitation per account per day, whoever sent it and
 * however, so nobody is spammed. The message says "we miss you", so an ACTIVE account that
 * ordered recently is refused. By WhatsApp too the shop enters with its email, so the account
 * needs one that has not bounced.
 */
export async function sendPersonalInvitation(
  user: { id: string; role: Role; repId: string | null; locale: string; name: string },
  accountId: string,
  { channel = 'EMAIL', now = new Date() }: { channel?: InvitationChannel; now?: Date } = {},
): Promise<RepInviteResult> {
  const account = await prisma.account.findUnique({
    where: { id: accountId },
    select: {
      ...candidateSelect,
      status: true,
      lastOrderAt: true,
      medianIntervalDays: true,
      phone: true,
      whatsapp: true,
      tradeName: true,
    },
  })
  // A rep invites their own accounts; the sales and telesales teams any.
  const mine =
    user.role === 'REP'
      ? !!user.repId && account?.repId === user.repId
      : can(user.role, 'calls:work')
  if (!account || !mine) return { ok: false, code: 'NOT_YOUR_ACCOUNT' }
  if (orderedRecently(account, now)) return { ok: false, code: 'RECENTLY_ACTIVE' }
  const number = account.whatsapp ?? account.phone
  const chat = channel === 'WHATSAPP' && number ? whatsappChatUrl(number) : null
  if (channel === 'WHATSAPP' && !chat) return { ok: false, code: 'NO_PHONE' }
  const { accounts, skipped } = await reachable([account])
  const target = accounts[0]
  if (!target) {
    return {
      ok: false,
      code: skipped.noEmail ? 'NO_EMAIL' : skipped.bounced ? 'BOUNCED' : 'OPTED_OUT',
    }
  }
  const locale: Locale = isLocale(user.locale) ? user.locale : 'pt-BR'
  const template = defaultTemplate(locale)
  const key = await signingKey()
  const row = invitationRow(key, now, {
    campaignId: null,
    run: 1,
    accountId,
    repId: account.repId,
    sentById: user.id,
    email: target.email,
    locale,
    offerId: null,
    subject: template.subject,
    message: template.message,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS),
  })
  const since = new Date(now.getTime() - REP_INVITE_COOLDOWN_HOURS * 3_600_000)
  return prisma.$transaction(async (tx) => {
    const recent = await tx.invitation.findFirst({
      where: { accountId, createdAt: { gt: since } },
      select: { id: true },
    })
    if (recent) return { ok: false, code: 'TOO_SOON' } as const
    let whatsapp: string | null = null
    if (chat) {
      // Sent as the rep opens the chat: no email, no outbox.
      await tx.invitation.create({ data: { ...row, channel: 'WHATSAPP', sentAt: now } })
      const text = translator(locale)('repInvite.whatsappText', {
        account: account.tradeName,
        rep: user.name,
        url: invitationUrl(invitationToken(key, row.id, row.nonce)),
      })
      whatsapp = `${chat}?text=${encodeURIComponent(text)}`
    } else {
      await insertInvitations(tx, [row], now)
    }
    await audit(tx, {
      actorId: user.id,
      action: 'invitation.send',
      entity: 'Account',
      entityId: accountId,
      changes: chat ? { channel, phone: number } : { email: target.email },
    })
    return { ok: true, invitationId: row.id, whatsappUrl: whatsapp } as const
  })
}

export const CAMPAIGNS_PAGE_SIZE = 20
export const INVITATIONS_PAGE_SIZE = 50

/** The campaigns, newest first, one page of them (a page out of range shows the nearest one). */
export async function listCampaigns(requestedPage: number) {
  const total = await prisma.campaign.count()
  const { page, pageCount, skip, take } = pageWindow(total, requestedPage, CAMPAIGNS_PAGE_SIZE)
  const campaigns = await prisma.campaign.findMany({
    // The id settles campaigns created in the same millisecond, so pages never share one.
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip,
    take,
    select: {
      id: true,
      name: true,
      schedule: true,
      nextRunAt: true,
      lastRunAt: true,
      runs: true,
      cancelledAt: true,
      createdAt: true,
      offer: { select: { name: true, code: true } },
      _count: { select: { invitations: true } },
    },
  })
  return { campaigns, total, page, pageCount }
}

export async function getCampaign(campaignId: string, requestedPage: number) {
  const campaign = await prisma.campaign.findUnique({
    where: { id: campaignId },
    include: { offer: { select: { name: true, code: true } } },
  })
  if (!campaign) return null
  const total = await prisma.invitation.count({ where: { campaignId } })
  const { page, pageCount, skip, take } = pageWindow(total, requestedPage, INVITATIONS_PAGE_SIZE)
  const invitations = await prisma.invitation.findMany({
    where: { campaignId },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    skip,
    take,
    select: {
      id: true,
      run: true,
      email: true,
      sentAt: true,
      deliveredAt: true,
      bouncedAt: true,
      clickedAt: true,
      activatedAt: true,
      account: { select: { id: true, tradeName: true, status: true } },
      outbox: { select: { status: true, attempts: true, lastError: true } },
      _count: { select: { orders: { where: { status: { not: 'CANCELLED' } } } } },
    },
  })
  const segment = SegmentFilters.safeParse(JSON.parse(campaign.filters))
  return {
    campaign,
    filters: segment.success ? segment.data : null,
    invitations,
    total,
    page,
    pageCount,
  }
}

/** Offers a campaign may carry: not paused and not over. */
export async function campaignOfferOptions(now = new Date()) {
  return prisma.offer.findMany({
    where: { paused: false, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    select: { id: true, name: true, code: true },
    orderBy: { name: 'asc' },
  })
}

/**
 * Puts a campaign's failed emails back in the queue (after fixing what made them fail: the
 * sender domain, the API key…). Each keeps its idempotency key, so none can go out twice.
 */
export async function retryFailed(actorId: string, campaignId: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: { status: 'FAILED', invitation: { campaignId } },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: now, lastError: null },
    })
    if (count) {
      await audit(tx, {
        actorId,
        action: 'campaign.retryFailed',
        entity: 'Campaign',
        entityId: campaignId,
        changes: { requeued: count },
      })
    }
    return count
  })
}
