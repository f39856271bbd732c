import { en } from '~/locales/en'
import { ptBR } from '~/locales/pt-BR'

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

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'pt-BR': ptBR, en }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

const isKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(ptBR, key)

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
  return (forms.find((form) => form !== null && isKey(form)) as MessageKey | undefined) ?? null
}

export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale]
  return (requested, vars) => {
    const key = pluralKey(requested, vars?.count, locale)
    const template = (key && (dictionary[key] ?? ptBR[key])) ?? requested
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
