import crypto from 'node:crypto'
import { createAccount, createUser } from '#tests/fixtures/factories'
import {
  checkResetToken,
  resetPassword,
  signInWithSpentToken,
} from '~/domain/identity/password-reset.server'
import { prisma } from '~/utils/db.server'
import { hashPassword } from '~/utils/password.server'
import { AccessRequestSchema } from './access-request-forms'
import {
  type AccessRequestOutcome,
  approveAccessRequest,
  listAccessRequests,
  rejectAccessRequest,
  requestAccess,
  settleAccessRequests,
} from './access-requests.server'
import { cnpjFromBase, formatCnpj } from './cnpj'

const address = (prefix = 'pede') => `${prefix}-${crypto.randomUUID()}@test.example`
const ip = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(256)}`
/** A valid CNPJ that no account has (the factories' bases have 12 digits from 10^11). */
const unknownCnpj = () =>
  cnpjFromBase(String(crypto.randomInt(10 ** 10, 10 ** 11 - 1)).padStart(12, '0'))

/** Sends a request as the page does (typed CNPJ with punctuation), and waits for its outcome. */
async function ask(
  cnpj: string,
  email: string,
  { from = ip(), name = 'Rita Compradora' }: { from?: string; name?: string } = {},
) {
  const input = AccessRequestSchema.parse({ cnpj: formatCnpj(cnpj), name, email })
  let outcome: AccessRequestOutcome | null = null
  const answer = await requestAccess({
    input,
    ip: from,
    locale: 'pt-BR',
    onHandled: (o) => (outcome = o),
  })
  await settleAccessRequests()
  return { answer, outcome: outcome as AccessRequestOutcome | null }
}

async function linkTo(to: string) {
  const message = await prisma.outboxMessage.findFirstOrThrow({
    where: { to, kind: 'access-link' },
    orderBy: { createdAt: 'desc' },
  })
  const match = /(\/auth\/reset-password\?token=([\w-]+)&welcome=1&signin=1)/.exec(
    message.text ?? '',
  )
  if (!match) throw new Error('no link in the email')
  return { path: match[1]!, token: match[2]!, subject: message.subject }
}

const pendingOf = (cnpj: string) =>
  prisma.accessRequest.findMany({ where: { cnpj, status: 'PENDING' } })

describe('requests for access', () => {
  it('the account’s own email gets a set-password link, and a buyer is made for it, audited', async () => {
    const contact = address('loja')
    const account = await createAccount({ email: contact.toUpperCase() })
    const { answer, outcome } = await ask(account.cnpj, ` ${contact} `)
    expect(answer).toEqual({ ok: true })
    expect(outcome).toBe('LINK_SENT')

    const user = await prisma.user.findUniqueOrThrow({ where: { email: contact } })
    expect(user).toMatchObject({
      role: 'BUYER',
      accountId: account.id,
      name: 'Rita Compradora',
      passwordHash: null,
      active: true,
    })
    const link = await linkTo(contact)
    expect(link.subject).toBe(`Crie sua senha no portal de pedidos — ${account.tradeName}`)
    expect(await checkResetToken(link.token)).toBe('VALID')
    // Not before the password is set: the link alone signs nobody in.
    expect(await signInWithSpentToken(link.token)).toBeNull()
    expect(await resetPassword({ token: link.token, password: 'senha-da-loja-1' })).toEqual({
      ok: true,
    })
    // Right after, the page signs the new buyer in; a minute later the spent link is worth nothing.
    expect(await signInWithSpentToken(link.token)).toEqual({ id: user.id, role: 'BUYER' })
    expect(await signInWithSpentToken(link.token, new Date(Date.now() + 2 * 60_000))).toBeNull()
    expect(await signInWithSpentToken('made-up-token')).toBeNull()
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: user.id, action: 'buyer.add' },
    })
    expect(entry.actorId).toBeNull()
    expect(JSON.parse(entry.changes)).toMatchObject({ via: 'access-request' })
    expect(await pendingOf(account.cnpj)).toHaveLength(0)
  })

  it('an active buyer of the account gets a new link (an hour, as a reset, when they have a password)', async () => {
    const account = await createAccount({ email: address('loja') })
    const buyer = await createUser({
      accountId: account.id,
      email: address('comprador'),
      passwordHash: await hashPassword('senha-antiga-1'),
    })
    const before = Date.now()
    const { outcome } = await ask(account.cnpj, buyer.email)
    expect(outcome).toBe('LINK_SENT')
    const link = await linkTo(buyer.email)
    const stored = await prisma.passwordResetToken.findFirstOrThrow({
      where: { userId: buyer.id, usedAt: null },
    })
    expect(stored.expiresAt.getTime() - before).toBeLessThanOrEqual(60 * 60 * 1000 + 5_000)
    expect(await checkResetToken(link.token)).toBe('VALID')
    expect(await prisma.user.count({ where: { accountId: account.id } })).toBe(1)
  })

  it('an email that is no contact of the account waits for the sales team, with the same answer', async () => {
    const account = await createAccount({ email: address('loja') })
    const stranger = address('outra')
    const { answer, outcome } = await ask(account.cnpj, stranger)
    expect(answer).toEqual({ ok: true })
    expect(outcome).toBe('PENDING')
    const [pending] = await pendingOf(account.cnpj)
    expect(pending).toMatchObject({ email: stranger, name: 'Rita Compradora', requestCount: 1 })
    expect(await prisma.user.findUnique({ where: { email: stranger } })).toBeNull()
    expect(await prisma.outboxMessage.count({ where: { to: stranger } })).toBe(0)
  })

  it('an unknown CNPJ waits too, with the same answer', async () => {
    const cnpj = unknownCnpj()
    const { answer, outcome } = await ask(cnpj, address())
    expect(answer).toEqual({ ok: true })
    expect(outcome).toBe('PENDING')
    expect(await pendingOf(cnpj)).toHaveLength(1)
  })

  it('an email of another account’s buyer, of staff or of a removed buyer waits instead of getting a link', async () => {
    const account = await createAccount({ email: address('loja') })
    const elsewhere = await createUser({ accountId: (await createAccount()).id, email: address() })
    const staff = await createUser({ role: 'MANAGER', email: address('equipe') })
    const removed = await createUser({ accountId: account.id, email: address('saiu') })
    await prisma.user.update({ where: { id: removed.id }, data: { active: false } })
    for (const email of [elsewhere.email, staff.email, removed.email]) {
      expect((await ask(account.cnpj, email)).outcome).toBe('PENDING')
      expect(await prisma.outboxMessage.count({ where: { to: email } })).toBe(0)
    }
    expect(await pendingOf(account.cnpj)).toHaveLength(3)
  })

  it('asking again for the same CNPJ and email updates the one pending request', async () => {
    const cnpj = unknownCnpj()
    const email = address()
    await ask(cnpj, email, { name: 'Primeiro Nome' })
    await ask(cnpj, email.toUpperCase(), { name: 'Segundo Nome' })
    // Two at once: still one row.
    await Promise.all([ask(cnpj, email), ask(cnpj, email)])
    const pending = await pendingOf(cnpj)
    expect(pending).toHaveLength(1)
    expect(pending[0]).toMatchObject({ email, requestCount: 4 })
    // Another email for the same CNPJ is another request.
    await ask(cnpj, address())
    expect(await pendingOf(cnpj)).toHaveLength(2)
  })

  it('limits requests per address (the form says to wait) and per CNPJ (the same answer, nothing done)', async () => {
    const from = ip()
    for (let i = 0; i < 10; i++)
      expect((await ask(unknownCnpj(), address(), { from })).answer.ok).toBe(true)
    const refused = await ask(unknownCnpj(), address(), { from })
    expect(refused.answer).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    expect(refused.outcome).toBeNull()

    const account = await createAccount({ email: address('loja') })
    for (let i = 0; i < 5; i++) expect((await ask(account.cnpj, address())).outcome).toBe('PENDING')
    const contact = account.email!
    const limited = await ask(account.cnpj, contact)
    expect(limited.answer).toEqual({ ok: true })
    expect(limited.outcome).toBe('LIMITED')
    expect(await prisma.user.findUnique({ where: { email: contact } })).toBeNull()
    expect(await pendingOf(account.cnpj)).toHaveLength(5)
  })

  it('a manager approves a request onto the account they confirm: the buyer is made, the link sent, audited', async () => {
    const manager = await createUser({ role: 'MANAGER', email: address('gerente') })
    const account = await createAccount()
    const email = address('nova')
    // The shop typed a CNPJ the portfolio does not have; the manager picks the right account.
    await ask(unknownCnpj(), email, { name: 'Nova Compradora' })
    const request = await prisma.accessRequest.findFirstOrThrow({ where: { email } })

    expect(
      await approveAccessRequest({
        actorId: manager.id,
        requestId: request.id,
        accountCnpj: unknownCnpj(),
      }),
    ).toEqual({ ok: false, code: 'NO_ACCOUNT' })
    const approved = await approveAccessRequest({
      actorId: manager.id,
      requestId: request.id,
      accountCnpj: account.cnpj,
    })
    if (!approved.ok) throw new Error(approved.code)
    const user = await prisma.user.findUniqueOrThrow({ where: { id: approved.userId } })
    expect(user).toMatchObject({
      email,
      accountId: account.id,
      name: 'Nova Compradora',
      role: 'BUYER',
    })
    const link = await linkTo(email)
    expect(await resetPassword({ token: link.token, password: 'senha-nova-123' })).toEqual({
      ok: true,
    })
    expect(
      await prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } }),
    ).toMatchObject({
      status: 'APPROVED',
      pendingKey: null,
      decidedById: manager.id,
      accountId: account.id,
      userId: user.id,
    })
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: request.id, action: 'access_request.approve' },
    })
    expect(entry.actorId).toBe(manager.id)

    // Decided once: neither a second approval nor a rejection changes it.
    expect(
      await approveAccessRequest({
        actorId: manager.id,
        requestId: request.id,
        accountCnpj: account.cnpj,
      }),
    ).toEqual({ ok: false, code: 'DECIDED' })
    expect(await rejectAccessRequest({ actorId: manager.id, requestId: request.id })).toEqual({
      ok: false,
      code: 'DECIDED',
    })
    // The same pair may ask again afterwards: a new pending request.
    await ask(account.cnpj, address())
  })

  it('refuses to approve an email that another user has, changing nothing', async () => {
    const manager = await createUser({ role: 'MANAGER', email: address('gerente') })
    const account = await createAccount()
    const staff = await createUser({ role: 'ADMIN', email: address('admin') })
    await ask(account.cnpj, staff.email)
    const request = await prisma.accessRequest.findFirstOrThrow({ where: { email: staff.email } })
    expect(
      await approveAccessRequest({
        actorId: manager.id,
        requestId: request.id,
        accountCnpj: account.cnpj,
      }),
    ).toEqual({ ok: false, code: 'EMAIL_TAKEN' })
    expect(
      (await prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).status,
    ).toBe('PENDING')
    expect(await prisma.user.count({ where: { accountId: account.id } })).toBe(0)
  })

  it('a manager rejects a request, audited; two managers at once decide it once', async () => {
    const [first, second] = await Promise.all([
      createUser({ role: 'MANAGER', email: address('g1') }),
      createUser({ role: 'MANAGER', email: address('g2') }),
    ])
    const account = await createAccount()
    const email = address()
    await ask(account.cnpj, email)
    const request = await prisma.accessRequest.findFirstOrThrow({ where: { email } })
    const results = await Promise.all([
      rejectAccessRequest({ actorId: first.id, requestId: request.id }),
      approveAccessRequest({
        actorId: second.id,
        requestId: request.id,
        accountCnpj: account.cnpj,
      }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const decided = await prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } })
    const audits = await prisma.auditLog.count({ where: { entityId: request.id } })
    expect(audits).toBe(1)
    if (decided.status === 'REJECTED') {
      expect(await prisma.user.findUnique({ where: { email } })).toBeNull()
      expect(await prisma.outboxMessage.count({ where: { to: email } })).toBe(0)
    } else {
      expect(decided.status).toBe('APPROVED')
    }
  })

  it('lists pending requests oldest first with the account their CNPJ names, and decided ones apart', async () => {
    const account = await createAccount()
    const email = address('lista')
    await ask(account.cnpj, email)
    const cnpj = unknownCnpj()
    await ask(cnpj, address('lista'))
    // Earlier tests of this file left requests too: read every page.
    const first = await listAccessRequests({ view: 'pending', page: 1 })
    const { pendingCount } = first
    const requests = [...first.requests]
    for (let page = 2; page <= first.pageCount; page++) {
      requests.push(...(await listAccessRequests({ view: 'pending', page })).requests)
    }
    expect(requests).toHaveLength(pendingCount)
    expect(pendingCount).toBeGreaterThanOrEqual(2)
    const mine = requests.find((r) => r.email === email)
    expect(mine?.account).toMatchObject({ id: account.id, tradeName: account.tradeName })
    const other = requests.find((r) => r.cnpj === cnpj)
    expect(other?.account).toBeNull()
    const times = requests.map((r) => new Date(r.lastRequestedAt).getTime())
    expect(times).toEqual([...times].sort((a, b) => a - b))

    const manager = await createUser({ role: 'MANAGER', email: address('gerente') })
    await rejectAccessRequest({ actorId: manager.id, requestId: mine!.id })
    const decided = await listAccessRequests({ view: 'decided', page: 1 })
    expect(decided.requests.find((r) => r.id === mine!.id)).toMatchObject({
      status: 'REJECTED',
      decidedBy: manager.name,
    })
    // A page beyond the last shows the last.
    expect((await listAccessRequests({ view: 'pending', page: 999 })).page).toBe(
      (await listAccessRequests({ view: 'pending', page: 1 })).pageCount,
    )
  })
})
