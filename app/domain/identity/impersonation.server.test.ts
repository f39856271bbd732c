import { createBuyer, createUser } from '#tests/fixtures/factories'
import { getImpersonation, lucia, requireBuyer, requireStaff } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { startImpersonation } from './impersonation.server'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

function requestWith(cookie: string, path = '/catalog') {
  return new Request(`http://localhost${path}`, { headers: { Cookie: cookie.split(';')[0]! } })
}

/** A manager acts as a new buyer; the buyer session's cookie and id. */
async function actAsBuyer() {
  const manager = await createUser({ role: 'MANAGER' })
  const { user: buyer } = await createBuyer()
  const staffSession = await lucia.createSession(manager.id, { impersonatorId: null })
  const result = await startImpersonation(
    requestWith(lucia.createSessionCookie(staffSession.id).serialize(), '/admin'),
    buyer.id,
  )
  if (!result.ok) throw new Error(result.code)
  const sessionId = lucia.readSessionCookie(result.cookie.split(';')[0]!)!
  return { cookie: result.cookie, sessionId, manager }
}

async function expiresAt(sessionId: string) {
  return (await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).expiresAt
}

async function statusOf(guard: Promise<unknown>) {
  try {
    await guard
    return 'ok'
  } catch (thrown) {
    if (thrown instanceof Response) return `${thrown.status} ${thrown.headers.get('Location')}`
    throw thrown
  }
}

describe('acting as a customer', () => {
  it('lasts an hour, not the thirty days of a normal session', async () => {
    const { cookie, sessionId, manager } = await actAsBuyer()
    const ends = (await expiresAt(sessionId)).getTime()
    expect(ends).toBeGreaterThan(Date.now() + HOUR - MINUTE)
    expect(ends).toBeLessThanOrEqual(Date.now() + HOUR)
    expect(cookie).toMatch(/Max-Age=3600/)
    const impersonation = await getImpersonation(requestWith(cookie))
    expect(impersonation).toEqual({ impersonatorId: manager.id, expiresAt: new Date(ends) })
  })

  it('slides to an hour from each request, writing at most once a minute', async () => {
    const { cookie, sessionId } = await actAsBuyer()
    // Used again 50 minutes later: ten minutes were left, now an hour is.
    await prisma.session.update({
      where: { id: sessionId },
      data: { expiresAt: new Date(Date.now() + 10 * MINUTE) },
    })
    expect(await statusOf(requireBuyer(requestWith(cookie)))).toBe('ok')
    expect((await expiresAt(sessionId)).getTime()).toBeGreaterThan(Date.now() + HOUR - MINUTE)
    // Renewed half a minute ago: not written again.
    const recent = new Date(Date.now() + HOUR - 30_000)
    await prisma.session.update({ where: { id: sessionId }, data: { expiresAt: recent } })
    expect(await statusOf(requireBuyer(requestWith(cookie)))).toBe('ok')
    expect(await expiresAt(sessionId)).toEqual(recent)
  })

  it('sends the next request after the hour to the login page, and the session is gone', async () => {
    const { cookie, sessionId } = await actAsBuyer()
    await prisma.session.update({
      where: { id: sessionId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect(await statusOf(requireBuyer(requestWith(cookie, '/cart')))).toBe(
      `302 /auth/login?${new URLSearchParams({ redirectTo: '/cart' })}`,
    )
    expect(await prisma.session.count({ where: { id: sessionId } })).toBe(0)
  })

  it('does not honour a long session that names an impersonator without being made as one', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const { user: buyer } = await createBuyer()
    const old = await lucia.createSession(buyer.id, { impersonatorId: manager.id })
    const request = requestWith(lucia.createSessionCookie(old.id).serialize())
    expect(await statusOf(requireBuyer(request))).toMatch(/^302 \/auth\/login/)
    // A staff member's own session is untouched by all this.
    const own = await lucia.createSession(manager.id, { impersonatorId: null })
    const staff = requestWith(lucia.createSessionCookie(own.id).serialize(), '/admin')
    expect(await statusOf(requireStaff(staff))).toBe('ok')
  })
})
