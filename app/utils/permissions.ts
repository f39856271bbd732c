import { type Role } from '@prisma/client'

/**
 * What each role may do, in one place. Loaders and actions ask for a permission
 * (`requireStaff(request, 'campaigns:manage')`), not for a list of roles, so a new role (the
 * telesales team, for instance) is a line here rather than an edit of every route. Shared with
 * the UI, which shows only what the user may open.
 */
export const PERMISSIONS = {
  /** Enter the back office at /admin. */
  'backoffice:enter': ['MANAGER', 'ADMIN', 'TELESALES'],
  'dashboard:view': ['MANAGER', 'ADMIN'],
  /** The accounts list, an account's page and its timeline. */
  'accounts:view': ['MANAGER', 'ADMIN', 'TELESALES'],
  /** The whole portfolio with its contacts as CSV. */
  'accounts:export': ['MANAGER', 'ADMIN'],
  /** Rep, commercial terms, buyers, and the contact data below. */
  'accounts:edit': ['MANAGER', 'ADMIN'],
  /** An account's phones, WhatsApp, email and address: not its rep nor its terms. */
  'accounts:contact': ['MANAGER', 'ADMIN', 'TELESALES'],
  /** The call queue: log contacts, call-backs and why an account stopped; add notes. */
  'calls:work': ['MANAGER', 'ADMIN', 'TELESALES'],
  /** "Acessar como cliente": place an order on a buyer's behalf, audited. */
  'orders:on-behalf': ['MANAGER', 'ADMIN', 'TELESALES'],
  /** Order status, refunds. */
  'orders:manage': ['MANAGER', 'ADMIN'],
  'offers:manage': ['MANAGER', 'ADMIN'],
  'campaigns:manage': ['MANAGER', 'ADMIN'],
  'commission:manage': ['MANAGER', 'ADMIN'],
  /** Reps' monthly goals and their ranking. */
  'goals:manage': ['MANAGER', 'ADMIN'],
  /** Reactivation contests: create, close (posts prizes to the ledger), delete. */
  'contests:manage': ['MANAGER', 'ADMIN'],
  'imports:manage': ['MANAGER', 'ADMIN'],
  /** Product families and products: create, edit, move, deactivate. */
  'catalog:manage': ['MANAGER', 'ADMIN'],
  /** Price lists, their items and tiers; payment terms. */
  'pricing:manage': ['MANAGER', 'ADMIN'],
  'settings:manage': ['MANAGER', 'ADMIN'],
  /** The company's name and branding on the portal and in emails. */
  'company:manage': ['ADMIN'],
  'audit:view': ['MANAGER', 'ADMIN'],
  /** Staff users (managers, admins, reps): create, edit, deactivate. */
  'users:manage': ['ADMIN'],
  /** The dev mailbox in production (in development it is open). */
  'mailbox:view': ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

/** The roles of the back office: whoever may enter it. */
export type StaffRole = (typeof PERMISSIONS)['backoffice:enter'][number]

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role)
}
