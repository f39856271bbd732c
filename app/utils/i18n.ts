import { en } from '~/locales/en'
import { ptBR } from '~/locales/pt-BR'

export const LOCALES = ['pt-BR', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'pt-BR'
export type MessageKey = keyof typeof ptBR
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'pt-BR': ptBR, en }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale]
  return (key, vars) => {
    const template = dictionary[key] ?? ptBR[key] ?? key
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
