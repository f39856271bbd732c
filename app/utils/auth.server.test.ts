import { type Role } from '@prisma/client'
import { createBuyer, createRep, createUser } from '#tests/fixtures/factories'
import {
  createSessionCookie,
  requireBuyer,
  requireRep,
  requireStaff,
  requireUser,
} from './auth.server'
import { PERMISSIONS, type Permission } from './permissions'

async function requestAs(userId: string | null) {
  const headers = new Headers()
  if (userId) headers.set('Cookie', (await createSessionCookie(userId)).split(';')[0]!)
  return new Request('http://localhost/admin/settings?tab=1', { headers })
}

async function statusOf(guard: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await guard
    return 'ok'
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}

describe('named guards', () => {
  it('sends an anonymous visitor to log in and back to the page asked for', async () => {
    const thrown = await requireUser(await requestAs(null)).catch((r: unknown) => r)
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).headers.get('Location')).toBe(
      `/auth/login?${new URLSearchParams({ redirectTo: '/admin/settings?tab=1' })}`,
    )
  })

  it('gives each permission to exactly the roles listed for it, and 403 to everyone else', async () => {
    const users: Record<Role, { id: string }> = {
      BUYER: (await createBuyer()).user,
      REP: await createUser({ role: 'REP' }),
      MANAGER: await createUser({ role: 'MANAGER' }),
      ADMIN: await createUser({ role: 'ADMIN' }),
      TELESALES: await createUser({ role: 'TELESALES' }),
    }
    for (const [permission, roles] of Object.entries(PERMISSIONS) as [
      Permission,
      readonly Role[],
    ][]) {
      for (const [role, user] of Object.entries(users) as [Role, { id: string }][]) {
        const status = await statusOf(requireUser(await requestAs(user.id), { permission }))
        expect({ permission, role, status }).toEqual({
          permission,
          role,
          status: roles.includes(role) ? 'ok' : 403,
        })
      }
    }
  })

  it('lets only buyers with an account, reps with a rep code, and staff through their guards', async () => {
    const { user: buyer } = await createBuyer()
    const rep = await createRep()
    const repUser = await createUser({ role: 'REP', repId: rep.id })
    const manager = await createUser({ role: 'MANAGER' })
    expect(await statusOf(requireBuyer(await requestAs(buyer.id)))).toBe('ok')
    expect(await statusOf(requireBuyer(await requestAs(manager.id)))).toBe(403)
    expect(await statusOf(requireRep(await requestAs(repUser.id)))).toBe('ok')
    expect(await statusOf(requireRep(await requestAs(buyer.id)))).toBe(403)
    expect(await statusOf(requireStaff(await requestAs(manager.id), 'settings:manage'))).toBe('ok')
    expect(await statusOf(requireStaff(await requestAs(repUser.id)))).toBe(403)
    // A REP user without a rep code is not a rep yet.
    const orphan = await createUser({ role: 'REP' })
    expect(await statusOf(requireRep(await requestAs(orphan.id)))).toBe(403)
  })
})
