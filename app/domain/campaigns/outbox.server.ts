import crypto from 'node:crypto'
import { Prisma, type OutboxMessage } from '@prisma/client'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { InvitationEmail, UsualBasketSection, usualBasketText } from '#emails/invitation'
import { type EmailBasketItem, usualBasketsForEmail } from '~/domain/accounts/usual-basket.server'
import { prisma, type Tx } from '~/utils/db.server'
import { getBranding, type Branding } from '~/domain/company/company.server'
import { DeliveryError, mailSender, renderEmail, sendWithResend } from '~/utils/email.server'
import type { RenderedEmail } from '~/utils/email.server'
import { env } from '~/utils/env.server'
import { leftByThisInstance, processId } from '~/utils/jobs.server'
import { isLocale, type Locale } from '~/utils/i18n'
import { translator } from '~/utils/i18n.server'
import { signingKey } from '~/utils/signing.server'
import { invitationToken, invitationUrl, unsubscribeUrl } from './links.server'
import { type OutboxCounts } from './funnel'
import { optOutsFor } from './invitations.server'
import { fillTemplate } from './template'

export const MAX_ATTEMPTS = 8
const LEASE_MS = 2 * 60_000

/** 30 s, 1 min, 2 min… capped at an hour, with ±20 % jitter so retries do not arrive in step. */
export function defaultBackoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(30_000 * 2 ** (attempt - 1), 3_600_000)
  return Math.round(base * (0.8 + 0.4 * random()))
}

export type OutboxOptions = {
  /** Sends started per second, at most: the provider's rate limit. */
  ratePerSecond: number
  /** Sends in flight at once (each still waits for its slot). */
  concurrency?: number
  backoffMs?: (attempt: number) => number
  maxAttempts?: number
  leaseMs?: number
  now?: () => Date
  /** Checked before each send: true stops the drain (lease lost, process stopping). */
  shouldStop?: () => boolean
}

export type DrainResult = { sent: number; retried: number; failed: number; cancelled: number }

const dueWhere = (now: Date): Prisma.OutboxMessageWhereInput => ({
  OR: [
    { status: 'PENDING', nextAttemptAt: { lte: now } },
    { status: 'SENDING', lockedUntil: { lt: now } },
  ],
})

/**
 * Claims up to `limit` due messages with a lease. The conditional update is what claims: a
 * row another worker took in between no longer matches, and the claim token tells this
 * worker which rows it got.
 */
export async function claimDue(
  limit: number,
  now: Date,
  leaseMs = LEASE_MS,
): Promise<OutboxMessage[]> {
  const candidates = await prisma.outboxMessage.findMany({
    where: dueWhere(now),
    orderBy: { nextAttemptAt: 'asc' },
    take: limit,
    select: { id: true },
  })
  if (!candidates.length) return []
  // Names this process, so that its next run can take the claim back at once (start-up).
  const claimToken = `${processId()}#${crypto.randomUUID()}`
  await prisma.outboxMessage.updateMany({
    where: { id: { in: candidates.map((c) => c.id) }, ...dueWhere(now) },
    data: {
      status: 'SENDING',
      lockedUntil: new Date(now.getTime() + leaseMs),
      claimToken,
      attempts: { increment: 1 },
    },
  })
  return prisma.outboxMessage.findMany({ where: { claimToken, status: 'SENDING' } })
}

/**
 * Puts back in the queue the messages a dead sender had claimed, without waiting for their
 * leases to run out. Only for the holder of the outbox job (worker.server.ts), which knows no
 * other sender is alive; each goes out again with its idempotency key, so none is sent twice.
 */
export async function releaseAbandonedSends(): Promise<number> {
  const { count } = await prisma.outboxMessage.updateMany({
    where: { status: 'SENDING' },
    data: { status: 'PENDING', lockedUntil: null, claimToken: null },
  })
  return count
}

/**
 * At start-up: puts back in the queue the messages a previous run of this instance had claimed
 * when it died, so they go out at once rather than after their claim or the outbox lease runs
 * out. Claims of other instances are left to the holder of the outbox (above).
 */
export async function releaseClaimsOfPreviousRun(): Promise<number> {
  const claims = await prisma.outboxMessage.findMany({
    where: { status: 'SENDING' },
    distinct: ['claimToken'],
    select: { claimToken: true },
  })
  const ours = claims.flatMap(({ claimToken }) =>
    claimToken && leftByThisInstance(claimToken.slice(0, claimToken.lastIndexOf('#')))
      ? [claimToken]
      : [],
  )
  if (!ours.length) return 0
  const { count } = await prisma.outboxMessage.updateMany({
    where: { status: 'SENDING', claimToken: { in: ours } },
    data: { status: 'PENDING', lockedUntil: null, claimToken: null },
  })
  return count
}

type Outcome = 'sent' | 'retried' | 'failed' | 'cancelled'

const invitationInclude = {
  account: { select: { tradeName: true, emailBouncedAt: true, rep: { select: { name: true } } } },
  offer: { select: { name: true, code: true, description: true, paused: true } },
} satisfies Prisma.InvitationInclude

type LoadedInvitation = Prisma.InvitationGetPayload<{ include: typeof invitationInclude }>

/** What a batch needs, read in two queries instead of two per message. */
type BatchContext = {
  invitations: Map<string, LoadedInvitation>
  optOuts: Map<string, string>
  key: Buffer
  /** Rendered templates by campaign message, shared by every invitation of a run. */
  templates: Map<string, Promise<RenderedTemplate>>
  /** The company's name and branding, on every email of the run. */
  brand: Branding
  /** Each account's usual order, listed in its invitation; absent without a buying habit. */
  baskets: Map<string, EmailBasketItem[]>
}

async function loadBatch(batch: OutboxMessage[]): Promise<BatchContext> {
  const ids = batch.flatMap((message) => (message.invitationId ? [message.invitationId] : []))
  const invitations = await prisma.invitation.findMany({
    where: { id: { in: ids } },
    include: invitationInclude,
  })
  return {
    invitations: new Map(invitations.map((invitation) => [invitation.id, invitation])),
    optOuts: await optOutsFor(invitations.map((invitation) => invitation.email)),
    key: await signingKey(),
    templates: new Map(),
    brand: await getBranding(),
    baskets: await usualBasketsForEmail(invitations.map((invitation) => invitation.accountId)),
  }
}

// Stand-ins rendered into a template, replaced per invitation: one react-email render serves a
// whole run (rendering is most of a send's CPU).
const MARKS = {
  account: 'RTVMARKACCOUNT',
  rep: 'RTVMARKREP',
  invite: 'RTVMARKINVITE',
  unsubscribe: 'RTVMARKUNSUBSCRIBE',
} as const
// Where each invitation's own usual order goes (already escaped HTML, or nothing).
const BASKET_MARK = 'RTVMARKBASKET'
type RenderedTemplate = { subject: string; html: string; text: string }

function renderTemplate(
  invitation: LoadedInvitation,
  locale: Locale,
  brand: Branding,
): Promise<RenderedTemplate> {
  const marks = { account: MARKS.account, rep: MARKS.rep }
  const offer = invitation.offer && !invitation.offer.paused ? invitation.offer : null
  return renderEmail(
    createElement(InvitationEmail, {
      locale,
      brand,
      accountName: MARKS.account,
      message: fillTemplate(invitation.message, marks, MARKS.rep),
      offer,
      basket: BASKET_MARK,
      inviteUrl: MARKS.invite,
      expiresOn: new Intl.DateTimeFormat(locale, {
        dateStyle: 'short',
        timeZone: 'America/Sao_Paulo',
      }).format(invitation.expiresAt),
      unsubscribeUrl: MARKS.unsubscribe,
    }),
  ).then(({ html, text }) => ({
    subject: fillTemplate(invitation.subject, marks, MARKS.rep),
    html,
    text,
  }))
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
}
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!)

function personalize(
  template: string,
  values: Record<keyof typeof MARKS, string>,
  escape: boolean,
) {
  let out = template
  for (const name of Object.keys(MARKS) as (keyof typeof MARKS)[]) {
    out = out.split(MARKS[name]).join(escape ? escapeHtml(values[name]) : values[name])
  }
  return out
}

async function renderInvitation(
  invitation: LoadedInvitation,
  context: BatchContext,
): Promise<RenderedEmail> {
  const locale = isLocale(invitation.locale) ? invitation.locale : 'pt-BR'
  const cacheKey = JSON.stringify([
    locale,
    invitation.subject,
    invitation.message,
    invitation.offerId,
    invitation.expiresAt,
  ])
  let template = context.templates.get(cacheKey)
  if (!template)
    context.templates.set(cacheKey, (template = renderTemplate(invitation, locale, context.brand)))
  const unsubscribe = await unsubscribeUrl(invitation.email)
  const values = {
    account: invitation.account.tradeName,
    rep: invitation.account.rep?.name ?? translator(locale)('campaign.noRep'),
    invite: invitationUrl(invitationToken(context.key, invitation.id, invitation.nonce)),
    unsubscribe,
  }
  const { subject, html, text } = await template
  // The basket first, so that no name filled in afterwards can stand in for its mark.
  const basket = basketOf(invitation, locale, context)
  return {
    to: invitation.email,
    subject: personalize(subject, values, false),
    html: personalize(
      html.replace(BASKET_MARK, () => basket.html),
      values,
      true,
    ),
    text: personalize(
      text.replace(BASKET_MARK, () => basket.text),
      values,
      false,
    ),
    // RFC 8058 one-click unsubscribe, which mailbox providers show next to the sender.
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}

/** The account's usual order as its invitation lists it: a small render of its own. */
function basketOf(invitation: LoadedInvitation, locale: Locale, context: BatchContext) {
  const items = context.baskets.get(invitation.accountId)
  if (!items) return { html: '', text: '' }
  const html = renderToStaticMarkup(createElement(UsualBasketSection, { locale, items }))
  return { html, text: `${usualBasketText(locale, items)}\n\n` }
}

/** Why an invitation should not go out any more, checked just before sending. */
function reasonToSkip(
  invitation: LoadedInvitation | undefined,
  context: BatchContext,
  now: Date,
): string | null {
  if (!invitation) return 'invitation deleted'
  if (invitation.account.emailBouncedAt) return 'contact bounced'
  if (invitation.expiresAt <= now) return 'invitation expired before sending'
  const optOut = context.optOuts.get(invitation.email)
  return optOut ? `opted out (${optOut})` : null
}

/** Marks a claimed message, only if this worker still holds it. */
async function settle(message: OutboxMessage, data: Prisma.OutboxMessageUpdateManyMutationInput) {
  const { count } = await prisma.outboxMessage.updateMany({
    where: { id: message.id, claimToken: message.claimToken, status: 'SENDING' },
    data: { ...data, lockedUntil: null },
  })
  return count === 1
}

type DeliverOptions = Required<
  Omit<OutboxOptions, 'ratePerSecond' | 'concurrency' | 'shouldStop'>
> & {
  /** Resolves when this send may start: the rate limit applies to the provider's requests. */
  waitForSlot: () => Promise<void>
}

async function deliver(
  message: OutboxMessage,
  options: DeliverOptions,
  context: BatchContext,
): Promise<Outcome> {
  const now = options.now()
  if (!message.invitationId) return deliverStored(message, options)
  const invitation = context.invitations.get(message.invitationId)
  const skip = reasonToSkip(invitation, context, now)
  if (skip || !invitation) {
    await settle(message, { status: 'CANCELLED', lastError: skip })
    return 'cancelled'
  }
  try {
    const email = await renderInvitation(invitation, context)
    await options.waitForSlot()
    return await sendAndRecord(message, email, now, {
      alsoWhenSent: (db) =>
        db.invitation.update({ where: { id: invitation.id }, data: { sentAt: now } }),
    })
  } catch (error) {
    return settleFailure(message, error, options, now)
  }
}

/**
 * Sends a claimed message's email and records it sent, with `alsoWhenSent` in the same
 * transaction. The dev mailbox is our own database: storing the email and marking it sent in
 * one transaction is exactly once by construction. Through Resend, a crash between the send and
 * the record means a resend under the same idempotency key, which Resend answers with the first.
 */
async function sendAndRecord(
  message: OutboxMessage,
  email: RenderedEmail,
  now: Date,
  {
    sentData = {},
    alsoWhenSent,
  }: {
    sentData?: Prisma.OutboxMessageUpdateManyMutationInput
    alsoWhenSent?: (db: Tx) => Prisma.PrismaPromise<unknown>
  },
): Promise<Outcome> {
  const sent = {
    ...sentData,
    status: 'SENT' as const,
    sentAt: now,
    lockedUntil: null,
    lastError: null,
  }
  if (!env().RESEND_API_KEY) {
    const from = await mailSender()
    const stored = await prisma.$transaction(async (tx) => {
      const { count } = await tx.outboxMessage.updateMany({
        where: { id: message.id, claimToken: message.claimToken, status: 'SENDING' },
        data: sent,
      })
      if (count !== 1) return false
      const { headers: _headers, ...content } = email
      await tx.mailboxMessage.create({ data: { ...content, from } })
      await alsoWhenSent?.(tx)
      return true
    })
    return stored ? 'sent' : 'cancelled'
  }
  const providerMessageId = await sendWithResend(email, message.idempotencyKey)
  await prisma.$transaction([
    prisma.outboxMessage.updateMany({
      where: { id: message.id, status: 'SENDING' },
      data: { ...sent, providerMessageId },
    }),
    ...(alsoWhenSent ? [alsoWhenSent(prisma)] : []),
  ])
  return 'sent'
}

/** A send failed: retry later with backoff when a later attempt can work, else give up. */
async function settleFailure(
  message: OutboxMessage,
  error: unknown,
  options: DeliverOptions,
  now: Date,
): Promise<Outcome> {
  const retryable = !(error instanceof DeliveryError) || error.retryable
  const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500)
  if (retryable && message.attempts < options.maxAttempts) {
    await settle(message, {
      status: 'PENDING',
      lastError,
      nextAttemptAt: new Date(now.getTime() + options.backoffMs(message.attempts)),
    })
    return 'retried'
  }
  await settle(message, { status: 'FAILED', lastError })
  return 'failed'
}

// Once sent, a transactional email's body is dropped: it may hold a password-reset link, and
// the provider (or the dev mailbox) keeps what was sent.
const SENT_BODY = { html: null, text: null, headers: Prisma.DbNull }

/** A transactional email, rendered when it was queued (order confirmation, password reset...). */
async function deliverStored(message: OutboxMessage, options: DeliverOptions): Promise<Outcome> {
  const now = options.now()
  if (message.html === null || message.subject === null) {
    await settle(message, { status: 'CANCELLED', lastError: 'nothing to send' })
    return 'cancelled'
  }
  const email: RenderedEmail = {
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text ?? '',
    ...(message.headers ? { headers: message.headers as Record<string, string> } : {}),
  }
  try {
    await options.waitForSlot()
    return await sendAndRecord(message, email, now, { sentData: SENT_BODY })
  } catch (error) {
    return settleFailure(message, error, options, now)
  }
}

/**
 * Sends what is due, pacing the provider requests at `ratePerSecond`, until nothing is due.
 * Messages put back for a retry are due later, so one drain does not spin on them.
 */
export async function drainOutbox(options: OutboxOptions): Promise<DrainResult> {
  const settings = {
    backoffMs: options.backoffMs ?? ((attempt: number) => defaultBackoffMs(attempt)),
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
    leaseMs: options.leaseMs ?? LEASE_MS,
    now: options.now ?? (() => new Date()),
  }
  const concurrency = Math.max(1, options.concurrency ?? 4)
  const shouldStop = options.shouldStop ?? (() => false)
  // A claim is sent well within its lease at this pace.
  const batchSize = Math.max(
    1,
    Math.min(500, Math.floor((settings.leaseMs / 2 / 1000) * options.ratePerSecond)),
  )
  const result: DrainResult = { sent: 0, retried: 0, failed: 0, cancelled: 0 }
  const waitForSlot = providerPacer(options.ratePerSecond)

  while (!shouldStop()) {
    const batch = await claimDue(batchSize, settings.now(), settings.leaseMs)
    if (!batch.length) break
    const context = await loadBatch(batch)
    let index = 0
    const lanes = Array.from({ length: Math.min(concurrency, batch.length) }, async () => {
      // A stopped drain leaves the rest of its claim to run out and be claimed again.
      while (index < batch.length && !shouldStop()) {
        const message = batch[index++]!
        result[await deliver(message, { ...settings, waitForSlot }, context)]++
      }
    })
    await Promise.all(lanes)
  }
  return result
}

// Requests reach the provider a little after they start, unevenly: a window longer than a
// second keeps any one second of arrivals within the limit, at the cost of a few percent.
const PACING_WINDOW_MS = 1_100

/**
 * Resolves when the next provider request may start: requests are spaced by 1/rate seconds,
 * and no more than `rate` start within any PACING_WINDOW_MS. One sender holds the outbox at a
 * time (worker.server.ts), so this pace is the whole deployment's.
 */
export function providerPacer(ratePerSecond: number, clock = () => performance.now()) {
  const interval = 1000 / ratePerSecond
  const perWindow = Math.max(1, Math.floor(ratePerSecond))
  const starts: number[] = []
  let nextSlot = clock()
  let queue = Promise.resolve()
  const take = async () => {
    for (;;) {
      const now = clock()
      while (starts.length && now - starts[0]! >= PACING_WINDOW_MS) starts.shift()
      const windowWait = starts.length >= perWindow ? starts[0]! + PACING_WINDOW_MS - now : 0
      const wait = Math.max(nextSlot - now, windowWait)
      if (wait <= 0) {
        starts.push(now)
        nextSlot = now + interval
        return
      }
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
  // Lanes take slots one after another, in the order they asked.
  return () => (queue = queue.then(take))
}

/** How the outbox stands, for every email or one campaign's. */
export async function outboxCounts(campaignId?: string): Promise<OutboxCounts> {
  const rows = await prisma.outboxMessage.groupBy({
    by: ['status'],
    where: campaignId ? { invitation: { campaignId } } : {},
    _count: { _all: true },
  })
  const counts: OutboxCounts = { PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0, CANCELLED: 0 }
  for (const row of rows) counts[row.status] = row._count._all
  return counts
}
