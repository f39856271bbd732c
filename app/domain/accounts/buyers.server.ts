/**
 * An account's buyers: who may log in to the storefront for a retailer. The sales team manages
 * them on the account's page; a buyer who is the account's admin manages their own account's
 * buyers from the storefront. Every change is audited in the transaction that makes it.
 *
 * Rules:
 * - An email belongs to one user in the whole system (as login reads it: trimmed, lower case).
 *   Adding a buyer with an email that another account's buyer or a staff member uses is
 *   refused. The email of a removed buyer of the same account brings that buyer back.
 * - A new buyer gets a set-password link by email (the password-reset token, valid for
 *   BUYER_INVITATION_TTL_MS, through the outbox); re-sending replaces the earlier link.
 * - Removing a buyer deactivates them (their orders stay) and ends their sessions and links at
 *   once.
 * - An account with active buyers keeps at least one active account admin, so that someone at
 *   the shop can always manage its buyers: the last admin cannot be removed while colleagues
 *   remain, nor lose the flag, and the first buyer of an account becomes its admin. Accounts
 *   that had buyers and no admin before (campaign invitations create plain buyers) are not
 *   blocked: the rule only refuses a change that would take the last admin away. Every change
 *   locks the account's row first (a no-op UPDATE), so two changes to one account run one after
 *   the other and each counts what the other left, on PostgreSQL as on SQLite.
 * - An account admin acts only on their own account (the account is theirs from the session,
 *   and each buyer is looked up within it), cannot remove themselves or change their own flag,
 *   and only ever makes buyers.
 */
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { getBranding } from '~/domain/company/company.server'
import { BuyerInvitationEmail } from '#emails/buyer-invitation'
import { audit } from '~/domain/audit/audit.server'
import { normalizeEmail } from '~/domain/identity/login.server'
import { issuePasswordLink } from '~/domain/identity/password-reset.server'
import { isUniqueViolation, prisma, readAll, type Tx } from '~/utils/db.server'
import { sendEmail } from '~/utils/email.server'
import { formatDate } from '~/utils/dates'
import { env } from '~/utils/env.server'
import { addFormIssue, formMessage, type FormMessageKey, replyErrors } from '~/utils/form-schema'
import { DEFAULT_LOCALE, isLocale, type Locale } from '~/utils/i18n'
import { translator } from '~/utils/i18n.server'
import { buyerAddSchema, BuyerRowSchema, type BuyerAdd, type BuyerRowIntent } from './buyers-forms'

/** How long a new buyer's set-password link works. */
export const BUYER_INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000

/**
 * Who manages the buyers: staff in the back office, or the account's admin in the storefront
 * (possibly staff acting as them, "acessar como cliente": then the audit names both).
 */
export type BuyerActor =
  | { kind: 'staff'; userId: string }
  | { kind: 'account-admin'; userId: string; impersonatorId: string | null }
  /** A request for access whose email is the account's own contact (access-requests.server). */
  | { kind: 'access-request' }

export type BuyerRefusal =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'EMAIL_TAKEN'
  | 'ALREADY_BUYER'
  | 'SELF'
  | 'LAST_ADMIN'
  | 'REMOVED'

type Refused = { ok: false; code: BuyerRefusal }
const refuse = (code: BuyerRefusal): Refused => ({ ok: false, code })

/** The account's buyers for the list: active ones first, then by name. */
export async function listBuyers(accountId: string) {
  const users = await prisma.user.findMany({
    where: { accountId, role: 'BUYER' },
    orderBy: [{ active: 'desc' }, { name: 'asc' }, { email: 'asc' }],
    select: {
      id: true,
      name: true,
      email: true,
      isAccountAdmin: true,
      active: true,
      lastLoginAt: true,
      passwordHash: true,
    },
  })
  // Whether the buyer has chosen a password yet; the hash itself never leaves the server.
  return users.map(({ passwordHash, ...user }) => ({ ...user, hasPassword: !!passwordHash }))
}

/** The storefront's page of the account admin: the account's name and its buyers. */
export async function accountBuyersPage(accountId: string) {
  const [account, buyers] = await Promise.all([
    prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { tradeName: true } }),
    listBuyers(accountId),
  ])
  return { accountName: account.tradeName, buyers }
}

/** What the email of a buyer being added to `accountId` is, for the form and the action. */
async function emailOwner(db: Tx | typeof prisma, accountId: string, email: string) {
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, role: true, accountId: true, active: true },
  })
  if (!user) return { kind: 'FREE' as const }
  if (user.role === 'BUYER' && user.accountId === accountId) {
    return user.active
      ? { kind: 'ALREADY_BUYER' as const }
      : { kind: 'REMOVED_BUYER' as const, userId: user.id }
  }
  return { kind: 'TAKEN' as const }
}

const EMAIL_MESSAGES = {
  ALREADY_BUYER: 'buyers.alreadyBuyer',
  EMAIL_TAKEN: 'buyers.emailTaken',
} as const

/**
 * The add form's schema on the server (parse it with `async: true`): the browser's checks,
 * and an email that no other user has. The message does not say whose it is.
 */
export function buyerAddSchemaForSave(accountId: string) {
  return buyerAddSchema(async (values, ctx) => {
    if (!values.email) return
    const owner = await emailOwner(prisma, accountId, values.email)
    if (owner.kind === 'ALREADY_BUYER') addFormIssue(ctx, 'email', EMAIL_MESSAGES.ALREADY_BUYER)
    if (owner.kind === 'TAKEN') addFormIssue(ctx, 'email', EMAIL_MESSAGES.EMAIL_TAKEN)
  })
}

/** Where a refusal is shown: beside a field of the add form, or on the form as a whole. */
export function buyerRefusalMessage(code: BuyerRefusal): {
  field: 'email' | null
  message: FormMessageKey
} {
  const messages: Record<BuyerRefusal, { field: 'email' | null; message: FormMessageKey }> = {
    NOT_FOUND: { field: null, message: 'buyers.notFound' },
    FORBIDDEN: { field: null, message: 'buyers.forbidden' },
    EMAIL_TAKEN: { field: 'email', message: EMAIL_MESSAGES.EMAIL_TAKEN },
    ALREADY_BUYER: { field: 'email', message: EMAIL_MESSAGES.ALREADY_BUYER },
    SELF: { field: null, message: 'buyers.self' },
    LAST_ADMIN: { field: null, message: 'buyers.lastAdmin' },
    REMOVED: { field: null, message: 'buyers.removedAlready' },
  }
  return messages[code]
}

/**
 * Locks the account's row until the transaction ends, so changes to one account's buyers run
 * one at a time (PostgreSQL: a row lock; SQLite has one writer). False if there is no account.
 */
async function lockAccount(tx: Tx, accountId: string): Promise<boolean> {
  const locked = await tx.$executeRaw`UPDATE "Account" SET "id" = "id" WHERE "id" = ${accountId}`
  return locked === 1
}

/** An account admin may act only while they still are one, on their own account. */
async function actorMayAct(tx: Tx, actor: BuyerActor, accountId: string): Promise<boolean> {
  if (actor.kind === 'staff' || actor.kind === 'access-request') return true
  const self = await tx.user.findUnique({
    where: { id: actor.userId },
    select: { role: true, accountId: true, isAccountAdmin: true, active: true },
  })
  return (
    !!self &&
    self.role === 'BUYER' &&
    self.active &&
    self.isAccountAdmin &&
    self.accountId === accountId
  )
}

function auditActor(actor: BuyerActor) {
  if (actor.kind === 'account-admin' && actor.impersonatorId) {
    return { actorId: actor.impersonatorId, onBehalfOfUserId: actor.userId }
  }
  if (actor.kind === 'access-request') return { actorId: null, onBehalfOfUserId: null }
  return { actorId: actor.userId, onBehalfOfUserId: null }
}

/** Active buyers and active admins of the account other than `exceptUserId`. */
async function othersOnAccount(tx: Tx, accountId: string, exceptUserId: string) {
  const where = { accountId, role: 'BUYER' as const, active: true, id: { not: exceptUserId } }
  const [buyers, admins] = await readAll(tx, [
    () => tx.user.count({ where }),
    () => tx.user.count({ where: { ...where, isAccountAdmin: true } }),
  ] as const)
  return { buyers, admins }
}

/** A new set-password link for the user; earlier ones stop working. */
function newInvitationToken(tx: Tx, userId: string, now: Date) {
  return issuePasswordLink(tx, userId, { now, validForMs: BUYER_INVITATION_TTL_MS })
}

export type InvitationMail = {
  to: string
  name: string
  locale: string
  timeZone: string
  accountName: string
  token: string
  tokenId: string
  expiresAt: Date
}

/** Queues the set-password email in the outbox, once per link. */
async function sendInvitation(mail: InvitationMail) {
  const locale: Locale = isLocale(mail.locale) ? mail.locale : DEFAULT_LOCALE
  const url = new URL(
    `/auth/reset-password?${new URLSearchParams({ token: mail.token, welcome: '1' })}`,
    env().APP_URL,
  ).toString()
  const brand = await getBranding()
  await sendEmail({
    kind: 'buyer-invitation',
    key: mail.tokenId,
    to: mail.to,
    subject: translator(locale)('email.buyerInvitation.subject', { account: mail.accountName }),
    react: BuyerInvitationEmail({
      brand,
      locale,
      name: mail.name,
      accountName: mail.accountName,
      url,
      expiresOn: formatDate(mail.expiresAt, locale, mail.timeZone),
    }),
  })
}

/**
 * Inside the caller's transaction: adds a buyer to the account (or brings back a removed one
 * with that email), audited, with a new set-password link whose email the caller sends once
 * the transaction has committed. Refusals change nothing.
 */
export async function addBuyerInTx(
  tx: Tx,
  actor: BuyerActor,
  accountId: string,
  input: BuyerAdd,
  { locale = DEFAULT_LOCALE as string, now = new Date() } = {},
): Promise<{ ok: true; userId: string; mail: InvitationMail } | Refused> {
  const email = normalizeEmail(input.email)
  const name = input.name.trim()
  if (!(await lockAccount(tx, accountId))) return refuse('NOT_FOUND')
  if (!(await actorMayAct(tx, actor, accountId))) return refuse('FORBIDDEN')
  const owner = await emailOwner(tx, accountId, email)
  if (owner.kind === 'TAKEN') return refuse('EMAIL_TAKEN')
  if (owner.kind === 'ALREADY_BUYER') return refuse('ALREADY_BUYER')
  const account = await tx.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { tradeName: true },
  })
  // The first active buyer, or the first since the account lost its admins, is its admin.
  const others = await othersOnAccount(tx, accountId, '')
  const isAccountAdmin = input.isAccountAdmin || others.admins === 0
  const user =
    owner.kind === 'REMOVED_BUYER'
      ? await tx.user.update({
          where: { id: owner.userId },
          // Back with a new link only: the old password does not come back with them.
          data: { name, isAccountAdmin, active: true, passwordHash: null },
          select: { id: true, locale: true, timeZone: true },
        })
      : await tx.user.create({
          data: {
            email,
            name,
            role: 'BUYER',
            accountId,
            isAccountAdmin,
            locale: isLocale(locale) ? locale : DEFAULT_LOCALE,
          },
          select: { id: true, locale: true, timeZone: true },
        })
  const { token, tokenId } = await newInvitationToken(tx, user.id, now)
  await audit(tx, {
    ...auditActor(actor),
    action: owner.kind === 'REMOVED_BUYER' ? 'buyer.readd' : 'buyer.add',
    entity: 'User',
    entityId: user.id,
    changes: {
      accountId,
      email,
      name,
      isAccountAdmin,
      ...(actor.kind === 'access-request' ? { via: 'access-request' } : {}),
    },
  })
  const mail: InvitationMail = {
    to: email,
    name,
    locale: user.locale,
    timeZone: user.timeZone,
    accountName: account.tradeName,
    token,
    tokenId,
    expiresAt: new Date(now.getTime() + BUYER_INVITATION_TTL_MS),
  }
  return { ok: true as const, userId: user.id, mail }
}

/**
 * Adds a buyer to the account (or brings back a removed one with that email) and emails them a
 * link to choose their password. Refusals change nothing.
 */
export async function addBuyer(
  actor: BuyerActor,
  accountId: string,
  input: BuyerAdd,
  options: { locale?: string; now?: Date } = {},
): Promise<{ ok: true; userId: string } | Refused> {
  try {
    const outcome = await prisma.$transaction((tx) =>
      addBuyerInTx(tx, actor, accountId, input, options),
    )
    if (!outcome.ok) return outcome
    await sendInvitation(outcome.mail)
    return { ok: true, userId: outcome.userId }
  } catch (error) {
    // Someone else took the email between the check and the insert.
    if (isUniqueViolation(error)) return refuse('EMAIL_TAKEN')
    throw error
  }
}

/**
 * The row actions on one buyer of the account: re-send the set-password link, make or unmake
 * account admin, remove. The buyer is looked up within `accountId`, so another account's user
 * (or a staff member) is simply not found.
 */
export async function changeBuyer(
  actor: BuyerActor,
  accountId: string,
  userId: string,
  intent: BuyerRowIntent,
  now = new Date(),
): Promise<{ ok: true; changed: boolean } | Refused> {
  const pending: { mail?: InvitationMail } = {}
  const outcome = await prisma.$transaction(async (tx) => {
    if (!(await lockAccount(tx, accountId))) return refuse('NOT_FOUND')
    if (!(await actorMayAct(tx, actor, accountId))) return refuse('FORBIDDEN')
    const target = await tx.user.findFirst({
      where: { id: userId, accountId, role: 'BUYER' },
      select: {
        id: true,
        email: true,
        name: true,
        locale: true,
        timeZone: true,
        active: true,
        isAccountAdmin: true,
        account: { select: { tradeName: true } },
      },
    })
    if (!target) return refuse('NOT_FOUND')
    const self = actor.kind === 'account-admin' && actor.userId === target.id
    const log = (action: string, changes: Record<string, unknown>) =>
      audit(tx, {
        ...auditActor(actor),
        action,
        entity: 'User',
        entityId: target.id,
        changes: { accountId, email: target.email, ...changes },
      })

    if (intent === 'buyer-resend') {
      if (!target.active) return refuse('REMOVED')
      const { token, tokenId } = await newInvitationToken(tx, target.id, now)
      await log('buyer.invite', {})
      pending.mail = {
        to: target.email,
        name: target.name,
        locale: target.locale,
        timeZone: target.timeZone,
        accountName: target.account?.tradeName ?? '',
        token,
        tokenId,
        expiresAt: new Date(now.getTime() + BUYER_INVITATION_TTL_MS),
      }
      return { ok: true as const, changed: true }
    }

    if (self) return refuse('SELF')
    if (!target.active) return refuse('REMOVED')

    if (intent === 'buyer-make-admin' || intent === 'buyer-unmake-admin') {
      const isAccountAdmin = intent === 'buyer-make-admin'
      if (target.isAccountAdmin === isAccountAdmin) return { ok: true as const, changed: false }
      if (!isAccountAdmin && (await othersOnAccount(tx, accountId, target.id)).admins === 0) {
        return refuse('LAST_ADMIN')
      }
      await tx.user.update({ where: { id: target.id }, data: { isAccountAdmin } })
      await log('buyer.account_admin', { isAccountAdmin: [!isAccountAdmin, isAccountAdmin] })
      return { ok: true as const, changed: true }
    }

    // buyer-remove
    if (target.isAccountAdmin) {
      const others = await othersOnAccount(tx, accountId, target.id)
      if (others.admins === 0 && others.buyers > 0) return refuse('LAST_ADMIN')
    }
    await tx.user.update({ where: { id: target.id }, data: { active: false } })
    // Out at once: their sessions end and their links stop working.
    await tx.session.deleteMany({ where: { userId: target.id } })
    await tx.passwordResetToken.updateMany({
      where: { userId: target.id, usedAt: null },
      data: { usedAt: now },
    })
    await log('buyer.remove', { active: [true, false] })
    return { ok: true as const, changed: true }
  })
  if (outcome.ok && pending.mail) await sendInvitation(pending.mail)
  return outcome
}

/** What a buyers form's action answers, for the list and the add form to show. */
export type BuyerFormReply =
  | {
      form: 'buyer-add'
      result: SubmissionResult<string[]>
      added: { email: string } | null
    }
  | { form: 'buyer-row'; userId: string; ok: boolean; message: string }

const ROW_DONE: Record<BuyerRowIntent, FormMessageKey> = {
  'buyer-resend': 'buyers.invited',
  'buyer-make-admin': 'buyers.madeAdmin',
  'buyer-unmake-admin': 'buyers.unmadeAdmin',
  'buyer-remove': 'buyers.removed',
}

/**
 * The buyers forms' action, the same for the back office and the storefront (the route has
 * already said who may act, and on which account): validates, acts, and says what to show.
 * Bad input is a 400 with the message beside its field, and writes nothing.
 */
export async function buyerFormAction(
  actor: BuyerActor,
  accountId: string,
  form: FormData,
  locale: string,
): Promise<{ status: number; data: BuyerFormReply }> {
  if (form.get('intent') === 'buyer-add') {
    const submission = await parseWithZod(form, {
      schema: buyerAddSchemaForSave(accountId),
      async: true,
    })
    if (submission.status !== 'success') {
      return { status: 400, data: { form: 'buyer-add', result: submission.reply(), added: null } }
    }
    const added = await addBuyer(actor, accountId, submission.value, { locale })
    if (!added.ok) {
      if (added.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
      if (added.code === 'FORBIDDEN') throw new Response('Forbidden', { status: 403 })
      const { field, message } = buyerRefusalMessage(added.code)
      const errors = { [field ?? '']: [formMessage(message)] }
      return {
        status: 400,
        data: { form: 'buyer-add', result: submission.reply(replyErrors(errors)), added: null },
      }
    }
    return {
      status: 200,
      data: {
        form: 'buyer-add',
        result: submission.reply({ resetForm: true }),
        added: { email: submission.value.email },
      },
    }
  }
  const row = BuyerRowSchema.safeParse({
    intent: form.get('intent'),
    userId: form.get('userId') ?? undefined,
  })
  if (!row.success) {
    const userId = form.get('userId')
    return {
      status: 400,
      data: {
        form: 'buyer-row',
        userId: typeof userId === 'string' ? userId.slice(0, 40) : '',
        ok: false,
        message: formMessage('form.invalid'),
      },
    }
  }
  const { intent, userId } = row.data
  const changed = await changeBuyer(actor, accountId, userId, intent)
  if (!changed.ok) {
    if (changed.code === 'FORBIDDEN') throw new Response('Forbidden', { status: 403 })
    const status = changed.code === 'NOT_FOUND' ? 404 : 400
    const { message } = buyerRefusalMessage(changed.code)
    return { status, data: { form: 'buyer-row', userId, ok: false, message: formMessage(message) } }
  }
  const message = changed.changed ? ROW_DONE[intent] : 'buyers.unchanged'
  return { status: 200, data: { form: 'buyer-row', userId, ok: true, message } }
}
