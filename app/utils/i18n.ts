import type { Role } from '@prisma/client'
import type { ptBR } from '~/locales/pt-BR'

export const LOCALES = ['pt-BR', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'pt-BR'
export type MessageKey = keyof typeof ptBR
/** A message with plural forms (`key.one`, `key.other`, optionally `key.zero`), named by its base. */
export type PluralKey = MessageKey extends infer K
  ? K extends `${infer Base}.${'zero' | 'one' | 'other'}`
    ? Base
    : never
  : never
export type Translate = (
  key: MessageKey | PluralKey,
  vars?: Record<string, string | number>,
) => string

export type Messages = Partial<Record<MessageKey, string>>

/**
 * The messages this process knows, by language. The server registers both whole dictionaries
 * (i18n.server.ts); a browser registers only what its page was sent (components/messages.tsx),
 * so the dictionaries never ship as JavaScript.
 */
const registry: Partial<Record<Locale, Messages>> = {}

export function registerMessages(locale: Locale, messages: Messages) {
  registry[locale] = messages
}

/**
 * Which messages a page sends the browser: every one to staff; to buyers and visitors only those
 * the storefront, sign-in and invitation pages use (PUBLIC_MESSAGES in i18n.server.ts).
 */
export type MessageScope = 'public' | 'all'

export function messageScopeFor(role: Role | null | undefined): MessageScope {
  return role && role !== 'BUYER' ? 'all' : 'public'
}

/**
 * The language and scope of a page's messages, from the root loader's data: the server sends
 * them by it (entry.server.tsx), the browser checks them against it (root.tsx).
 */
export function pageMessages(
  root: { locale?: unknown; user?: { role: Role } | null } | undefined,
): {
  locale: Locale
  scope: MessageScope
} {
  return {
    locale: isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE,
    scope: messageScopeFor(root?.user?.role),
  }
}

/** What a page carries for its browser, in a `<script type="application/json">`. */
export type SentMessages = { locale: Locale; scope: MessageScope; messages: Messages }

/** JSON for inside a script element: every `<` escaped, so no message can end the element. */
export function serializeSentMessages(sent: SentMessages): string {
  return JSON.stringify(sent).replace(/</g, '\\u003c')
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

const has = (messages: Messages | undefined, key: string): key is MessageKey =>
  messages !== undefined && Object.prototype.hasOwnProperty.call(messages, key)
const isKey = (key: string, locale: Locale): key is MessageKey =>
  has(registry[locale], key) || has(registry[DEFAULT_LOCALE], key)

/**
 * The message to use for `key` and a count: its exact form for nothing (`key.zero`, "Nenhum
 * produto"), else its form by the language's plural rules (`key.one`, `key.other`; zero takes
 * the plural), else the key itself. Null when none exists.
 */
export function pluralKey(key: string, count: unknown, locale: Locale): MessageKey | null {
  const forms =
    typeof count === 'number'
      ? [
          count === 0 ? `${key}.zero` : null,
          // Nothing is plural in speech ("0 produtos"), though CLDR puts 0 with 1 in Portuguese.
          count === 0 ? `${key}.other` : `${key}.${new Intl.PluralRules(locale).select(count)}`,
          `${key}.other`,
          key,
        ]
      : [key]
  return (
    (forms.find((form) => form !== null && isKey(form, locale)) as MessageKey | undefined) ?? null
  )
}

/** Messages of `locale` as registered; a missing one reads in Portuguese, else as its key. */
export function translator(locale: Locale): Translate {
  return (requested, vars) => {
    const key = pluralKey(requested, vars?.count, locale)
    const template =
      (key && (registry[locale]?.[key] ?? registry[DEFAULT_LOCALE]?.[key])) ?? requested
    if (!vars) return template
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in vars ? String(vars[name]) : match,
    )
  }
}

/** Best match from an Accept-Language header ("en-US,en;q=0.9,pt;q=0.8"). */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.find((p) => p.trim().startsWith('q='))
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 }
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { tag } of ranked) {
    if (tag.startsWith('pt')) return 'pt-BR'
    if (tag.startsWith('en')) return 'en'
  }
  return null
}
