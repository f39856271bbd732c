import crypto from 'node:crypto'

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF defence for every mutation: a state-changing request must come from a page of this
 * site. Browsers send `Origin` on every POST; `Referer` is the fallback. Webhooks are exempt
 * because they carry their own signatures, and so is the one-click unsubscribe (RFC 8058):
 * mail providers POST it from their servers, and its link is signed for one address.
 */
export function isAllowedMutation({
  method,
  path,
  origin,
  referer,
  host,
  appUrl,
}: {
  method: string
  path: string
  origin: string | undefined
  referer: string | undefined
  host: string | undefined
  appUrl: string
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true
  if (path.startsWith('/webhooks/') || path === '/unsubscribe') return true
  const source = origin && origin !== 'null' ? origin : referer
  if (!source) return false
  let sourceHost: string
  try {
    sourceHost = new URL(source).host
  } catch {
    return false
  }
  const allowedHosts = new Set([new URL(appUrl).host])
  if (host) allowedHosts.add(host)
  return allowedHosts.has(sourceHost)
}

/**
 * A same-site post (its Origin is APP_URL) that reached us through a proxy which rewrote Host:
 * Remix's own check compares Origin with X-Forwarded-Host or Host and throws (a 500). Having
 * already accepted the post as ours, we name APP_URL's host as the forwarded host, which is
 * where it came from. Returns the host to set, or null when nothing needs changing.
 */
export function forwardedHostToSet({
  origin,
  host,
  forwardedHost,
  appUrl,
}: {
  origin: string | undefined
  host: string | undefined
  forwardedHost: string | undefined
  appUrl: string
}): string | null {
  if (!origin || origin === 'null') return null
  let originHost: string
  try {
    originHost = new URL(origin).host
  } catch {
    return null
  }
  const appHost = new URL(appUrl).host
  const seen = forwardedHost?.split(',')[0]?.trim() || host
  return originHost === appHost && seen !== appHost ? appHost : null
}

/**
 * Pages take form posts only (webhooks take their providers' JSON). Anything else would reach
 * `request.formData()` and fail there as a 500; it is refused here with a 415 instead.
 * `isForm` is Express's `req.is` test of the body's type (false when there is no body).
 */
export function isAcceptedBody({
  method,
  path,
  isForm,
}: {
  method: string
  path: string
  isForm: boolean
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true
  // One-click unsubscribe (RFC 8058) is posted by mail providers, not all of them with a body.
  return path.startsWith('/webhooks/') || path === '/unsubscribe' || isForm
}

export function createNonce(): string {
  return crypto.randomBytes(16).toString('base64')
}

export function securityHeaders({
  nonce,
  isDev,
  https,
  formTargets = [],
}: {
  nonce: string
  isDev: boolean
  https: boolean
  /** Other origins a form may post or redirect to (Stripe Checkout, after pay now). */
  formTargets?: string[]
}): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // The app's styles travel inside the page (decision 021), under the same nonce as scripts.
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    // The dev server's live reload talks over a websocket.
    isDev ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
    "frame-src 'self'",
    "frame-ancestors 'none'",
    ["form-action 'self'", ...formTargets].join(' '),
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ')
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    // Only what Remix answers gets these headers (static files are served before): pages,
    // `?_data` responses and downloads show one person's data, so no shared cache keeps them.
    'Cache-Control': 'private, no-store',
  }
  if (https) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
  return headers
}
