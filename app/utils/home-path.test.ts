import { landingAfterLogin } from './home-path'

describe('where a user lands after login', () => {
  it("keeps a deep link of the user's own area through the login", () => {
    expect(landingAfterLogin('MANAGER', '/admin/campaigns/new')).toBe('/admin/campaigns/new')
    expect(landingAfterLogin('ADMIN', '/admin/accounts?status=LOST&page=2')).toBe(
      '/admin/accounts?status=LOST&page=2',
    )
    expect(landingAfterLogin('REP', '/rep/accounts')).toBe('/rep/accounts')
    expect(landingAfterLogin('BUYER', '/orders/42')).toBe('/orders/42')
    expect(landingAfterLogin('ADMIN', '/dev/mailbox')).toBe('/dev/mailbox')
  })

  it("sends a link outside the user's area, to the login pages or off the site, home instead", () => {
    expect(landingAfterLogin('BUYER', '/admin/campaigns/new')).toBe('/catalog')
    expect(landingAfterLogin('BUYER', '/rep')).toBe('/catalog')
    expect(landingAfterLogin('REP', '/catalog')).toBe('/rep')
    expect(landingAfterLogin('REP', '/admin')).toBe('/rep')
    expect(landingAfterLogin('MANAGER', '/catalog')).toBe('/admin')
    expect(landingAfterLogin('MANAGER', '/dev/mailbox')).toBe('/admin')
    expect(landingAfterLogin('MANAGER', '/administrator')).toBe('/admin')
    expect(landingAfterLogin('BUYER', '/auth/login?redirectTo=/orders')).toBe('/catalog')
    expect(landingAfterLogin('MANAGER', '//evil.example/admin')).toBe('/admin')
    expect(landingAfterLogin('BUYER', '/\t/evil.example')).toBe('/catalog')
    expect(landingAfterLogin('REP', null)).toBe('/rep')
  })
})
