import { createUser } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { verifyPassword } from '~/utils/password.server'
import {
  claimInstall,
  createSetupCode,
  forgetAdminSeen,
  hasAdmin,
  hashSetupCode,
  issueSetupCode,
  SETUP_MAX_FAILURES_PER_IP,
} from './first-admin.server'

let ipCounter = 0
/** Each test guesses from its own address, so the wrong-code limit of one never meets another. */
const nextIp = () => `10.9.0.${++ipCounter}`

function claim(code: string, overrides: Partial<Parameters<typeof claimInstall>[0]> = {}) {
  return claimInstall({
    code,
    companyName: 'Cimentos Aurora',
    name: 'Ana Admin',
    email: 'ana@aurora.example',
    password: 'a long password',
    ip: nextIp(),
    ...overrides,
  })
}

async function snapshot() {
  const [users, audits, settings] = await Promise.all([
    prisma.user.count(),
    prisma.auditLog.count(),
    prisma.appSettings.findUnique({ where: { id: 1 } }),
  ])
  return {
    users,
    audits,
    companyName: settings?.companyName ?? null,
    setupCodeHash: settings?.setupCodeHash ?? null,
    setupCompletedAt: settings?.setupCompletedAt ?? null,
  }
}

beforeEach(async () => {
  await prisma.auditLog.deleteMany()
  await prisma.session.deleteMany()
  await prisma.user.deleteMany()
  await prisma.appSettings.deleteMany()
  await prisma.rateLimiterFlexible.deleteMany()
  forgetAdminSeen()
})

describe('the first administrator of an empty install', () => {
  it('sees an install without an ADMIN as not set up, even when other users exist', async () => {
    expect(await hasAdmin()).toBe(false)
    await createUser({ role: 'MANAGER' })
    expect(await hasAdmin()).toBe(false)
    await createUser({ role: 'ADMIN' })
    expect(await hasAdmin()).toBe(true)
    expect(await issueSetupCode()).toBeNull()
  })

  it('stores only the hash of the code, and each start-up replaces the previous code', async () => {
    const first = await issueSetupCode()
    expect(first).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    const stored = await prisma.appSettings.findUniqueOrThrow({ where: { id: 1 } })
    expect(stored.setupCodeHash).toBe(hashSetupCode(first!))
    expect(stored.setupCodeHash).not.toContain(first!.replaceAll('-', ''))

    const second = await issueSetupCode()
    expect(second).not.toBe(first)
    expect((await claim(first!)).ok).toBe(false)
    expect((await claim(second!)).ok).toBe(true)
  })

  it('refuses a wrong code and writes nothing', async () => {
    const code = await issueSetupCode()
    const before = await snapshot()
    expect(await claim(createSetupCode())).toEqual({ ok: false, code: 'WRONG_CODE' })
    expect(await claim('')).toEqual({ ok: false, code: 'WRONG_CODE' })
    expect(await snapshot()).toEqual(before)
    expect(before.users).toBe(0)
    expect(code).not.toBeNull()
  })

  it('creates the ADMIN and names the company with the right code, typed loosely, once', async () => {
    const code = (await issueSetupCode())!
    const now = new Date('2026-12-01T12:00:00Z')
    const typed = ` ${code.replaceAll('-', '').toLowerCase()} `
    const result = await claim(typed, { email: 'Ana@Aurora.example', now })
    expect(result).toMatchObject({ ok: true, user: { role: 'ADMIN' } })

    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'ana@aurora.example' } })
    expect(user.role).toBe('ADMIN')
    expect(await verifyPassword(user.passwordHash!, 'a long password')).toBe(true)
    const settings = await prisma.appSettings.findUniqueOrThrow({ where: { id: 1 } })
    expect(settings).toMatchObject({
      companyName: 'Cimentos Aurora',
      setupCodeHash: null,
      setupCompletedAt: now,
    })
    expect(await prisma.auditLog.count({ where: { action: 'setup.firstAdmin' } })).toBe(1)
    expect(await hasAdmin()).toBe(true)

    // The code is spent, and a new start-up issues none once an ADMIN exists.
    expect(await claim(code, { email: 'other@aurora.example' })).toEqual({
      ok: false,
      code: 'ALREADY_SET_UP',
    })
    forgetAdminSeen()
    expect(await claim(code, { email: 'other@aurora.example' })).toEqual({
      ok: false,
      code: 'ALREADY_SET_UP',
    })
    expect(await issueSetupCode()).toBeNull()
    expect(await prisma.user.count()).toBe(1)
  })

  it('lets exactly one of two simultaneous claims win', async () => {
    const code = (await issueSetupCode())!
    const results = await Promise.all([
      claim(code, { email: 'first@aurora.example', companyName: 'First' }),
      claim(code, { email: 'second@aurora.example', companyName: 'Second' }),
      claim(code, { email: 'third@aurora.example', companyName: 'Third' }),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, code: 'ALREADY_SET_UP' },
      { ok: false, code: 'ALREADY_SET_UP' },
    ])
    const admins = await prisma.user.findMany({ where: { role: 'ADMIN' } })
    expect(admins).toHaveLength(1)
    const settings = await prisma.appSettings.findUniqueOrThrow({ where: { id: 1 } })
    // The company is the winner's, not a mix of the claims.
    expect(settings.companyName).toBe(
      { 'first@aurora.example': 'First', 'second@aurora.example': 'Second' }[admins[0]!.email] ??
        'Third',
    )
    expect(await prisma.auditLog.count()).toBe(1)
  })

  it('stops an address after a few wrong codes, even when it then has the right one', async () => {
    const code = (await issueSetupCode())!
    const ip = nextIp()
    for (let i = 0; i < SETUP_MAX_FAILURES_PER_IP; i++) {
      expect(await claim(createSetupCode(), { ip })).toEqual({ ok: false, code: 'WRONG_CODE' })
    }
    const limited = await claim(code, { ip })
    expect(limited).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    expect(await prisma.user.count()).toBe(0)
    // Another address is not affected.
    expect((await claim(code)).ok).toBe(true)
  })

  it('refuses a claim when no code was issued', async () => {
    expect(await claim(createSetupCode())).toEqual({ ok: false, code: 'WRONG_CODE' })
    expect(await prisma.user.count()).toBe(0)
  })
})
