/**
 * What an end-to-end test may ask the e2e server to create for it (tests/e2e/world/server.ts
 * serves these on a localhost port of the test harness; nothing of this is in the app's build).
 *
 * Each test makes its own people and accounts, so tests run in parallel without sharing a cart,
 * a rate limit or a status. The catalog, price lists, payment terms and offers of the demo seed
 * are shared and read-only for tests. A "twin" copies a demo account's commercial settings and
 * order history onto a new account, so a test gets a realistic customer of its own.
 */
import crypto from 'node:crypto'
import { type AccountStatus, type Role } from '@prisma/client'
import { createAccount, createRep, createUser } from '../../fixtures/factories'
import { lucia } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { hashPassword } from '~/utils/password.server'

/** The password every user made here gets, so a test can also log in through the form. */
export const WORLD_PASSWORD = 'senha-de-teste-1'

let passwordHash: Promise<string> | null = null

function slug() {
  return crypto.randomBytes(5).toString('hex')
}

export type WorldUser = { id: string; email: string; name: string; password: string }
export type WorldBuyer = WorldUser & {
  accountId: string
  tradeName: string
  cnpj: string
  accountEmail: string
}

async function user(data: {
  role: Role
  accountId?: string
  repId?: string
  name: string
}): Promise<WorldUser> {
  passwordHash ??= hashPassword(WORLD_PASSWORD)
  const created = await createUser({
    ...data,
    email: `${data.role.toLowerCase()}-${slug()}@e2e.test`,
    passwordHash: await passwordHash,
    isAccountAdmin: data.role === 'BUYER',
  })
  return { id: created.id, email: created.email, name: data.name, password: WORLD_PASSWORD }
}

export type BuyerOptions = {
  /** A demo account (acc_00001 … ) whose terms, price list, minimum, rep, status and orders to copy. */
  twinOf?: string
  status?: AccountStatus
  minimumOrderCents?: number
  state?: string
  /** The account's rep (a `rep()` of the same test), instead of the twin's. */
  repId?: string
}

/** A new account with a buyer who is its admin; a twin of a demo account when asked. */
export async function buyer(options: BuyerOptions = {}): Promise<WorldBuyer> {
  const source = options.twinOf
    ? await prisma.account.findUniqueOrThrow({
        where: { id: options.twinOf },
        include: {
          paymentTerms: { select: { code: true } },
          orders: {
            where: { channel: 'OFFLINE' },
            include: { lines: true },
            orderBy: { placedAt: 'asc' },
          },
        },
      })
    : null
  const account = await createAccount({
    terms: source ? source.paymentTerms.map((t) => t.code) : ['28', '28/56'],
    minimumOrderCents: options.minimumOrderCents ?? source?.minimumOrderCents ?? 0,
    priceListId: source?.priceListId ?? null,
    repId: options.repId ?? source?.repId ?? null,
    status: options.status ?? source?.status ?? 'ACTIVE',
    lastOrderAt: source?.lastOrderAt ?? null,
    reactivatedAt: source?.reactivatedAt ?? null,
    segment: source?.segment ?? null,
    state: options.state ?? source?.state ?? 'SP',
    email: `loja-${slug()}@e2e.test`,
  })
  if (source) {
    await prisma.account.update({
      where: { id: account.id },
      data: {
        firstOrderAt: source.firstOrderAt,
        medianIntervalDays: source.medianIntervalDays,
        expectedNextOrderAt: source.expectedNextOrderAt,
      },
    })
    // The demo's ERP orders, under the new account (ids, keys and ERP numbers made anew).
    for (const { id: _id, accountId: _a, idempotencyKey: _k, lines, ...order } of source.orders) {
      await prisma.order.create({
        data: {
          ...order,
          accountId: account.id,
          externalRef: order.externalRef && `${order.externalRef}-${slug()}`,
          lines: { create: lines.map(({ id: _l, orderId: _o, ...line }) => line) },
        },
      })
    }
  }
  const buyerUser = await user({ role: 'BUYER', accountId: account.id, name: 'Compradora Teste' })
  return {
    ...buyerUser,
    accountId: account.id,
    tradeName: account.tradeName,
    cnpj: account.cnpj,
    accountEmail: account.email!,
  }
}

/** A back-office user: MANAGER or ADMIN. */
export async function staff(options: { role: 'MANAGER' | 'ADMIN' }): Promise<WorldUser> {
  return user({
    role: options.role,
    name: options.role === 'ADMIN' ? 'Admin Teste' : 'Gerente Teste',
  })
}

/** A new rep with a REP user. */
export async function rep(): Promise<WorldUser & { repId: string; repCode: string }> {
  const created = await createRep()
  return {
    ...(await user({ role: 'REP', repId: created.id, name: created.name })),
    repId: created.id,
    repCode: created.code,
  }
}

/** A session for a user, as the login form would open: the cookie to put in the browser. */
export async function session(options: { userId: string }) {
  const opened = await lucia.createSession(options.userId, { impersonatorId: null })
  const cookie = lucia.createSessionCookie(opened.id)
  return { name: cookie.name, value: cookie.value }
}
export * from './security-actions'
