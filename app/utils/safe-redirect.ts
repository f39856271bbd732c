/**
 * Where to send someone after an action, from a value the request carried (`redirectTo`):
 * a path on this site, or `fallback`.
 *
 * Browsers drop tab, CR and LF anywhere in a URL and read `\` as `/`, so `/\t/evil.example`
 * and `/\evil.example` lead to another site; Node refuses a `Location` holding a control or
 * non-Latin-1 character (a 500, after the session was made). The paths we send (`pathname` +
 * `search`) never hold whitespace or controls, so: leading and trailing ones are stripped, any
 * left inside refuses the value; it must start with one `/` and hold no `\`, also once
 * percent-decoded; it is resolved against a dummy origin and kept only if it stays there; and
 * what comes back is the URL parser's own serialisation (ASCII, percent-encoded).
 */
const DUMMY_ORIGIN = 'http://same-origin.invalid'
// \s covers the Unicode spaces (U+3000, U+00A0…); the rest are C0/C1 controls and invisibles.
const SPACE_OR_CONTROL =
  '\\s\\u0000-\\u001F\\u007F-\\u009F\\u200B-\\u200F\\u2028-\\u202F\\u2060\\uFEFF'
const EDGES = new RegExp(`^[${SPACE_OR_CONTROL}]+|[${SPACE_OR_CONTROL}]+$`, 'gu')
const INSIDE = new RegExp(`[${SPACE_OR_CONTROL}]`, 'u')
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u

function hostilePath(path: string): boolean {
  return !path.startsWith('/') || path.startsWith('//') || path.includes('\\')
}

/** The path decoded as often as it decodes, so that no later decoding can defeat the checks. */
function decodedForms(path: string): string[] | null {
  const forms = [path]
  for (let i = 0; i < 3; i++) {
    let next: string
    try {
      next = decodeURIComponent(forms.at(-1)!)
    } catch {
      return null
    }
    if (next === forms.at(-1)) break
    forms.push(next)
  }
  return forms
}

export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/',
): string {
  if (typeof to !== 'string' || to.length > 2_000) return fallback
  const trimmed = to.replace(EDGES, '')
  if (INSIDE.test(trimmed) || hostilePath(trimmed)) return fallback
  let url: URL
  try {
    url = new URL(trimmed, DUMMY_ORIGIN)
  } catch {
    return fallback
  }
  if (url.origin !== DUMMY_ORIGIN) return fallback
  const forms = decodedForms(url.pathname)
  if (!forms || forms.some((form) => hostilePath(form) || CONTROL.test(form))) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}
