/**
 * A browser without JavaScript, as far as the server can tell: it keeps its cookies, sends
 * forms as form posts from the page's origin (the CSRF check in server/security.ts), follows
 * nothing by itself and shows each answer as it came (status, redirect target, HTML).
 */

export type Answer = { status: number; location: string | null; html: string }

const REQUEST_TIMEOUT_MS = 90_000

export class Browser {
  private readonly cookies = new Map<string, string>()

  constructor(cookies: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(cookies)) this.cookies.set(name, value)
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name)
  }

  get(origin: string, path: string): Promise<Answer> {
    return this.request(origin, path, { method: 'GET' })
  }

  /** An HTML form post (application/x-www-form-urlencoded). */
  postForm(origin: string, path: string, fields: Record<string, string>): Promise<Answer> {
    return this.request(origin, path, { method: 'POST', body: new URLSearchParams(fields) })
  }

  /** A form with a file input (multipart/form-data). */
  postMultipart(origin: string, path: string, form: FormData): Promise<Answer> {
    return this.request(origin, path, { method: 'POST', body: form })
  }

  private async request(
    origin: string,
    path: string,
    init: { method: string; body?: URLSearchParams | FormData },
  ): Promise<Answer> {
    const url = new URL(path, origin)
    const headers: Record<string, string> = {
      Accept: 'text/html',
      'Accept-Language': 'pt-BR,pt;q=0.9',
    }
    if (this.cookies.size)
      headers.Cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    if (init.method !== 'GET') headers.Origin = url.origin
    const response = await fetch(url, {
      ...init,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    for (const cookie of response.headers.getSetCookie()) this.keepCookie(cookie)
    return {
      status: response.status,
      location: response.headers.get('location'),
      html: await response.text(),
    }
  }

  private keepCookie(header: string) {
    const [pair = '', ...attributes] = header.split(';')
    const separator = pair.indexOf('=')
    if (separator < 1) return
    const name = pair.slice(0, separator).trim()
    const value = pair.slice(separator + 1).trim()
    const expired = attributes.some(
      (attribute) =>
        /^\s*max-age=(0|-\d+)\s*$/i.test(attribute) ||
        (/^\s*expires=/i.test(attribute) &&
          Date.parse(attribute.split('=').slice(1).join('=')) <= Date.now()),
    )
    if (expired || value === '') this.cookies.delete(name)
    else this.cookies.set(name, value)
  }
}

/** Spreads requests over the web instances, as a load balancer would. */
export class RoundRobin {
  private index = 0
  constructor(readonly origins: readonly string[]) {}

  next(): string {
    return this.origins[this.index++ % this.origins.length]!
  }

  /** The instance `offset` places after `origin` (a different one while offset < count). */
  after(origin: string, offset = 1): string {
    const at = this.origins.indexOf(origin)
    return this.origins[(at + offset) % this.origins.length]!
  }
}

/** The value of the form field `name` in a rendered page: a hidden input, or the checked radio. */
export function fieldValue(html: string, name: string): string | null {
  const inputs = [...html.matchAll(/<input\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((tag) => attribute(tag, 'name') === name)
  const chosen =
    inputs.find((tag) => attribute(tag, 'type') !== 'radio') ??
    inputs.find((tag) => /\schecked(=|\s|\/|>)/.test(tag)) ??
    inputs[0]
  return chosen ? attribute(chosen, 'value') : null
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)
  return match ? decodeEntities(match[1]!) : null
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#39;': "'",
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (entity) => ENTITIES[entity] ?? entity)
}

/** Whether a page shows a message (its fixed parts, around `{placeholders}`), as React escapes it. */
export function showsMessage(html: string, message: string): boolean {
  const text = decodeEntities(html.replace(/<!-- -->/g, ''))
  return message
    .split(/\{\w+\}/)
    .map((part) => part.trim())
    .filter(Boolean)
    .every((part) => text.includes(part))
}
