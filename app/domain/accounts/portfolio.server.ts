import { type AccountStatus, type Prisma } from '@prisma/client'
import { z } from 'zod'
import { isUniqueViolation, prisma } from '~/utils/db.server'
import { addFormIssue } from '~/utils/form-schema'
import { pageWindow } from '~/utils/paging'
import { audit, diffFields } from '~/domain/audit/audit.server'
import { listFamilyOptions } from '~/domain/catalog/catalog.server'
import { searchTerms } from '~/domain/catalog/search-text'
import {
  accountCreateSchema,
  accountEditSchema,
  type AccountCreate,
  type AccountEdit,
} from './account-forms'
import { normalizeCnpj } from './cnpj'
import { normalizePhone } from './phones'
import { accountSearchText } from './search'
import { newAccountTerms } from './commercial-terms.server'

export const ACCOUNTS_PAGE_SIZE = 50
const DAY_MS = 86_400_000
const STATUS = z.enum(['NEVER_ORDERED', 'ACTIVE', 'AT_RISK', 'INACTIVE', 'LOST'])
const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => v || undefined)
const optionalDays = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.coerce.number().int().min(0).max(100_000).optional(),
)

/** The back-office account filters; they combine (AND). Shared by the list and the CSV export. */
export const AccountFilters = z.object({
  status: z.array(STATUS).default([]),
  minDays: optionalDays,
  maxDays: optionalDays,
  state: optionalText,
  city: optionalText,
  repId: optionalText,
  segment: optionalText,
  hasLogin: z.enum(['yes', 'no']).optional().catch(undefined),
  // Accounts that bought from any of these families (or their sub-families), in either channel.
  family: z.array(z.string().max(40)).max(50).default([]),
  // Contact data the sales team must fix: the email bounced.
  contact: z.enum(['bounced']).optional().catch(undefined),
  q: optionalText,
  sort: z.enum(['name', 'lastOrder', 'overdue', 'status', 'city']).catch('name').default('name'),
  page: z.coerce.number().int().min(1).catch(1).default(1),
})
export type AccountFilters = z.infer<typeof AccountFilters>

/**
 * The filters of the list's URL. A value out of range (a hand-edited `minDays=abc`, a page that
 * is not a number) is left out instead of failing the page; every filter is optional.
 */
export function parseAccountFilters(params: URLSearchParams): AccountFilters {
  const raw: Record<string, unknown> = {
    ...Object.fromEntries(params),
    status: params.getAll('status').filter((s) => STATUS.safeParse(s).success),
    family: params.getAll('family').filter(Boolean),
  }
  const parsed = AccountFilters.safeParse(raw)
  if (parsed.success) return parsed.data
  const refused = new Set(parsed.error.issues.map((issue) => issue.path[0]))
  return AccountFilters.parse(
    Object.fromEntries(Object.entries(raw).filter(([name]) => !refused.has(name))),
  )
}

export function accountWhere(filters: AccountFilters, now = new Date()): Prisma.AccountWhereInput {
  const and: Prisma.AccountWhereInput[] = []
  if (filters.status.length) and.push({ status: { in: filters.status as AccountStatus[] } })
  // Days since the last order: minDays ≤ days ≤ maxDays.
  if (filters.minDays !== undefined)
    and.push({ lastOrderAt: { lte: new Date(now.getTime() - filters.minDays * DAY_MS) } })
  if (filters.maxDays !== undefined)
    and.push({ lastOrderAt: { gt: new Date(now.getTime() - (filters.maxDays + 1) * DAY_MS) } })
  if (filters.state) and.push({ state: filters.state.toUpperCase() })
  if (filters.city) and.push({ city: filters.city })
  if (filters.repId) and.push({ repId: filters.repId === 'none' ? null : filters.repId })
  if (filters.segment) and.push({ segment: filters.segment })
  if (filters.hasLogin === 'yes') and.push({ users: { some: { role: 'BUYER' } } })
  if (filters.hasLogin === 'no') and.push({ users: { none: { role: 'BUYER' } } })
  if (filters.family.length) {
    const product = {
      OR: [{ familyId: { in: filters.family } }, { family: { parentId: { in: filters.family } } }],
    }
    and.push({ orders: { some: { lines: { some: { product } } } } })
  }
  if (filters.contact === 'bounced') and.push({ emailBouncedAt: { not: null } })
  if (filters.q) {
    const digits = filters.q.replace(/\D/g, '')
    const terms = searchTerms(filters.q)
    and.push({
      OR: [
        ...(terms.length
          ? [{ AND: terms.map((term) => ({ searchText: { contains: term } })) }]
          : []),
        ...(digits.length >= 4 ? [{ cnpj: { contains: digits } }] : []),
      ],
    })
  }
  return { AND: and }
}

// Every order ends with the id: trade names repeat, and a page must not share rows with the next.
function orderBy(sort: AccountFilters['sort']): Prisma.AccountOrderByWithRelationInput[] {
  switch (sort) {
    case 'lastOrder':
      return [{ lastOrderAt: { sort: 'desc', nulls: 'last' } }, { tradeName: 'asc' }, { id: 'asc' }]
    case 'overdue':
      // Most overdue first: the oldest expected next order.
      return [
        { expectedNextOrderAt: { sort: 'asc', nulls: 'last' } },
        { tradeName: 'asc' },
        { id: 'asc' },
      ]
    case 'status':
      return [{ status: 'asc' }, { tradeName: 'asc' }, { id: 'asc' }]
    case 'city':
      return [{ state: 'asc' }, { city: 'asc' }, { tradeName: 'asc' }, { id: 'asc' }]
    default:
      return [{ tradeName: 'asc' }, { id: 'asc' }]
  }
}

const listSelect = {
  id: true,
  cnpj: true,
  tradeName: true,
  city: true,
  state: true,
  segment: true,
  status: true,
  lastOrderAt: true,
  expectedNextOrderAt: true,
  reactivatedAt: true,
  emailBouncedAt: true,
  rep: { select: { code: true, name: true } },
  _count: { select: { users: { where: { role: 'BUYER' } } } },
} satisfies Prisma.AccountSelect

export async function listAccounts(filters: AccountFilters, now = new Date()) {
  const where = accountWhere(filters, now)
  const total = await prisma.account.count({ where })
  const { page, pageCount, skip, take } = pageWindow(total, filters.page, ACCOUNTS_PAGE_SIZE)
  const accounts = await prisma.account.findMany({
    where,
    orderBy: orderBy(filters.sort),
    skip,
    take,
    select: listSelect,
  })
  return { accounts, total, page, pageCount }
}

/** Values to offer in the filter selects. */
export async function accountFilterOptions() {
  const [states, segments, reps, families] = await Promise.all([
    prisma.account.findMany({
      distinct: ['state'],
      select: { state: true },
      orderBy: { state: 'asc' },
    }),
    prisma.account.findMany({
      distinct: ['segment'],
      select: { segment: true },
      where: { segment: { not: null } },
      orderBy: { segment: 'asc' },
    }),
    prisma.rep.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: 'asc' } }),
    listFamilyOptions(),
  ])
  return {
    states: states.map((s) => s.state),
    segments: segments.map((s) => s.segment!),
    reps,
    families: families.map(({ id, name }) => ({ id, name })),
  }
}

/** Every matching account, page by page, for CSV export without loading them all at once. */
export async function* exportAccounts(filters: AccountFilters, now = new Date()) {
  const where = accountWhere(filters, now)
  let cursor: string | undefined
  for (;;) {
    const batch = await prisma.account.findMany({
      where,
      orderBy: { id: 'asc' },
      take: 1000,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: { ...listSelect, legalName: true, email: true, phone: true },
    })
    if (!batch.length) return
    yield batch
    cursor = batch.at(-1)!.id
  }
}

export async function getAccountDetail(id: string) {
  return prisma.account.findUnique({
    where: { id },
    include: {
      rep: { select: { id: true, code: true, name: true } },
      priceList: { select: { name: true } },
      paymentTerms: { select: { code: true } },
      users: {
        where: { role: 'BUYER' },
        select: {
          id: true,
          name: true,
          email: true,
          lastLoginAt: true,
          isAccountAdmin: true,
          active: true,
        },
      },
      statusChanges: { orderBy: { changedAt: 'desc' }, take: 50 },
      reactivations: {
        orderBy: { reactivatedAt: 'desc' },
        include: { invitation: { select: { campaign: { select: { id: true, name: true } } } } },
      },
      repAssignments: {
        orderBy: { assignedAt: 'desc' },
        include: { rep: { select: { code: true, name: true } } },
      },
      orders: {
        orderBy: { placedAt: 'desc' },
        take: 50,
        select: {
          id: true,
          channel: true,
          status: true,
          totalCents: true,
          placedAt: true,
          externalRef: true,
          _count: { select: { lines: true } },
        },
      },
      _count: { select: { orders: true } },
    },
  })
}

/**
 * The account as its rep sees it: the same detail the back office reads, but only when the
 * account is the rep's own. Another rep's account and an unknown id both give null, so the
 * rep area answers 404 without telling which.
 */
export async function getRepAccountDetail(repId: string, accountId: string) {
  const account = await getAccountDetail(accountId)
  return account && account.repId === repId ? account : null
}

/**
 * The contact form's schema on the server (parse it with `async: true`): the browser's checks,
 * and a rep that exists.
 */
export function accountEditSchemaForSave() {
  return accountEditSchema(async (edit, ctx) => {
    if (edit.repId && !(await prisma.rep.findUnique({ where: { id: edit.repId } }))) {
      addFormIssue(ctx, 'repId', 'account.unknownRep')
    }
  })
}

/** Saves contact data and the assigned rep; audited, with the rep change kept as history. */
export async function updateAccount(
  actorId: string,
  accountId: string,
  requested: AccountEdit,
  now = new Date(),
  /** Only these fields change (the telesales team's contact data); the others stay as stored. */
  only?: readonly (keyof AccountEdit)[],
) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.account.findUnique({ where: { id: accountId } })
    if (!before) return { ok: false as const, code: 'NOT_FOUND' as const }
    const edit: AccountEdit = only
      ? {
          ...(Object.fromEntries(
            Object.keys(requested).map((key) => [key, before[key as keyof AccountEdit]]),
          ) as AccountEdit),
          ...Object.fromEntries(only.map((key) => [key, requested[key]])),
        }
      : requested
    if (
      edit.repId &&
      !(await tx.rep.findUnique({ where: { id: edit.repId }, select: { id: true } }))
    ) {
      return { ok: false as const, code: 'UNKNOWN_REP' as const }
    }
    const changes = diffFields(before, edit)
    if (!Object.keys(changes).length) return { ok: true as const, changed: 0 }
    // A new address is a fix of bounced contact data: invitations may go to it again.
    const emailChanged = (before.email ?? '') !== (edit.email ?? '')
    // So is a new phone number after a call found the old one wrong.
    const phoneChanged =
      (normalizePhone(before.phone) ?? before.phone ?? '') !== (edit.phone ?? '') ||
      (before.whatsapp ?? '') !== (edit.whatsapp ?? '')
    const searchText = accountSearchText({ tradeName: edit.tradeName, legalName: before.legalName })
    await tx.account.update({
      where: { id: accountId },
      data: {
        ...edit,
        searchText,
        ...(emailChanged ? { emailBouncedAt: null, emailBounceReason: null } : {}),
        ...(phoneChanged ? { phoneWrongAt: null } : {}),
      },
    })
    if ('repId' in changes) {
      await tx.repAssignment.create({
        data: { accountId, repId: edit.repId, assignedAt: now, assignedById: actorId },
      })
    }
    await audit(tx, {
      actorId,
      action: 'account.update',
      entity: 'Account',
      entityId: accountId,
      changes,
    })
    return { ok: true as const, changed: Object.keys(changes).length }
  })
}

/**
 * The new-account form's schema on the server (parse it with `async: true`): the browser's
 * checks, a CNPJ not yet in the portfolio and a rep that exists, each beside its field.
 */
export function accountCreateSchemaForSave() {
  return accountCreateSchema(async (values, ctx) => {
    const cnpj = normalizeCnpj(values.cnpj)
    if (cnpj && (await prisma.account.findUnique({ where: { cnpj }, select: { id: true } }))) {
      addFormIssue(ctx, 'cnpj', 'accountForm.cnpjTaken')
    }
    if (values.repId && !(await prisma.rep.findUnique({ where: { id: values.repId } }))) {
      addFormIssue(ctx, 'repId', 'account.unknownRep')
    }
  })
}

/**
 * Creates one account by hand (a retailer not yet in the ERP files), audited, with its rep's
 * assignment as history. It starts NEVER_ORDERED, with the commercial terms the settings give
 * new accounts (changed on its page, where its buyers are added). A CNPJ taken meanwhile (two managers at once) is refused, not a 500.
 */
export async function createAccount(actorId: string, values: AccountCreate, now = new Date()) {
  try {
    return await prisma.$transaction(async (tx) => {
      if (values.repId && !(await tx.rep.findUnique({ where: { id: values.repId } }))) {
        return { ok: false as const, code: 'UNKNOWN_REP' as const }
      }
      const account = await tx.account.create({
        data: { ...(await newAccountTerms(tx)), ...values, searchText: accountSearchText(values) },
        select: { id: true },
      })
      if (values.repId) {
        await tx.repAssignment.create({
          data: {
            accountId: account.id,
            repId: values.repId,
            assignedAt: now,
            assignedById: actorId,
          },
        })
      }
      await audit(tx, {
        actorId,
        action: 'account.created',
        entity: 'Account',
        entityId: account.id,
        changes: values,
      })
      return { ok: true as const, accountId: account.id }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false as const, code: 'CNPJ_TAKEN' as const }
    throw error
  }
}
