import { createRep, createUser, deliverQueuedEmail } from '#tests/fixtures/factories'
import { lucia, requireStaff } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { authenticate } from './login.server'
import { resetPassword } from './password-reset.server'
import {
  createStaffUser,
  listStaff,
  parseStaffFilters,
  resendSetPasswordLink,
  setStaffActive,
  staffSchemaForSave,
  updateStaffUser,
} from './staff.server'
import { type StaffInput } from './staff-forms'

let seq = 0
function unique() {
  seq += 1
  return `${Date.now().toString(36)}${seq}`
}

/** The only active admin of the database from now on (earlier tests' admins are deactivated). */
async function soleAdmin() {
  await prisma.user.updateMany({ where: { role: 'ADMIN' }, data: { active: false } })
  return createUser({ role: 'ADMIN', email: `admin-${unique()}@test.example` })
}

function input(overrides: Partial<StaffInput> = {}): StaffInput {
  return {
    name: 'Gestora Nova',
    email: `gestora-${unique()}@test.example`,
    role: 'MANAGER',
    repCode: null,
    ...overrides,
  }
}

async function linkFromMailbox(email: string): Promise<string> {
  await deliverQueuedEmail()
  const mail = await prisma.mailboxMessage.findFirstOrThrow({
    where: { to: email },
    orderBy: { createdAt: 'desc' },
  })
  const match = /token=([\w-]+)/.exec(mail.text)
  if (!match) throw new Error('no link in the email')
  return match[1]!
}

/** Parses a form as the action does; the errors by field, or the value. */
async function parse(userId: string | null, form: Record<string, string>) {
  const result = await staffSchemaForSave(userId).safeParseAsync(form)
  return result.success
    ? { value: result.data }
    : { errors: result.error.flatten().fieldErrors as Record<string, string[]> }
}

function requestAs(sessionId: string) {
  return new Request('http://localhost/admin', {
    headers: { Cookie: lucia.createSessionCookie(sessionId).serialize().split(';')[0]! },
  })
}

async function statusOf(guard: Promise<unknown>) {
  try {
    await guard
    return 'ok'
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}

describe('staff users', () => {
  it('creates a manager who sets a password from the emailed link and logs in, audited', async () => {
    const admin = await soleAdmin()
    const data = input({ email: `Nova.Gestora-${unique()}@Test.Example` })
    const parsed = await parse(null, { name: data.name, email: data.email, role: 'MANAGER' })
    expect(parsed.value?.email).toBe(data.email.toLowerCase())
    const created = await createStaffUser(admin.id, parsed.value!)
    expect(created.ok).toBe(true)
    const user = await prisma.user.findFirstOrThrow({ where: { email: data.email.toLowerCase() } })
    expect(user).toMatchObject({ role: 'MANAGER', active: true, passwordHash: null, repId: null })

    const token = await linkFromMailbox(user.email)
    expect(await resetPassword({ token, password: 'senha-da-gestora' })).toEqual({ ok: true })
    const login = await authenticate({
      email: data.email,
      password: 'senha-da-gestora',
      ip: '10.9.0.1',
    })
    expect(login).toMatchObject({ ok: true, user: { id: user.id, role: 'MANAGER' } })
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: user.id, action: 'user.created' },
    })
    expect(entry.actorId).toBe(admin.id)
  })

  it('refuses an email another user has, whatever its case, and writes nothing', async () => {
    const admin = await soleAdmin()
    const taken = await createUser({ email: `compras-${unique()}@loja.example` })
    const parsed = await parse(null, {
      name: 'Outra Pessoa',
      email: ` ${taken.email.toUpperCase()} `,
      role: 'MANAGER',
    })
    expect(parsed.errors?.email).toEqual(['staffForm.emailTaken'])
    // The write checks again (a race past the form's check).
    const before = await prisma.user.count()
    const result = await createStaffUser(admin.id, input({ email: taken.email }))
    expect(result).toEqual({ ok: false, errors: { email: ['staffForm.emailTaken'] } })
    expect(await prisma.user.count()).toBe(before)
    expect(await prisma.outboxMessage.count({ where: { to: taken.email } })).toBe(0)
  })

  it('reports an empty name, a bad email and a missing rep code beside their fields', async () => {
    const parsed = await parse(null, { name: ' ', email: 'not-an-email', role: 'REP' })
    expect(parsed.errors).toEqual({
      name: ['form.required'],
      email: ['validation.email'],
      repCode: ['staffForm.repCodeRequired'],
    })
    const missing = await parse(null, { role: 'REP' })
    expect(missing.errors).toEqual({
      name: ['form.required'],
      email: ['form.required'],
      repCode: ['staffForm.repCodeRequired'],
    })
    const badRole = await parse(null, { name: 'Ana', email: 'ana@test.example', role: 'BUYER' })
    expect(badRole.errors?.role).toEqual(['staffForm.roleInvalid'])
  })

  it('ties a rep user to a free rep, creates a new rep with its code, and refuses a taken code', async () => {
    const admin = await soleAdmin()
    // Its code was stored in mixed case; codes are compared in capitals, as typed codes are.
    const free = await createRep()
    expect(free.code).not.toBe(free.code.toUpperCase())
    const first = await createStaffUser(
      admin.id,
      input({ role: 'REP', repCode: free.code.toUpperCase(), name: 'Rep Livre' }),
    )
    expect(first.ok && (await prisma.user.findUnique({ where: { id: first.id } }))?.repId).toBe(
      free.id,
    )

    const code = `N${unique()}`.toUpperCase().slice(0, 20)
    const email = `rep-novo-${unique()}@test.example`
    const second = await createStaffUser(
      admin.id,
      input({ role: 'REP', repCode: code, name: 'Rep Novo', email }),
    )
    const rep = await prisma.rep.findUniqueOrThrow({ where: { code }, include: { user: true } })
    expect(rep).toMatchObject({ name: 'Rep Novo', email })
    expect(second.ok && rep.user?.id).toBe(second.ok && second.id)
    expect(
      await prisma.auditLog.count({ where: { entityId: rep.id, action: 'rep.created' } }),
    ).toBe(1)

    // The code is now someone's: the form says whose, and nothing is written.
    const parsed = await parse(null, {
      name: 'Rep Três',
      email: `rep-tres-${unique()}@test.example`,
      role: 'REP',
      repCode: code.toLowerCase(),
    })
    expect(parsed.errors?.repCode).toEqual([
      `staffForm.repCodeTaken ${JSON.stringify({ code, name: 'Rep Novo' })}`,
    ])
    const users = await prisma.user.count()
    const reps = await prisma.rep.count()
    const refused = await createStaffUser(admin.id, input({ role: 'REP', repCode: code }))
    expect(refused.ok).toBe(false)
    expect([await prisma.user.count(), await prisma.rep.count()]).toEqual([users, reps])
  })

  it('refuses a new rep whose email another rep already uses, naming that rep code', async () => {
    const admin = await soleAdmin()
    const existing = await createRep()
    const result = await createStaffUser(
      admin.id,
      input({
        role: 'REP',
        repCode: `X${unique()}`.toUpperCase().slice(0, 20),
        email: existing.email,
      }),
    )
    expect(result).toEqual({
      ok: false,
      errors: {
        repCode: [`staffForm.repEmailTaken ${JSON.stringify({ code: existing.code })}`],
      },
    })
  })

  it('edits name, email, role and rep code, audited field by field', async () => {
    const admin = await soleAdmin()
    const created = await createStaffUser(admin.id, input())
    if (!created.ok) throw new Error('not created')
    const code = `E${unique()}`.toUpperCase().slice(0, 20)
    const email = `editado-${unique()}@test.example`
    const saved = await updateStaffUser(
      admin.id,
      created.id,
      input({ name: 'Nome Editado', email, role: 'REP', repCode: code }),
    )
    expect(saved.ok).toBe(true)
    const user = await prisma.user.findUniqueOrThrow({
      where: { id: created.id },
      include: { rep: true },
    })
    expect(user).toMatchObject({ name: 'Nome Editado', email, role: 'REP' })
    expect(user.rep?.code).toBe(code)
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: created.id, action: 'user.updated' },
    })
    expect(Object.keys(JSON.parse(entry.changes) as object).sort()).toEqual([
      'email',
      'name',
      'repCode',
      'role',
    ])
    // Back to manager: the rep stays, without a user.
    await updateStaffUser(admin.id, created.id, input({ name: 'Nome Editado', email }))
    const rep = await prisma.rep.findUniqueOrThrow({ where: { code }, include: { user: true } })
    expect(rep.user).toBeNull()
  })

  it('never deactivates or demotes the last active admin, nor lets an admin deactivate themselves', async () => {
    const admin = await soleAdmin()
    const other = await createUser({ role: 'ADMIN', email: `admin-2-${unique()}@test.example` })
    expect(await setStaffActive(admin.id, admin.id, false)).toEqual({ ok: false, code: 'SELF' })
    expect(await setStaffActive(admin.id, other.id, false)).toEqual({ ok: true, changed: true })
    // `other`, now inactive, tries to remove the one admin left (as a stale page would).
    expect(await setStaffActive(other.id, admin.id, false)).toEqual({
      ok: false,
      code: 'LAST_ADMIN',
    })
    await prisma.user.update({ where: { id: other.id }, data: { active: true, role: 'MANAGER' } })
    const demoted = await updateStaffUser(
      other.id,
      admin.id,
      input({ name: admin.name, email: admin.email, role: 'MANAGER' }),
    )
    expect(demoted).toEqual({ ok: false, errors: { role: ['staffForm.lastAdmin'] } })
    expect(
      await prisma.user.findUniqueOrThrow({
        where: { id: admin.id },
        select: { role: true, active: true },
      }),
    ).toEqual({ role: 'ADMIN', active: true })
    // Nor may an admin change their own role.
    await prisma.user.update({ where: { id: other.id }, data: { role: 'ADMIN' } })
    expect(
      await updateStaffUser(
        admin.id,
        admin.id,
        input({ name: admin.name, email: admin.email, role: 'MANAGER' }),
      ),
    ).toEqual({ ok: false, errors: { role: ['staffForm.ownRole'] } })
  })

  it('leaves one admin when two admins are removed at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await soleAdmin()
      const b = await createUser({ role: 'ADMIN', email: `admin-b-${unique()}@test.example` })
      // Each removes the other: without the lock both would see the other still there.
      const results = await Promise.all([
        setStaffActive(b.id, a.id, false),
        setStaffActive(a.id, b.id, false),
      ])
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(await prisma.user.count({ where: { role: 'ADMIN', active: true } })).toBe(1)
    }
    const a = await soleAdmin()
    const b = await createUser({ role: 'ADMIN', email: `admin-b-${unique()}@test.example` })
    const results = await Promise.all([
      setStaffActive(b.id, a.id, false),
      updateStaffUser(a.id, b.id, input({ name: b.name, email: b.email, role: 'MANAGER' })),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(await prisma.user.count({ where: { role: 'ADMIN', active: true } })).toBe(1)
  })

  it('ends every session of a deactivated user at once, and refuses their old cookie', async () => {
    const admin = await soleAdmin()
    const manager = await createUser({ role: 'MANAGER' })
    const { user: buyer } = await import('#tests/fixtures/factories').then((f) => f.createBuyer())
    const own = await lucia.createSession(manager.id, { impersonatorId: null })
    const actingAs = await lucia.createSession(buyer.id, { impersonatorId: manager.id })
    expect(await statusOf(requireStaff(requestAs(own.id)))).toBe('ok')

    expect(await setStaffActive(admin.id, manager.id, false)).toEqual({ ok: true, changed: true })
    expect(await prisma.session.count({ where: { id: { in: [own.id, actingAs.id] } } })).toBe(0)
    expect(await statusOf(requireStaff(requestAs(own.id)))).toBe(302)
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: manager.id, action: 'user.deactivated' },
    })
    expect(entry.actorId).toBe(admin.id)

    // Session validation itself refuses an inactive user (a session left by any other path).
    const stray = await lucia.createSession(manager.id, { impersonatorId: null })
    expect(await statusOf(requireStaff(requestAs(stray.id)))).toBe(302)
    expect(await prisma.session.count({ where: { id: stray.id } })).toBe(0)

    // Reactivated, they may log in again (with a new session).
    expect(await setStaffActive(admin.id, manager.id, true)).toEqual({ ok: true, changed: true })
    const fresh = await lucia.createSession(manager.id, { impersonatorId: null })
    expect(await statusOf(requireStaff(requestAs(fresh.id)))).toBe('ok')
  })

  it('burns an unused set-password link when the user is deactivated', async () => {
    const admin = await soleAdmin()
    const created = await createStaffUser(admin.id, input())
    if (!created.ok) throw new Error('not created')
    const user = await prisma.user.findUniqueOrThrow({ where: { id: created.id } })
    const token = await linkFromMailbox(user.email)
    await setStaffActive(admin.id, user.id, false)
    expect(await resetPassword({ token, password: 'senha-qualquer-1' })).toEqual({
      ok: false,
      code: 'USED',
    })
    expect(await resendSetPasswordLink(admin.id, user.id)).toBe(false)
    await setStaffActive(admin.id, user.id, true)
    expect(await resendSetPasswordLink(admin.id, user.id)).toBe(true)
    const again = await linkFromMailbox(user.email)
    expect(again).not.toBe(token)
    expect(await resetPassword({ token: again, password: 'senha-qualquer-1' })).toEqual({
      ok: true,
    })
  })

  it('lists staff only, searching name, email and rep code without regard to case or accents', async () => {
    const admin = await soleAdmin()
    const tag = unique()
    await createStaffUser(admin.id, input({ name: `Joana Conceição ${tag}` }))
    await createUser({ role: 'BUYER', name: `Joana Compradora ${tag}` })
    const found = await listStaff(parseStaffFilters(new URLSearchParams({ q: `CONCEICAO ${tag}` })))
    expect(found.users.map((u) => u.name)).toEqual([`Joana Conceição ${tag}`])
    const buyers = await listStaff(parseStaffFilters(new URLSearchParams({ q: tag })))
    expect(buyers.total).toBe(1)
    const paged = await listStaff(
      parseStaffFilters(new URLSearchParams({ page: '999', role: 'ADMIN', status: 'active' })),
    )
    expect(paged.users.map((u) => u.id)).toEqual([admin.id])
  })
})
