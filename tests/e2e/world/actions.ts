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
import {
  createAccount,
  createErpOrder,
  createFamily,
  createOffer,
  createProduct,
  createRep,
  createUser,
} from '../../fixtures/factories'
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
  isAccountAdmin?: boolean
}): Promise<WorldUser> {
  passwordHash ??= hashPassword(WORLD_PASSWORD)
  const created = await createUser({
    ...data,
    email: `${data.role.toLowerCase()}-${slug()}@e2e.test`,
    passwordHash: await passwordHash,
    isAccountAdmin: data.isAccountAdmin ?? data.role === 'BUYER',
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
  /** A colleague on this account (of an earlier `buyer()`), instead of a new account. */
  accountId?: string
  /** Whether the buyer is the account's admin (default: on a new account yes, a colleague no). */
  isAccountAdmin?: boolean
  name?: string
  /** The account's phone (default: none). */
  phone?: string
  /** The account's WhatsApp, in E.164 (default: none). */
  whatsapp?: string
}

/** A new account with a buyer who is its admin; a twin of a demo account when asked. */
export async function buyer(options: BuyerOptions = {}): Promise<WorldBuyer> {
  if (options.accountId) {
    const account = await prisma.account.findUniqueOrThrow({ where: { id: options.accountId } })
    const colleague = await user({
      role: 'BUYER',
      accountId: account.id,
      name: options.name ?? 'Colega Teste',
      isAccountAdmin: options.isAccountAdmin ?? false,
    })
    return {
      ...colleague,
      accountId: account.id,
      tradeName: account.tradeName,
      cnpj: account.cnpj,
      accountEmail: account.email ?? '',
    }
  }
  const source = options.twinOf
    ? await prisma.account.findUniqueOrThrow({
        where: { id: options.twinOf },
        include: {
          paymentTerms: { select: { code: true } },
          reactivations: { select: { reactivatedAt: true, channel: true, previousStatus: true } },
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
    phone: options.phone ?? null,
  })
  if (options.whatsapp) {
    await prisma.account.update({ where: { id: account.id }, data: { whatsapp: options.whatsapp } })
  }
  if (source) {
    await prisma.account.update({
      where: { id: account.id },
      data: {
        firstOrderAt: source.firstOrderAt,
        medianIntervalDays: source.medianIntervalDays,
        expectedNextOrderAt: source.expectedNextOrderAt,
      },
    })
    // Its reactivations too, so its reactivation date stays its latest (without the online
    // orders that made them, which are not copied).
    await prisma.reactivation.createMany({
      data: source.reactivations.map((reactivation) => ({
        ...reactivation,
        accountId: account.id,
      })),
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
  const buyerUser = await user({
    role: 'BUYER',
    accountId: account.id,
    name: options.name ?? 'Compradora Teste',
    isAccountAdmin: options.isAccountAdmin ?? true,
  })
  return {
    ...buyerUser,
    accountId: account.id,
    tradeName: account.tradeName,
    cnpj: account.cnpj,
    accountEmail: account.email!,
  }
}

/** A back-office user: MANAGER or ADMIN. */
export async function staff(options: {
  role: 'MANAGER' | 'ADMIN' | 'TELESALES'
}): Promise<WorldUser> {
  const names = { ADMIN: 'Admin Teste', MANAGER: 'Gerente Teste', TELESALES: 'Televendas Teste' }
  return user({ role: options.role, name: names[options.role] })
}

/** A call-back that came due an hour ago: the account heads the call queue. */
export async function callBackDue(options: { accountId: string }): Promise<null> {
  await prisma.account.update({
    where: { id: options.accountId },
    data: { callBackAt: new Date(Date.now() - 3_600_000) },
  })
  return null
}

/** An ERP order placed `daysAgo` days ago on the account, which becomes its last order. */
export async function erpOrder(options: {
  accountId: string
  daysAgo: number
}): Promise<{ id: number; externalRef: string }> {
  const order = await createErpOrder(
    options.accountId,
    [{ productId: null, sku: `SKU-${slug()}`, quantity: 2 }],
    { daysAgo: options.daysAgo },
  )
  await prisma.account.update({
    where: { id: options.accountId },
    data: { lastOrderAt: order.placedAt },
  })
  return { id: order.id, externalRef: order.externalRef! }
}

/**
 * Sets whether commission is earned per paid instalment ("comissão na liquidez"), a setting of
 * the whole portal: a spec that turns it on turns it off after itself with this, pass or fail.
 */
export async function commissionOnPayment(options: { on: boolean }): Promise<null> {
  await prisma.appSettings.upsert({
    where: { id: 1 },
    create: { id: 1, commissionOnPayment: options.on },
    update: { commissionOnPayment: options.on },
  })
  return null
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

/** A coupon of the test's own (so editing it disturbs no other test): its id and code. */
export async function offer(): Promise<{ id: string; code: string }> {
  const created = await createOffer()
  return { id: created.id, code: created.code! }
}

/** A product in a family of the test's own (so editing them disturbs no other test). */
export async function catalogProduct(): Promise<{ id: string; sku: string; familyId: string }> {
  const family = await createFamily({ name: `Família ${slug()}` })
  const product = await createProduct({ familyId: family.id })
  return { id: product.id, sku: product.sku, familyId: family.id }
}

/** A campaign already sent, with no invitations: its id. */
export async function campaign(): Promise<{ id: string }> {
  const created = await prisma.campaign.create({
    data: {
      name: `Campanha ${slug()}`,
      filters: JSON.stringify({ status: ['INACTIVE'], family: [] }),
      subject: 'Sentimos sua falta',
      message: 'Olá, {loja}!',
      schedule: 'NOW',
      runs: 1,
      lastRunAt: new Date(),
    },
  })
  return { id: created.id }
}

/** A session for a user, as the login form would open: the cookie to put in the browser. */
export async function session(options: { userId: string }) {
  const opened = await lucia.createSession(options.userId, { impersonatorId: null })
  const cookie = lucia.createSessionCookie(opened.id)
  return { name: cookie.name, value: cookie.value }
}

/**
 * A pending invitation (as a campaign or a rep sends) to a new address of a new account, or
 * to an existing buyer's address (`email` with its `accountId`): the path of its link.
 */
export async function invitation(
  options: { email?: string; accountId?: string } = {},
): Promise<{ path: string; email: string; accountId: string; tradeName: string }> {
  const email = options.email ?? `convidada-${slug()}@e2e.test`
  const account = options.accountId
    ? await prisma.account.findUniqueOrThrow({ where: { id: options.accountId } })
    : await createAccount({ terms: ['28'], status: 'INACTIVE', email })
  // The shape the landing page checks (`<uuid>.<43 characters>`); only its hash is stored.
  const id = crypto.randomUUID()
  const token = `${id}.${crypto.randomBytes(32).toString('base64url')}`
  await prisma.invitation.create({
    data: {
      id,
      accountId: account.id,
      email,
      subject: 'Convite',
      message: 'Volte a comprar pelo portal.',
      nonce: slug(),
      tokenHash: crypto.createHash('sha256').update(token).digest('hex'),
      expiresAt: new Date(Date.now() + 14 * 24 * 60 * 60 * 1000),
      sentAt: new Date(),
    },
  })
  return { path: `/invite/${token}`, email, accountId: account.id, tradeName: account.tradeName }
}

/** A password-reset link for a user, as the forgotten-password email carries: its path. */
export async function passwordResetLink(options: { userId: string }): Promise<{ path: string }> {
  const token = crypto.randomBytes(32).toString('base64url')
  await prisma.passwordResetToken.create({
    data: {
      userId: options.userId,
      tokenHash: crypto.createHash('sha256').update(token).digest('hex'),
      expiresAt: new Date(Date.now() + 60 * 60 * 1000),
    },
  })
  return { path: `/auth/reset-password?${new URLSearchParams({ token })}` }
}

/**
 * An online order of the account paid with Stripe (through the local Stripe stand-in, so it can
 * be refunded): its id and total.
 */
export async function paidStripeOrder(options: {
  accountId: string
  totalCents?: number
}): Promise<{ orderId: number; totalCents: number }> {
  const totalCents = options.totalCents ?? 25_000
  const api = process.env.STRIPE_API_URL!
  const headers = {
    Authorization: `Bearer ${process.env.STRIPE_SECRET_KEY}`,
    'Content-Type': 'application/x-www-form-urlencoded',
  }
  const body = new URLSearchParams({
    mode: 'payment',
    success_url: `${process.env.APP_URL}/orders`,
    'line_items[0][quantity]': '1',
    'line_items[0][price_data][currency]': 'brl',
    'line_items[0][price_data][unit_amount]': String(totalCents),
  })
  const created = await fetch(`${api}/v1/checkout/sessions`, { method: 'POST', headers, body })
  if (!created.ok) throw new Error(`fake Stripe: ${created.status} ${await created.text()}`)
  const session = (await created.json()) as { id: string }
  await fetch(`${api}/pay/${session.id}/complete`, { method: 'POST', redirect: 'manual' })
  const paid = (await (await fetch(`${api}/__fake/sessions/${session.id}`)).json()) as {
    payment_intent: string
  }
  const order = await prisma.order.create({
    data: {
      accountId: options.accountId,
      channel: 'ONLINE',
      status: 'PLACED',
      paymentStatus: 'PAID',
      paymentMethod: 'STRIPE',
      subtotalCents: totalCents,
      totalCents,
      stripePayment: {
        create: {
          sessionId: session.id,
          paymentIntentId: paid.payment_intent,
          paidAt: new Date(),
        },
      },
    },
  })
  return { orderId: order.id, totalCents }
}
/**
 * ERP orders of the past for an account, lines by catalog SKU (demo products, read only), the
 * latest order's date kept as the account's last order: a purchase history a test controls.
 */
export async function erpOrders(options: {
  accountId: string
  orders: { daysAgo: number; lines: { sku: string; quantity: number }[] }[]
}): Promise<{ orderIds: number[] }> {
  const skus = options.orders.flatMap((order) => order.lines.map((line) => line.sku))
  const products = await prisma.product.findMany({
    where: { sku: { in: skus } },
    select: { id: true, sku: true, name: true, listPriceCents: true },
  })
  const bySku = new Map(products.map((product) => [product.sku, product]))
  const orderIds: number[] = []
  for (const { daysAgo, lines } of options.orders) {
    const priced = lines.map((line) => {
      const product = bySku.get(line.sku)
      if (!product) throw new Error(`erpOrders: no product ${line.sku}`)
      const totalCents = product.listPriceCents * line.quantity
      return {
        ...line,
        productId: product.id,
        name: product.name,
        totalCents,
        unitPriceCents: product.listPriceCents,
      }
    })
    const totalCents = priced.reduce((sum, line) => sum + line.totalCents, 0)
    const order = await prisma.order.create({
      data: {
        accountId: options.accountId,
        channel: 'OFFLINE',
        status: 'DELIVERED',
        paymentStatus: 'PAID',
        paymentMethod: 'ERP',
        externalRef: `ERP-${slug()}`,
        placedAt: new Date(Date.now() - daysAgo * 86_400_000),
        subtotalCents: totalCents,
        totalCents,
        lines: { create: priced },
      },
    })
    orderIds.push(order.id)
  }
  const latest = Math.min(...options.orders.map((order) => order.daysAgo))
  await prisma.account.update({
    where: { id: options.accountId },
    data: { lastOrderAt: new Date(Date.now() - latest * 86_400_000) },
  })
  return { orderIds }
}

export * from './paging-actions'
export * from './security-actions'
export * from './story-actions'
