/**
 * Requests for access: a retailer that was never invited asks for a login from the login page
 * ("Solicitar acesso") with its CNPJ, a name and an email.
 *
 * Rules:
 * - The CNPJ names an account of the portfolio and the email is one of its contacts: the
 *   account's own email (a buyer is made for it, as the sales team would, audited) or an active
 *   buyer of that account. A set-password link goes out by email (the password-reset token:
 *   7 days for someone without a password, 1 hour for a buyer who has one, as a reset) and
 *   leads, once the password is chosen, into the storefront.
 * - Anything else (unknown CNPJ, an email that is not a contact, an email of someone else or of
 *   a removed buyer) is stored and waits for the sales team at /admin/access-requests. Asking
 *   again for the same CNPJ and email while that request is pending updates it (one row, its
 *   count and date), never a second one.
 * - The answer never tells which happened: it is the same whatever the CNPJ and email, and it
 *   comes as soon as the rate limits are counted, before anything is looked up, so its time
 *   cannot tell either (as the password reset does, decision 003). The work happens after the
 *   answer, in this process; a request being handled when the process stops is lost, and the
 *   retailer asks again.
 * - Rate limits, counted in the database for every instance: per client address (over it the
 *   form asks to wait) and per CNPJ (over it the answer is the same, and nothing is done, so
 *   nobody can flood an account's contacts or the sales team's list).
 * - A manager (who may edit accounts and their buyers) approves a pending request onto the
 *   account of a CNPJ they confirm, which makes the buyer and emails the link, or rejects it.
 *   Both are audited; a request is decided once, whatever two managers do at the same moment.
 */
import { type AccessRequestStatus } from '@prisma/client'
import { AccessLinkEmail } from '#emails/access-link'
import { audit } from '~/domain/audit/audit.server'
import { getBranding } from '~/domain/company/company.server'
import { normalizeEmail } from '~/domain/identity/login.server'
import { issuePasswordLink, RESET_TOKEN_TTL_MS } from '~/domain/identity/password-reset.server'
import { formatDate } from '~/utils/dates'
import { isUniqueViolation, prisma, type Tx } from '~/utils/db.server'
import { sendEmail } from '~/utils/email.server'
import { env } from '~/utils/env.server'
import { DEFAULT_LOCALE, isLocale, type Locale } from '~/utils/i18n'
import { translator } from '~/utils/i18n.server'
import { pageWindow } from '~/utils/paging'
import { createRateLimiter, type RateLimiter } from '~/utils/rate-limit.server'
import { type AccessRequestInput } from './access-request-forms'
import {
  addBuyerInTx,
  BUYER_INVITATION_TTL_MS,
  type BuyerRefusal,
  type InvitationMail,
} from './buyers.server'

const ONE_HOUR = 60 * 60

// Built once per process; the counts themselves live in the database (see rate-limit.server).
let limiters: { perIp: RateLimiter; perCnpj: RateLimiter } | undefined
function accessLimiters() {
  limiters ??= {
    perIp: createRateLimiter({
      prefix: 'access-ip',
      limit: env().ACCESS_REQUEST_MAX_PER_IP,
      windowSeconds: ONE_HOUR,
    }),
    perCnpj: createRateLimiter({
      prefix: 'access-cnpj',
      limit: env().ACCESS_REQUEST_MAX_PER_CNPJ,
      windowSeconds: ONE_HOUR,
    }),
  }
  return limiters
}

export type AccessRequestAnswer =
  | { ok: true }
  | { ok: false; code: 'RATE_LIMITED'; retryAfterSeconds: number }

/** What became of a request, for tests and logs; never shown to the person who asked. */
export type AccessRequestOutcome = 'LINK_SENT' | 'PENDING' | 'LIMITED'

// Requests being handled after their answer (see requestAccess).
const inFlight = new Set<Promise<void>>()

/** Waits for every request still being handled in this process (tests; a clean shutdown). */
export async function settleAccessRequests(): Promise<void> {
  while (inFlight.size) await Promise.all(inFlight)
}

/**
 * A retailer asks for access. The answer is `{ ok: true }` whatever the CNPJ and email (or a
 * wait, when this address asked too often); what really happens is decided afterwards.
 * `onHandled` (tests) hears the outcome.
 */
export async function requestAccess({
  input,
  ip,
  locale,
  now = new Date(),
  onHandled,
}: {
  input: AccessRequestInput
  ip: string
  locale: Locale
  now?: Date
  onHandled?: (outcome: AccessRequestOutcome) => void
}): Promise<AccessRequestAnswer> {
  const { perIp, perCnpj } = accessLimiters()
  const byIp = await perIp.hit(ip)
  if (!byIp.allowed)
    return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: byIp.retryAfterSeconds }
  if (!(await perCnpj.hit(input.cnpj)).allowed) {
    onHandled?.('LIMITED')
    return { ok: true }
  }
  const work = handleAccessRequest(input, locale, now)
    .then((outcome) => onHandled?.(outcome))
    .catch((error: unknown) => console.error('Access request not handled:', error))
    .finally(() => inFlight.delete(work))
  inFlight.add(work)
  return { ok: true }
}

async function handleAccessRequest(
  input: AccessRequestInput,
  locale: Locale,
  now: Date,
): Promise<AccessRequestOutcome> {
  const email = normalizeEmail(input.email)
  const name = input.name.trim()
  const account = await prisma.account.findUnique({
    where: { cnpj: input.cnpj },
    select: { id: true, email: true, tradeName: true },
  })
  if (account) {
    const user = await prisma.user.findUnique({
      where: { email },
      select: {
        id: true,
        role: true,
        accountId: true,
        active: true,
        name: true,
        locale: true,
        timeZone: true,
        passwordHash: true,
      },
    })
    if (user) {
      if (user.role === 'BUYER' && user.accountId === account.id && user.active) {
        // A buyer who has a password gets what a reset would give; one who never chose it, the
        // week an invitation gives.
        const validForMs = user.passwordHash ? RESET_TOKEN_TTL_MS : BUYER_INVITATION_TTL_MS
        const { token, tokenId } = await prisma.$transaction((tx) =>
          issuePasswordLink(tx, user.id, { now, validForMs }),
        )
        await sendAccessLink({
          to: email,
          name: user.name,
          locale: user.locale,
          timeZone: user.timeZone,
          accountName: account.tradeName,
          token,
          tokenId,
          expiresAt: new Date(now.getTime() + validForMs),
        })
        return 'LINK_SENT'
      }
    } else if (account.email && normalizeEmail(account.email) === email) {
      try {
        const added = await prisma.$transaction((tx) =>
          addBuyerInTx(
            tx,
            { kind: 'access-request' },
            account.id,
            { name, email, isAccountAdmin: false },
            { locale, now },
          ),
        )
        if (added.ok) {
          await sendAccessLink(added.mail)
          return 'LINK_SENT'
        }
      } catch (error) {
        // The email was taken in the meantime: the sales team decides.
        if (!isUniqueViolation(error)) throw error
      }
    }
  }
  await storePending({ cnpj: input.cnpj, email, name, locale, now })
  return 'PENDING'
}

/** The one pending request of a CNPJ and email: made, or asked again. */
async function storePending({
  cnpj,
  email,
  name,
  locale,
  now,
}: {
  cnpj: string
  email: string
  name: string
  locale: Locale
  now: Date
}) {
  const pendingKey = `${cnpj}|${email}`
  const write = () =>
    prisma.accessRequest.upsert({
      where: { pendingKey },
      create: { cnpj, email, name, locale, pendingKey, createdAt: now, lastRequestedAt: now },
      update: { name, locale, requestCount: { increment: 1 }, lastRequestedAt: now },
      select: { id: true },
    })
  try {
    await write()
  } catch (error) {
    // Two first requests at once: the other made the row, so this one counts on it.
    if (!isUniqueViolation(error)) throw error
    await write()
  }
}

/** Queues the set-password email of a request for access, once per link. */
async function sendAccessLink(mail: InvitationMail) {
  const locale: Locale = isLocale(mail.locale) ? mail.locale : DEFAULT_LOCALE
  // `signin`: once the password is chosen, the buyer is in the storefront, not at the login.
  const url = new URL(
    `/auth/reset-password?${new URLSearchParams({ token: mail.token, welcome: '1', signin: '1' })}`,
    env().APP_URL,
  ).toString()
  const brand = await getBranding()
  await sendEmail({
    kind: 'access-link',
    key: mail.tokenId,
    to: mail.to,
    subject: translator(locale)('email.accessLink.subject', { account: mail.accountName }),
    react: AccessLinkEmail({
      brand,
      locale,
      name: mail.name,
      accountName: mail.accountName,
      url,
      expiresOn: formatDate(mail.expiresAt, locale, mail.timeZone, 'datetime'),
    }),
  })
}

export const ACCESS_REQUESTS_PAGE_SIZE = 20

export type AccessRequestView = 'pending' | 'decided'

export function parseAccessRequestView(params: URLSearchParams): {
  view: AccessRequestView
  page: number
} {
  const view = params.get('view') === 'decided' ? 'decided' : 'pending'
  const page = Number(params.get('page') ?? '1')
  return { view, page: Number.isFinite(page) ? page : 1 }
}

/**
 * One page of requests: the pending ones, oldest first (a queue), or the decided ones, newest
 * decision first. Each with the account its CNPJ names today, if any, and who decided.
 */
export async function listAccessRequests({
  view,
  page,
}: {
  view: AccessRequestView
  page: number
}) {
  const statuses: AccessRequestStatus[] =
    view === 'pending' ? ['PENDING'] : ['APPROVED', 'REJECTED']
  const where = { status: { in: statuses } }
  const [total, pendingCount] = await Promise.all([
    prisma.accessRequest.count({ where }),
    prisma.accessRequest.count({ where: { status: 'PENDING' } }),
  ])
  const window = pageWindow(total, page, ACCESS_REQUESTS_PAGE_SIZE)
  const rows = await prisma.accessRequest.findMany({
    where,
    orderBy:
      view === 'pending'
        ? [{ lastRequestedAt: 'asc' }, { id: 'asc' }]
        : [{ decidedAt: 'desc' }, { id: 'asc' }],
    skip: window.skip,
    take: window.take,
    select: {
      id: true,
      cnpj: true,
      email: true,
      name: true,
      status: true,
      requestCount: true,
      createdAt: true,
      lastRequestedAt: true,
      decidedAt: true,
      decidedById: true,
      account: { select: { id: true, tradeName: true } },
    },
  })
  const cnpjs = [...new Set(rows.map((row) => row.cnpj))]
  const deciders = [...new Set(rows.map((row) => row.decidedById).filter((id) => id !== null))]
  const [accounts, users] = await Promise.all([
    cnpjs.length
      ? prisma.account.findMany({
          where: { cnpj: { in: cnpjs } },
          select: { id: true, cnpj: true, tradeName: true, city: true, state: true },
        })
      : [],
    deciders.length
      ? prisma.user.findMany({ where: { id: { in: deciders } }, select: { id: true, name: true } })
      : [],
  ])
  const byCnpj = new Map(accounts.map((account) => [account.cnpj, account]))
  const names = new Map(users.map((user) => [user.id, user.name]))
  return {
    requests: rows.map(({ decidedById, account, ...row }) => ({
      ...row,
      // Pending: the account the CNPJ names now; decided: the one it was approved onto.
      account: row.status === 'PENDING' ? (byCnpj.get(row.cnpj) ?? null) : account,
      decidedBy: decidedById ? (names.get(decidedById) ?? null) : null,
    })),
    total,
    pendingCount,
    page: window.page,
    pageCount: window.pageCount,
  }
}

export type AccessDecisionRefusal =
  | 'NOT_FOUND'
  | 'DECIDED'
  | 'NO_ACCOUNT'
  | Extract<BuyerRefusal, 'EMAIL_TAKEN'>

type Refused = { ok: false; code: AccessDecisionRefusal }
const refuse = (code: AccessDecisionRefusal): Refused => ({ ok: false, code })

/** Rolls back an approval whose request another manager decided meanwhile. */
class AlreadyDecided extends Error {}

/** Marks a pending request decided; false if it was not pending any more. */
async function claimPending(
  tx: Tx,
  requestId: string,
  data: {
    status: 'APPROVED' | 'REJECTED'
    decidedById: string
    decidedAt: Date
    accountId?: string
    userId?: string
  },
) {
  const claimed = await tx.accessRequest.updateMany({
    where: { id: requestId, status: 'PENDING' },
    data: { ...data, pendingKey: null },
  })
  return claimed.count === 1
}

/**
 * Approves a pending request onto the account of `accountCnpj`: the buyer is made (or brought
 * back, or an existing active buyer of that account is simply sent a new link), the link is
 * emailed, and the decision is audited. Refusals change nothing.
 */
export async function approveAccessRequest({
  actorId,
  requestId,
  accountCnpj,
  now = new Date(),
}: {
  actorId: string
  requestId: string
  accountCnpj: string
  now?: Date
}): Promise<{ ok: true; userId: string } | Refused> {
  try {
    const outcome = await prisma.$transaction(async (tx) => {
      const request = await tx.accessRequest.findUnique({
        where: { id: requestId },
        select: { status: true, cnpj: true, email: true, name: true, locale: true },
      })
      if (!request) return refuse('NOT_FOUND')
      if (request.status !== 'PENDING') return refuse('DECIDED')
      const account = await tx.account.findUnique({
        where: { cnpj: accountCnpj },
        select: { id: true, tradeName: true },
      })
      if (!account) return refuse('NO_ACCOUNT')
      const existing = await tx.user.findUnique({
        where: { email: request.email },
        select: { id: true, role: true, accountId: true, active: true, name: true },
      })
      let userId: string
      let mail: InvitationMail
      if (
        existing &&
        existing.role === 'BUYER' &&
        existing.accountId === account.id &&
        existing.active
      ) {
        // Already a buyer there (added since the request came): a new link is what they need.
        const full = await tx.user.findUniqueOrThrow({
          where: { id: existing.id },
          select: { locale: true, timeZone: true },
        })
        const { token, tokenId } = await issuePasswordLink(tx, existing.id, {
          now,
          validForMs: BUYER_INVITATION_TTL_MS,
        })
        userId = existing.id
        mail = {
          to: request.email,
          name: existing.name,
          locale: full.locale,
          timeZone: full.timeZone,
          accountName: account.tradeName,
          token,
          tokenId,
          expiresAt: new Date(now.getTime() + BUYER_INVITATION_TTL_MS),
        }
      } else {
        const added = await addBuyerInTx(
          tx,
          { kind: 'staff', userId: actorId },
          account.id,
          { name: request.name, email: request.email, isAccountAdmin: false },
          { locale: request.locale, now },
        )
        if (!added.ok) {
          if (added.code === 'EMAIL_TAKEN') return refuse('EMAIL_TAKEN')
          return refuse('NOT_FOUND')
        }
        userId = added.userId
        mail = added.mail
      }
      const claimed = await claimPending(tx, requestId, {
        status: 'APPROVED',
        decidedById: actorId,
        decidedAt: now,
        accountId: account.id,
        userId,
      })
      if (!claimed) throw new AlreadyDecided()
      await audit(tx, {
        actorId,
        action: 'access_request.approve',
        entity: 'AccessRequest',
        entityId: requestId,
        changes: {
          cnpj: request.cnpj,
          email: request.email,
          accountId: account.id,
          accountCnpj,
          userId,
        },
      })
      return { ok: true as const, userId, mail }
    })
    if (!outcome.ok) return outcome
    await sendAccessLink(outcome.mail)
    return { ok: true, userId: outcome.userId }
  } catch (error) {
    if (error instanceof AlreadyDecided) return refuse('DECIDED')
    // The email was taken between the check and the insert.
    if (isUniqueViolation(error)) return refuse('EMAIL_TAKEN')
    throw error
  }
}

/** Rejects a pending request, audited. Nothing is sent to the person who asked. */
export async function rejectAccessRequest({
  actorId,
  requestId,
  now = new Date(),
}: {
  actorId: string
  requestId: string
  now?: Date
}): Promise<{ ok: true } | Refused> {
  return prisma.$transaction(async (tx) => {
    const request = await tx.accessRequest.findUnique({
      where: { id: requestId },
      select: { status: true, cnpj: true, email: true },
    })
    if (!request) return refuse('NOT_FOUND')
    const claimed = await claimPending(tx, requestId, {
      status: 'REJECTED',
      decidedById: actorId,
      decidedAt: now,
    })
    if (!claimed) return refuse('DECIDED')
    await audit(tx, {
      actorId,
      action: 'access_request.reject',
      entity: 'AccessRequest',
      entityId: requestId,
      changes: { cnpj: request.cnpj, email: request.email },
    })
    return { ok: true as const }
  })
}
