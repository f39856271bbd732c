import crypto from 'node:crypto'
import { parseWithZod } from '@conform-to/zod'
import { createAccount, createUser } from '#tests/fixtures/factories'
import { checkResetToken, resetPassword } from '~/domain/identity/password-reset.server'
import { lucia } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import {
  addBuyer,
  BUYER_INVITATION_TTL_MS,
  buyerAddSchemaForSave,
  buyerFormAction,
  changeBuyer,
  type BuyerActor,
} from './buyers.server'

const email = (prefix = 'b') => `${prefix}-${crypto.randomUUID()}@test.example`

async function manager(): Promise<Extract<BuyerActor, { kind: 'staff' }>> {
  const user = await createUser({ role: 'MANAGER', email: email('m') })
  return { kind: 'staff', userId: user.id }
}

/** An account with its admin buyer, and that admin as an actor. */
async function accountWithAdmin() {
  const account = await createAccount()
  const admin = await createUser({ accountId: account.id, email: email('a'), isAccountAdmin: true })
  const actor: BuyerActor = { kind: 'account-admin', userId: admin.id, impersonatorId: null }
  return { account, admin, actor }
}

async function invitationToken(to: string): Promise<string> {
  const message = await prisma.outboxMessage.findFirstOrThrow({
    where: { to, kind: 'buyer-invitation' },
    orderBy: { createdAt: 'desc' },
  })
  const match = /token=([\w-]+)/.exec(message.text ?? '')
  if (!match) throw new Error('no link in the email')
  return match[1]!
}

async function buyerState(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { active: true, isAccountAdmin: true, accountId: true, role: true },
  })
}

describe("an account's buyers", () => {
  it('a manager adds a buyer who gets a set-password link by email; audited', async () => {
    const actor = await manager()
    const account = await createAccount()
    const address = email('Nova').toUpperCase()
    const now = new Date()
    const added = await addBuyer(
      actor,
      account.id,
      { name: ' Ana Souza ', email: address, isAccountAdmin: false },
      { now },
    )
    if (!added.ok) throw new Error(added.code)
    const user = await prisma.user.findUniqueOrThrow({ where: { id: added.userId } })
    expect(user).toMatchObject({
      email: address.toLowerCase(),
      name: 'Ana Souza',
      role: 'BUYER',
      accountId: account.id,
      active: true,
      passwordHash: null,
      // The account's first buyer is its admin, whatever the box said.
      isAccountAdmin: true,
    })
    const token = await invitationToken(user.email)
    expect(await checkResetToken(token)).toBe('VALID')
    const stored = await prisma.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } })
    expect(stored.expiresAt.getTime()).toBe(now.getTime() + BUYER_INVITATION_TTL_MS)
    expect(await resetPassword({ token, password: 'senha-nova-123' })).toEqual({ ok: true })

    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: user.id, action: 'buyer.add' },
    })
    expect(entry.actorId).toBe(actor.userId)
    expect(JSON.parse(entry.changes)).toMatchObject({ accountId: account.id, isAccountAdmin: true })
  })

  it('refuses an email used by another account’s buyer or by staff, whatever its case; writes nothing', async () => {
    const actor = await manager()
    const { account } = await accountWithAdmin()
    const other = await createUser({ accountId: (await createAccount()).id, email: email('x') })
    const staff = await createUser({ role: 'ADMIN', email: email('s') })
    for (const taken of [other.email.toUpperCase(), ` ${staff.email} `]) {
      const form = new FormData()
      form.set('name', 'Alguém')
      form.set('email', taken)
      const submission = await parseWithZod(form, {
        schema: buyerAddSchemaForSave(account.id),
        async: true,
      })
      if (submission.status !== 'error') throw new Error('accepted a taken email')
      expect(submission.error?.email).toEqual(['buyers.emailTaken'])
      // The domain refuses it too (a race past the form's check).
      expect(
        await addBuyer(actor, account.id, { name: 'Alguém', email: taken, isAccountAdmin: false }),
      ).toEqual({ ok: false, code: 'EMAIL_TAKEN' })
    }
    expect(await prisma.user.count({ where: { accountId: account.id } })).toBe(1)
    expect(await buyerState(other.id)).toMatchObject({ accountId: other.accountId, active: true })
    expect(
      await prisma.auditLog.count({ where: { action: 'buyer.add', entityId: other.id } }),
    ).toBe(0)
  })

  it('bad input answers 400 with errors beside the fields and writes nothing', async () => {
    const { account, actor } = await accountWithAdmin()
    const before = await prisma.user.count({ where: { accountId: account.id } })
    const form = new FormData()
    form.set('intent', 'buyer-add')
    form.set('name', 'x')
    form.set('email', 'não é email')
    const reply = await buyerFormAction(actor, account.id, form, 'pt-BR')
    expect(reply.status).toBe(400)
    expect(reply.data.form).toBe('buyer-add')
    if (reply.data.form !== 'buyer-add') return
    expect(reply.data.result.error).toMatchObject({
      name: ['form.tooShort {"count":2}'],
      email: ['validation.email'],
    })
    expect(await prisma.user.count({ where: { accountId: account.id } })).toBe(before)
  })

  it('brings back a removed buyer of the same account with a new link, without their old password', async () => {
    const actor = await manager()
    const { account } = await accountWithAdmin()
    const gone = await createUser({ accountId: account.id, email: email('g'), passwordHash: 'x' })
    await prisma.user.update({ where: { id: gone.id }, data: { active: false } })
    const back = await addBuyer(actor, account.id, {
      name: 'De Volta',
      email: gone.email,
      isAccountAdmin: false,
    })
    expect(back).toEqual({ ok: true, userId: gone.id })
    expect(await prisma.user.findUniqueOrThrow({ where: { id: gone.id } })).toMatchObject({
      active: true,
      passwordHash: null,
      name: 'De Volta',
    })
    expect(
      await addBuyer(actor, account.id, {
        name: 'De Novo',
        email: gone.email,
        isAccountAdmin: false,
      }),
    ).toEqual({ ok: false, code: 'ALREADY_BUYER' })
  })

  it("account A's admin cannot touch account B's buyers, nor add to B, nor act once demoted", async () => {
    const a = await accountWithAdmin()
    const b = await accountWithAdmin()
    const colleagueB = await createUser({ accountId: b.account.id, email: email('cb') })
    for (const intent of [
      'buyer-remove',
      'buyer-make-admin',
      'buyer-unmake-admin',
      'buyer-resend',
    ] as const) {
      // Through A's own account (the storefront passes the admin's account): not found there.
      expect(await changeBuyer(a.actor, a.account.id, colleagueB.id, intent)).toEqual({
        ok: false,
        code: 'NOT_FOUND',
      })
      // Even if a caller passed B's account: A's admin is not B's.
      expect(await changeBuyer(a.actor, b.account.id, colleagueB.id, intent)).toEqual({
        ok: false,
        code: 'FORBIDDEN',
      })
    }
    expect(
      await addBuyer(a.actor, b.account.id, {
        name: 'Intrusa',
        email: email('i'),
        isAccountAdmin: true,
      }),
    ).toEqual({ ok: false, code: 'FORBIDDEN' })
    expect(await buyerState(colleagueB.id)).toMatchObject({ active: true, isAccountAdmin: false })
    expect(await prisma.user.count({ where: { accountId: b.account.id } })).toBe(2)
    // Staff are not buyers of any account: never found, never changed.
    const staff = await createUser({ role: 'MANAGER', email: email('st') })
    expect(await changeBuyer(a.actor, a.account.id, staff.id, 'buyer-remove')).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(await buyerState(staff.id)).toMatchObject({ active: true, role: 'MANAGER' })
    // A plain buyer is not an admin.
    const plain = await createUser({ accountId: a.account.id, email: email('p') })
    const plainActor: BuyerActor = { kind: 'account-admin', userId: plain.id, impersonatorId: null }
    expect(await changeBuyer(plainActor, a.account.id, a.admin.id, 'buyer-remove')).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await buyerState(a.admin.id)).toMatchObject({ active: true })
  })

  it('an account admin cannot remove themselves or change their own flag', async () => {
    const { account, admin, actor } = await accountWithAdmin()
    await createUser({ accountId: account.id, email: email('c'), isAccountAdmin: true })
    for (const intent of ['buyer-remove', 'buyer-unmake-admin'] as const) {
      expect(await changeBuyer(actor, account.id, admin.id, intent)).toEqual({
        ok: false,
        code: 'SELF',
      })
    }
    expect(await buyerState(admin.id)).toMatchObject({ active: true, isAccountAdmin: true })
  })

  it('keeps the last active account admin while the account has other active buyers', async () => {
    const actor = await manager()
    const { account, admin } = await accountWithAdmin()
    const colleague = await createUser({ accountId: account.id, email: email('c') })
    expect(await changeBuyer(actor, account.id, admin.id, 'buyer-unmake-admin')).toEqual({
      ok: false,
      code: 'LAST_ADMIN',
    })
    expect(await changeBuyer(actor, account.id, admin.id, 'buyer-remove')).toEqual({
      ok: false,
      code: 'LAST_ADMIN',
    })
    expect(await buyerState(admin.id)).toMatchObject({ active: true, isAccountAdmin: true })
    // Once a colleague is admin too, either may go.
    expect(await changeBuyer(actor, account.id, colleague.id, 'buyer-make-admin')).toEqual({
      ok: true,
      changed: true,
    })
    expect(await changeBuyer(actor, account.id, admin.id, 'buyer-remove')).toEqual({
      ok: true,
      changed: true,
    })
    // The last buyer of all may be removed: nobody is left without an admin.
    expect(await changeBuyer(actor, account.id, colleague.id, 'buyer-remove')).toEqual({
      ok: true,
      changed: true,
    })
    expect(await prisma.user.count({ where: { accountId: account.id, active: true } })).toBe(0)
  })

  it('two admins unmade at the same time: one of them stays admin', async () => {
    const actor = await manager()
    const { account, admin } = await accountWithAdmin()
    const second = await createUser({
      accountId: account.id,
      email: email('c'),
      isAccountAdmin: true,
    })
    const results = await Promise.all([
      changeBuyer(actor, account.id, admin.id, 'buyer-unmake-admin'),
      changeBuyer(actor, account.id, second.id, 'buyer-remove'),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'LAST_ADMIN' }])
    expect(
      await prisma.user.count({
        where: { accountId: account.id, active: true, isAccountAdmin: true },
      }),
    ).toBe(1)
  })

  it('removing a buyer ends their sessions and links at once; their orders stay', async () => {
    const { account, actor } = await accountWithAdmin()
    const colleague = await createUser({ accountId: account.id, email: email('c') })
    const session = await lucia.createSession(colleague.id, { impersonatorId: null })
    const order = await prisma.order.create({
      data: {
        accountId: account.id,
        channel: 'ONLINE',
        paymentMethod: 'TERMS',
        placedById: colleague.id,
        subtotalCents: 10_000,
        totalCents: 10_000,
      },
    })
    const invited = await changeBuyer(actor, account.id, colleague.id, 'buyer-resend')
    expect(invited).toEqual({ ok: true, changed: true })
    const token = await invitationToken(colleague.email)

    expect(await changeBuyer(actor, account.id, colleague.id, 'buyer-remove')).toEqual({
      ok: true,
      changed: true,
    })
    expect((await lucia.validateSession(session.id)).session).toBeNull()
    expect(await prisma.session.count({ where: { userId: colleague.id } })).toBe(0)
    expect(await checkResetToken(token)).toBe('USED')
    expect(await buyerState(colleague.id)).toMatchObject({ active: false })
    expect(await prisma.order.findUnique({ where: { id: order.id } })).not.toBeNull()
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: colleague.id, action: 'buyer.remove' },
    })
    expect(entry.actorId).toBe(actor.userId)
    // Removed is removed: nothing more to do to them but bring them back.
    expect(await changeBuyer(actor, account.id, colleague.id, 'buyer-resend')).toEqual({
      ok: false,
      code: 'REMOVED',
    })
  })

  it('re-sending replaces the earlier link', async () => {
    const actor = await manager()
    const { account } = await accountWithAdmin()
    const added = await addBuyer(actor, account.id, {
      name: 'Bia',
      email: email('r'),
      isAccountAdmin: false,
    })
    if (!added.ok) throw new Error(added.code)
    const user = await prisma.user.findUniqueOrThrow({ where: { id: added.userId } })
    const first = await invitationToken(user.email)
    await changeBuyer(actor, account.id, user.id, 'buyer-resend')
    const second = await invitationToken(user.email)
    expect(second).not.toBe(first)
    expect(await checkResetToken(first)).toBe('USED')
    expect(await checkResetToken(second)).toBe('VALID')
    expect(
      await prisma.outboxMessage.count({ where: { to: user.email, kind: 'buyer-invitation' } }),
    ).toBe(2)
  })

  it('staff acting as the account admin are named in the audit', async () => {
    const { account, admin } = await accountWithAdmin()
    const staff = await createUser({ role: 'MANAGER', email: email('st') })
    const actor: BuyerActor = { kind: 'account-admin', userId: admin.id, impersonatorId: staff.id }
    const added = await addBuyer(actor, account.id, {
      name: 'Carla',
      email: email('c'),
      isAccountAdmin: false,
    })
    if (!added.ok) throw new Error(added.code)
    expect(await buyerState(added.userId)).toMatchObject({ isAccountAdmin: false })
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: added.userId, action: 'buyer.add' },
    })
    expect(entry).toMatchObject({ actorId: staff.id, onBehalfOfUserId: admin.id })
  })
})
