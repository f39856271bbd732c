/**
 * The people who work the portal from the inside (/admin/users, ADMIN only): managers, admins
 * and reps. Creating one sends a link to set a password; deactivating one ends their sessions
 * at once (and session validation refuses inactive users, app/utils/auth.server.ts). The last
 * active admin can be neither deactivated nor demoted, and no admin can deactivate themselves.
 * Every change is audited in the transaction that makes it.
 */
import { type Prisma, type Role } from '@prisma/client'
import { StaffWelcomeEmail } from '#emails/staff-welcome'
import { getBranding } from '~/domain/company/company.server'
import { audit, diffFields } from '~/domain/audit/audit.server'
import { dialect, isUniqueViolation, prisma, type Tx } from '~/utils/db.server'
import { sendEmail } from '~/utils/email.server'
import { env } from '~/utils/env.server'
import { type FormErrors, formMessage } from '~/utils/form-schema'
import { DEFAULT_LOCALE, isLocale } from '~/utils/i18n'
import { translator } from '~/utils/i18n.server'
import { pageWindow } from '~/utils/paging'
import { normalizeEmail } from './login.server'
import {
  REP_CODE,
  normalizeRepCode,
  STAFF_ROLES,
  staffSchema,
  type StaffFormValues,
  type StaffInput,
  type StaffUserRole,
} from './staff-forms'
import { issuePasswordLink } from './password-reset.server'

export const STAFF_PAGE_SIZE = 25
/** A new user has a week to choose a password (an admin can send a new link any time). */
export const SET_PASSWORD_TTL_MS = 7 * 24 * 60 * 60 * 1000

const staffWhere = { role: { in: [...STAFF_ROLES] } } satisfies Prisma.UserWhereInput

// ---------------------------------------------------------------------------------------------
// The list

export type StaffFilters = {
  q: string | null
  role: StaffUserRole | null
  status: 'active' | 'inactive' | null
  page: number
}

export function parseStaffFilters(params: URLSearchParams): StaffFilters {
  const role = params.get('role')
  const status = params.get('status')
  const page = Number(params.get('page') ?? 1)
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100) || null,
    role: (STAFF_ROLES as readonly string[]).includes(role ?? '') ? (role as StaffUserRole) : null,
    status: status === 'active' || status === 'inactive' ? status : null,
    page: Number.isFinite(page) ? page : 1,
  }
}

/** Lower case without accents, so "joão" finds "João" on either database. */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/**
 * Staff users, by name, a page at a time. The search matches every word in the name, email or
 * rep code, ignoring case and accents. It runs over the staff's names here rather than in SQL:
 * names are stored as typed (no normalised copy), and a company's staff is a few hundred
 * people at most, whose ids and names are read in one query.
 */
export async function listStaff(filters: StaffFilters) {
  const where: Prisma.UserWhereInput = {
    ...staffWhere,
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.status ? { active: filters.status === 'active' } : {}),
  }
  const select = {
    id: true,
    name: true,
    email: true,
    role: true,
    active: true,
    lastLoginAt: true,
    passwordHash: true,
    rep: { select: { code: true } },
  } satisfies Prisma.UserSelect
  const orderBy = [{ name: 'asc' }, { id: 'asc' }] satisfies Prisma.UserOrderByWithRelationInput[]
  let total: number
  let page: number
  let pageCount: number
  let users: Prisma.UserGetPayload<{ select: typeof select }>[]
  if (filters.q) {
    const terms = folded(filters.q).split(/\s+/).filter(Boolean).slice(0, 8)
    const candidates = await prisma.user.findMany({
      where,
      orderBy,
      select: { id: true, name: true, email: true, rep: { select: { code: true } } },
    })
    const ids = candidates
      .filter((user) => {
        const text = folded(`${user.name} ${user.email} ${user.rep?.code ?? ''}`)
        return terms.every((term) => text.includes(term))
      })
      .map((user) => user.id)
    total = ids.length
    const window = pageWindow(total, filters.page, STAFF_PAGE_SIZE)
    ;({ page, pageCount } = window)
    const shown = ids.slice(window.skip, window.skip + window.take)
    users = await prisma.user.findMany({ where: { id: { in: shown } }, orderBy, select })
  } else {
    total = await prisma.user.count({ where })
    const window = pageWindow(total, filters.page, STAFF_PAGE_SIZE)
    ;({ page, pageCount } = window)
    users = await prisma.user.findMany({
      where,
      orderBy,
      skip: window.skip,
      take: window.take,
      select,
    })
  }
  return {
    users: users.map(({ passwordHash, rep, ...user }) => ({
      ...user,
      role: user.role as StaffUserRole,
      repCode: rep?.code ?? null,
      hasPassword: passwordHash !== null,
    })),
    total,
    page,
    pageCount,
  }
}

/** Reps no user is tied to yet: the codes a new REP user may take. */
export async function freeRepCodes() {
  return prisma.rep.findMany({
    where: { user: null },
    orderBy: { code: 'asc' },
    select: { code: true, name: true },
    take: 500,
  })
}

/** A staff user as the edit page shows them, or null (no such user, or a buyer). */
export async function getStaffForEdit(id: string) {
  const user = await prisma.user.findFirst({
    where: { id, ...staffWhere },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lastLoginAt: true,
      createdAt: true,
      passwordHash: true,
      rep: { select: { code: true, name: true } },
    },
  })
  if (!user) return null
  const values: StaffFormValues = {
    name: user.name,
    email: user.email,
    role: user.role as StaffUserRole,
    repCode: user.rep?.code ?? '',
  }
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role as StaffUserRole,
    active: user.active,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
    hasPassword: user.passwordHash !== null,
    rep: user.rep,
    values,
  }
}

// ---------------------------------------------------------------------------------------------
// The form's checks against the database

type Db = Tx | typeof prisma

/**
 * The rep with `code` (in capitals), whatever the case it was stored in: codes are compared
 * in capitals, as the accounts import does, and reps are few enough to read their codes.
 */
async function repByCode(db: Db, code: string) {
  const select = { id: true, code: true, user: { select: { id: true, name: true } } }
  const exact = await db.rep.findUnique({ where: { code }, select })
  if (exact) return exact
  const codes = await db.rep.findMany({ select: { id: true, code: true } })
  const match = codes.find((rep) => rep.code.toUpperCase() === code)
  return match ? db.rep.findUnique({ where: { id: match.id }, select }) : null
}

/**
 * What stops `input` being saved for user `userId` (null: a new user): an email someone else
 * has, a rep code tied to someone else, or a new rep whose email another rep already uses.
 */
async function conflicts(
  db: Db,
  userId: string | null,
  // As typed: the form's own checks may have failed (a missing email…).
  input: { email?: string; role?: string; repCode?: string | null },
): Promise<FormErrors> {
  const errors: FormErrors = {}
  const email = normalizeEmail(input.email ?? '')
  if (email) {
    const holder = await db.user.findUnique({ where: { email }, select: { id: true } })
    if (holder && holder.id !== userId) errors.email = [formMessage('staffForm.emailTaken')]
  }
  const code = normalizeRepCode(input.repCode ?? '')
  if (input.role === 'REP' && REP_CODE.test(code)) {
    const rep = await repByCode(db, code)
    if (rep?.user && rep.user.id !== userId) {
      errors.repCode = [
        formMessage('staffForm.repCodeTaken', { code: rep.code, name: rep.user.name }),
      ]
    } else if (!rep && email) {
      // A new rep gets the user's email, which no other rep may have.
      const sameEmail = await db.rep.findUnique({ where: { email }, select: { code: true } })
      if (sameEmail) {
        errors.repCode = [formMessage('staffForm.repEmailTaken', { code: sameEmail.code })]
      }
    }
  }
  return errors
}

/**
 * The staff form's schema on the server (parse it with `async: true`): the browser's checks,
 * plus an email no other user has and a rep code free for this user.
 */
export function staffSchemaForSave(userId: string | null) {
  return staffSchema(async (values, ctx) => {
    const found = await conflicts(prisma, userId, values)
    for (const [field, messages] of Object.entries(found)) {
      for (const message of messages) ctx.addIssue({ code: 'custom', path: [field], message })
    }
  })
}

// ---------------------------------------------------------------------------------------------
// Writing

export type SaveStaffResult = { ok: true; id: string } | { ok: false; errors: FormErrors }

/** Thrown inside a transaction to roll it back with form errors. */
class Refusal extends Error {
  constructor(readonly errors: FormErrors) {
    super('refused')
  }
}

/**
 * Locks the active admins' rows until the transaction ends, so that two admins removed or
 * demoted at the same moment cannot both see the other still there. PostgreSQL locks them in
 * id order (no deadlock between two such transactions); on SQLite, a write takes the database's
 * write lock, which serialises writers, and makes it the transaction's first statement so that
 * everything it reads afterwards is current.
 */
async function lockActiveAdmins(tx: Tx): Promise<void> {
  if (dialect === 'postgresql') {
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "active" = TRUE ORDER BY "id" FOR UPDATE`
  } else {
    await tx.$executeRaw`UPDATE "User" SET "role" = "role" WHERE "role" = 'ADMIN' AND "active" = TRUE`
  }
}

/** After a write that may have removed an admin: refuses (rolls back) if none is left. */
async function keepAnAdmin(tx: Tx, field: string): Promise<void> {
  const left = await tx.user.count({ where: { role: 'ADMIN', active: true } })
  if (left === 0) throw new Refusal({ [field]: [formMessage('staffForm.lastAdmin')] })
}

/** The rep a REP user is tied to: the one with `code` if no one else has it, or a new one. */
async function repFor(
  tx: Tx,
  actorId: string,
  userId: string | null,
  input: StaffInput & { repCode: string },
): Promise<string> {
  const found = await conflicts(tx, userId, input)
  if (Object.keys(found).length) throw new Refusal(found)
  const existing = await repByCode(tx, input.repCode)
  if (existing) return existing.id
  const rep = await tx.rep.create({
    data: { code: input.repCode, name: input.name, email: input.email },
    select: { id: true },
  })
  await audit(tx, {
    actorId,
    action: 'rep.created',
    entity: 'Rep',
    entityId: rep.id,
    changes: { code: input.repCode, name: input.name, email: input.email },
  })
  return rep.id
}

/** A link to choose a password, valid for a week; earlier unused links stop working. */
function issueSetPasswordToken(tx: Tx, userId: string, now: Date) {
  return issuePasswordLink(tx, userId, { now, validForMs: SET_PASSWORD_TTL_MS })
}

/** Queues the set-password email (through the outbox, once per link). */
async function emailSetPasswordLink(
  user: { name: string; email: string; role: Role; locale: string },
  link: { token: string; tokenId: string },
) {
  const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE
  const url = new URL(
    `/auth/reset-password?${new URLSearchParams({ token: link.token })}`,
    env().APP_URL,
  ).toString()
  const brand = await getBranding()
  await sendEmail({
    kind: 'staff-set-password',
    key: link.tokenId,
    to: user.email,
    subject: translator(locale)('email.staffWelcome.subject', { app: brand.companyName }),
    react: StaffWelcomeEmail({ brand, locale, name: user.name, role: user.role, url }),
  })
}

/** Runs a write, turning refusals and unique-constraint races into form errors. */
async function asFormResult(
  userId: string | null,
  input: StaffInput,
  write: () => Promise<SaveStaffResult>,
): Promise<SaveStaffResult> {
  try {
    return await write()
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, errors: error.errors }
    if (isUniqueViolation(error)) {
      // Someone took the email or the code between the check and the write.
      const found = await conflicts(prisma, userId, input)
      return {
        ok: false,
        errors: Object.keys(found).length ? found : { '': [formMessage('staffForm.conflict')] },
      }
    }
    throw error
  }
}

/** Creates a staff user (a REP tied to their rep) and emails them a link to set a password. */
export async function createStaffUser(
  actorId: string,
  input: StaffInput,
  now = new Date(),
): Promise<SaveStaffResult> {
  let sent: { user: Parameters<typeof emailSetPasswordLink>[0]; token: string; tokenId: string }
  const result = await asFormResult(null, input, () =>
    prisma.$transaction(async (tx) => {
      const found = await conflicts(tx, null, input)
      if (Object.keys(found).length) throw new Refusal(found)
      const repId =
        input.role === 'REP' && input.repCode
          ? await repFor(tx, actorId, null, { ...input, repCode: input.repCode })
          : null
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, repId },
        select: { id: true, name: true, email: true, role: true, locale: true },
      })
      await audit(tx, {
        actorId,
        action: 'user.created',
        entity: 'User',
        entityId: user.id,
        changes: { name: input.name, email: input.email, role: input.role, repCode: input.repCode },
      })
      sent = { user, ...(await issueSetPasswordToken(tx, user.id, now)) }
      return { ok: true as const, id: user.id }
    }),
  )
  if (result.ok) await emailSetPasswordLink(sent!.user, sent!)
  return result
}

/**
 * Saves an edit: name, email, role and rep code. An admin cannot change their own role, and
 * the last active admin cannot be demoted (checked after the write, with the admins locked).
 */
export async function updateStaffUser(
  actorId: string,
  id: string,
  input: StaffInput,
): Promise<SaveStaffResult> {
  return asFormResult(id, input, async () => {
    const outcome = await prisma.$transaction(async (tx) => {
      await lockActiveAdmins(tx)
      const before = await tx.user.findFirst({
        where: { id, ...staffWhere },
        select: {
          name: true,
          email: true,
          role: true,
          repId: true,
          active: true,
          rep: { select: { code: true } },
        },
      })
      if (!before) return null
      if (id === actorId && input.role !== before.role) {
        throw new Refusal({ role: [formMessage('staffForm.ownRole')] })
      }
      const found = await conflicts(tx, id, input)
      if (Object.keys(found).length) throw new Refusal(found)
      const repId =
        input.role !== 'REP' || !input.repCode
          ? null
          : before.rep?.code.toUpperCase() === input.repCode
            ? before.repId
            : await repFor(tx, actorId, id, { ...input, repCode: input.repCode })
      const after = { name: input.name, email: input.email, role: input.role, repId }
      // Conditional on the role read above: a change made meanwhile makes this one start over.
      const changed = await tx.user.updateMany({ where: { id, role: before.role }, data: after })
      if (changed.count !== 1) throw new Refusal({ '': [formMessage('staffForm.conflict')] })
      if (before.role === 'ADMIN' && input.role !== 'ADMIN') await keepAnAdmin(tx, 'role')
      const changes: Record<string, unknown> = diffFields(
        {
          name: before.name,
          email: before.email,
          role: before.role as string,
          repId: before.repId,
        },
        after,
      )
      if (changes.repId) {
        delete changes.repId
        changes.repCode = [before.rep?.code ?? null, input.repCode]
      }
      if (Object.keys(changes).length) {
        await audit(tx, { actorId, action: 'user.updated', entity: 'User', entityId: id, changes })
      }
      return { ok: true as const, id }
    })
    return outcome ?? { ok: false, errors: { '': [formMessage('staffForm.notFound')] } }
  })
}

export type SetActiveResult =
  | { ok: true; changed: boolean }
  | { ok: false; code: 'NOT_FOUND' | 'SELF' | 'LAST_ADMIN' }

/**
 * Deactivates or reactivates a staff user. Deactivating ends their sessions (and the buyer
 * sessions they opened as "acessar como cliente") and their unused set-password links in the
 * same transaction. Refused for oneself and for the last active admin.
 */
export async function setStaffActive(
  actorId: string,
  id: string,
  active: boolean,
  now = new Date(),
): Promise<SetActiveResult> {
  if (!active && id === actorId) return { ok: false, code: 'SELF' }
  try {
    return await prisma.$transaction(async (tx) => {
      await lockActiveAdmins(tx)
      const user = await tx.user.findFirst({
        where: { id, ...staffWhere },
        select: { role: true },
      })
      if (!user) return { ok: false, code: 'NOT_FOUND' } as const
      const changed = await tx.user.updateMany({
        where: { id, active: !active },
        data: { active },
      })
      if (changed.count === 0) return { ok: true, changed: false } as const
      if (!active) {
        if (user.role === 'ADMIN') await keepAnAdmin(tx, '')
        await tx.session.deleteMany({ where: { OR: [{ userId: id }, { impersonatorId: id }] } })
        await tx.passwordResetToken.updateMany({
          where: { userId: id, usedAt: null },
          data: { usedAt: now },
        })
      }
      await audit(tx, {
        actorId,
        action: active ? 'user.reactivated' : 'user.deactivated',
        entity: 'User',
        entityId: id,
        changes: { active: [!active, active] },
      })
      return { ok: true, changed: true } as const
    })
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, code: 'LAST_ADMIN' }
    throw error
  }
}

/** Emails an active staff user a new link to set their password (the old one stops working). */
export async function resendSetPasswordLink(
  actorId: string,
  id: string,
  now = new Date(),
): Promise<boolean> {
  const sent = await prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id, active: true, ...staffWhere },
      select: { id: true, name: true, email: true, role: true, locale: true },
    })
    if (!user) return null
    const link = await issueSetPasswordToken(tx, id, now)
    await audit(tx, {
      actorId,
      action: 'user.password_link_sent',
      entity: 'User',
      entityId: id,
    })
    return { user, ...link }
  })
  if (!sent) return false
  await emailSetPasswordLink(sent.user, sent)
  return true
}
