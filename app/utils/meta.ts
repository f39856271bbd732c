import type { MetaArgs } from '@remix-run/node'
import { DEFAULT_LOCALE, type Locale, type MessageKey, translator } from './i18n'

type RootData = { brand?: { companyName?: string }; locale?: Locale }

function rootData(matches: MetaArgs['matches']): RootData | undefined {
  return matches.find((match) => match.id === 'root')?.data as RootData | undefined
}

/** The company's name (settings) for a page's title, as the root loader read it. */
export function companyOf(matches: MetaArgs['matches']): string {
  return rootData(matches)?.brand?.companyName ?? 'Reativa'
}

/** "Carrinho · Company" in the visitor's language (the root loader's locale). */
export function pageTitle(matches: MetaArgs['matches'], key: MessageKey): string {
  const t = translator(rootData(matches)?.locale ?? DEFAULT_LOCALE)
  return `${t(key)} · ${companyOf(matches)}`
}

/** "Product name · Company", or the company alone while there is no name (an error page). */
export function namedTitle(matches: MetaArgs['matches'], name: string | null | undefined): string {
  return name ? `${name} · ${companyOf(matches)}` : companyOf(matches)
}
