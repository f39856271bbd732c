import { forwardedHostToSet, isAcceptedBody, isAllowedMutation, securityHeaders } from './security'

const base = {
  path: '/cart',
  host: 'portal.example',
  appUrl: 'https://portal.example',
  referer: undefined,
}

describe('CSRF origin check', () => {
  it('lets reads through', () => {
    expect(isAllowedMutation({ ...base, method: 'GET', origin: 'https://evil.example' })).toBe(true)
  })

  it('accepts a mutation from this site and refuses one from elsewhere or from nowhere', () => {
    expect(isAllowedMutation({ ...base, method: 'POST', origin: 'https://portal.example' })).toBe(
      true,
    )
    expect(isAllowedMutation({ ...base, method: 'POST', origin: 'https://evil.example' })).toBe(
      false,
    )
    expect(isAllowedMutation({ ...base, method: 'POST', origin: undefined })).toBe(false)
    expect(isAllowedMutation({ ...base, method: 'DELETE', origin: 'null' })).toBe(false)
    expect(isAllowedMutation({ ...base, method: 'POST', origin: 'not a url' })).toBe(false)
  })

  it('falls back to the Referer when there is no Origin', () => {
    expect(
      isAllowedMutation({
        ...base,
        method: 'POST',
        origin: undefined,
        referer: 'https://portal.example/cart',
      }),
    ).toBe(true)
    expect(
      isAllowedMutation({
        ...base,
        method: 'POST',
        origin: undefined,
        referer: 'https://evil.example/x',
      }),
    ).toBe(false)
  })

  it('leaves signed webhooks to their own verification', () => {
    expect(
      isAllowedMutation({ ...base, path: '/webhooks/stripe', method: 'POST', origin: undefined }),
    ).toBe(true)
  })

  it('lets mail providers post the signed one-click unsubscribe, and nothing under it', () => {
    const post = { ...base, method: 'POST', origin: undefined, referer: undefined }
    expect(isAllowedMutation({ ...post, path: '/unsubscribe' })).toBe(true)
    expect(isAllowedMutation({ ...post, path: '/unsubscribe/other' })).toBe(false)
  })
})

describe('security headers', () => {
  it('keep every page and data response out of shared caches', () => {
    expect(securityHeaders({ nonce: 'x', isDev: false, https: true })['Cache-Control']).toBe(
      'private, no-store',
    )
  })

  it('allow only nonce-bearing inline scripts and forbid framing', () => {
    const headers = securityHeaders({ nonce: 'abc123', isDev: false, https: true })
    expect(headers['Content-Security-Policy']).toContain("script-src 'self' 'nonce-abc123'")
    // The page's own <style> elements (decision 021); style attributes stay refused.
    expect(headers['Content-Security-Policy']).toContain("style-src 'self' 'nonce-abc123';")
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'")
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['Strict-Transport-Security']).toContain('max-age=')
    expect(
      securityHeaders({ nonce: 'x', isDev: false, https: false })['Strict-Transport-Security'],
    ).toBeUndefined()
  })

  it('lets forms go to this site only, plus the payment page when pay now is on', () => {
    const plain = securityHeaders({ nonce: 'x', isDev: false, https: true })
    expect(plain['Content-Security-Policy']).toContain("form-action 'self';")
    const withStripe = securityHeaders({
      nonce: 'x',
      isDev: false,
      https: true,
      formTargets: ['https://checkout.stripe.com'],
    })
    expect(withStripe['Content-Security-Policy']).toContain(
      "form-action 'self' https://checkout.stripe.com;",
    )
  })
})

describe('page posts are forms', () => {
  const post = { method: 'POST', path: '/cart' }

  it('passes reads, forms and webhooks, and refuses any other body', () => {
    expect(isAcceptedBody({ method: 'GET', path: '/cart', isForm: false })).toBe(true)
    expect(isAcceptedBody({ ...post, isForm: true })).toBe(true)
    expect(isAcceptedBody({ ...post, isForm: false })).toBe(false)
    expect(isAcceptedBody({ method: 'PUT', path: '/admin/settings', isForm: false })).toBe(false)
    expect(isAcceptedBody({ method: 'POST', path: '/webhooks/stripe', isForm: false })).toBe(true)
    // One-click unsubscribe from mail providers, which may post no body at all.
    expect(isAcceptedBody({ method: 'POST', path: '/unsubscribe', isForm: false })).toBe(true)
  })
})

describe('a same-site post through a proxy that rewrote Host', () => {
  const appUrl = 'https://portal.example'

  it("names APP_URL's host as the forwarded host, so Remix's own check sees where it came from", () => {
    const base = { origin: 'https://portal.example', forwardedHost: undefined, appUrl }
    expect(forwardedHostToSet({ ...base, host: 'internal:3000' })).toBe('portal.example')
    expect(forwardedHostToSet({ ...base, host: 'portal.example' })).toBeNull()
    expect(
      forwardedHostToSet({ ...base, host: 'internal:3000', forwardedHost: 'portal.example' }),
    ).toBeNull()
  })

  it('leaves every other request alone', () => {
    const base = { host: 'internal:3000', forwardedHost: undefined, appUrl }
    expect(forwardedHostToSet({ ...base, origin: 'https://evil.example' })).toBeNull()
    expect(forwardedHostToSet({ ...base, origin: undefined })).toBeNull()
    expect(forwardedHostToSet({ ...base, origin: 'null' })).toBeNull()
    expect(forwardedHostToSet({ ...base, origin: 'not a url' })).toBeNull()
  })
})
