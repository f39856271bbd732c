import fs from 'node:fs'
import path from 'node:path'
import { ptBR } from '~/locales/pt-BR'
import { messageScopeFor, serializeSentMessages, type SentMessages } from './i18n'
import { isPublicMessage, messagesFor, PUBLIC_MESSAGES, sentMessagesJson } from './i18n.server'

const APP = path.resolve('app')
const KEYS = Object.keys(ptBR)
// Emails are rendered on the server, with the whole dictionaries.
const SERVER_ONLY = ['email.']

/** Route files a buyer or a visitor can open: everything but the back office, the rep area and hooks. */
const publicRoutes = () =>
  fs
    .readdirSync(path.join(APP, 'routes'))
    .filter((file) => !/^(admin|rep|webhooks)[.-]/.test(file) && !/^(admin|rep)\.tsx$/.test(file))
    .map((file) => path.join(APP, 'routes', file))

function resolveImport(spec: string, from: string): string | null {
  const base = spec.startsWith('~/')
    ? path.join(APP, spec.slice(2))
    : path.resolve(path.dirname(from), spec)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate
  }
  return null
}

/**
 * Every file those routes reach through the app's own imports, server modules included (their
 * refusals come back to the page as message keys), and the message keys written in them: whole
 * (`'cart.title'`), by their plural base (`'catalog.results'`) or as a template's prefix
 * (`` `orderStatus.${status}` ``).
 */
function keysReachableFromPublicPages(): Map<string, string> {
  const seen = new Set<string>()
  const found = new Map<string, string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const source = fs.readFileSync(file, 'utf8')
    for (const [, spec = ''] of source.matchAll(
      /^(?:import|export) (?!type )[^;]*?from '([^']+)'/gms,
    )) {
      if (!(spec.startsWith('~/') || spec.startsWith('.')) || spec.includes('/locales/')) continue
      const target = resolveImport(spec, file)
      if (target && !/\.test\.tsx?$/.test(target)) visit(target)
    }
    for (const [, text = '', template] of source.matchAll(/['"`]([a-zA-Z]+\.[\w.]*)(\$\{)?/g)) {
      const matches = KEYS.filter((key) =>
        template ? key.startsWith(text) : key === text || key.startsWith(`${text}.`),
      )
      for (const key of matches) if (!found.has(key)) found.set(key, path.relative(APP, file))
    }
  }
  ;[...publicRoutes(), path.join(APP, 'root.tsx'), path.join(APP, 'entry.client.tsx')].forEach(
    visit,
  )
  return found
}

describe('messages sent to buyers and visitors', () => {
  it('hold every message a page they can open may show', () => {
    const reachable = keysReachableFromPublicPages()
    expect(reachable.size).toBeGreaterThan(300)
    const missing = [...reachable]
      .filter(([key]) => !SERVER_ONLY.some((prefix) => key.startsWith(prefix)))
      .filter(([key]) => !isPublicMessage(key))
      .map(([key, file]) => `${key} (${file})`)
    // Add each to PUBLIC_MESSAGES in i18n.server.ts.
    expect(missing).toEqual([])
  })

  it('list no entry that matches no message', () => {
    const stale = PUBLIC_MESSAGES.filter(
      (entry) =>
        !KEYS.some((key) =>
          entry.endsWith('.')
            ? key.startsWith(entry)
            : key === entry || key.startsWith(`${entry}.`),
        ),
    )
    expect(stale).toEqual([])
  })

  it('are a part of the dictionary; staff get all of it', () => {
    const publicPt = messagesFor('pt-BR', 'public')
    expect(publicPt['cart.title']).toBe(ptBR['cart.title'])
    expect(publicPt['catalog.results.one']).toBe(ptBR['catalog.results.one'])
    expect(publicPt['offerForm.percent']).toBe(ptBR['offerForm.percent'])
    expect(publicPt).not.toHaveProperty('imports.title')
    expect(publicPt).not.toHaveProperty('dashboard.title')
    expect(publicPt).not.toHaveProperty('offerForm.name')
    expect(Object.keys(publicPt).length).toBeLessThan(KEYS.length / 2)
    expect(Object.keys(messagesFor('en', 'all'))).toHaveLength(KEYS.length)
    expect(messageScopeFor('BUYER')).toBe('public')
    expect(messageScopeFor(null)).toBe('public')
    expect(messageScopeFor('REP')).toBe('all')
    expect(messageScopeFor('MANAGER')).toBe('all')
  })

  it('travel as JSON no message can break out of', () => {
    const sent: SentMessages = {
      locale: 'pt-BR',
      scope: 'public',
      messages: { 'cart.title': '</script><script>alert(1)</script>' },
    }
    const json = serializeSentMessages(sent)
    expect(json).not.toContain('<')
    expect(JSON.parse(json)).toEqual(sent)
    const page = JSON.parse(sentMessagesJson('en', 'public')) as SentMessages
    expect(page.locale).toBe('en')
    expect(page.messages['cart.title']).toBe('Cart')
  })
})
