import { type Role } from '@prisma/client'
import { can } from './permissions'
import { safeRedirect } from './safe-redirect'

/** The page a user lands on after login, by role. */
export function homePathFor(role: Role): '/catalog' | '/admin' | '/admin/calls' | '/rep' {
  if (role === 'BUYER') return '/catalog'
  if (role === 'REP') return '/rep'
  if (role === 'TELESALES') return '/admin/calls'
  return '/admin'
}

const under = (path: string, area: string) => path === area || path.startsWith(`${area}/`)

/**
 * Where a user lands after login: the page that sent them to log in (`redirectTo`, a deep link
 * such as /admin/campaigns/new kept through the login), when it is a page of their own area;
 * otherwise their home. A buyer is never sent into the back office, nor a rep into the store.
 */
export function landingAfterLogin(role: Role, redirectTo: string | null | undefined): string {
  const home = homePathFor(role)
  const target = safeRedirect(redirectTo, home)
  const path = target.split(/[?#]/)[0]!
  if (under(path, '/auth') || under(path, '/setup')) return home
  if (role === 'BUYER') {
    const staffOnly = ['/admin', '/rep', '/dev'].some((area) => under(path, area))
    return staffOnly ? home : target
  }
  if (role === 'REP') return under(path, '/rep') ? target : home
  if (under(path, '/admin')) return target
  if (under(path, '/dev/mailbox') && can(role, 'mailbox:view')) return target
  return home
}
