import { createContext, useContext } from 'react'
import {
  isLocale,
  registerMessages,
  type Locale,
  type MessageScope,
  type SentMessages,
} from '~/utils/i18n'

const ELEMENT_ID = 'reativa-messages'

const SentMessagesContext = createContext('')

/** The page's messages as serialized JSON: from i18n.server on the server, from the page after. */
export const SentMessagesProvider = SentMessagesContext.Provider

/**
 * The messages the browser translates with, as data in the page rather than as JavaScript: one
 * language, and for buyers and visitors only the public ones (i18n.server.ts).
 */
export function SentMessagesScript() {
  const json = useContext(SentMessagesContext)
  return (
    <script
      id={ELEMENT_ID}
      type="application/json"
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: json }}
    />
  )
}

let registered: Pick<SentMessages, 'locale' | 'scope'> | null = null

/** In the browser, before hydrating: registers the page's messages; returns their JSON as sent. */
export function registerSentMessages(): string {
  const json = document.getElementById(ELEMENT_ID)?.textContent ?? ''
  try {
    const sent = JSON.parse(json) as SentMessages
    if (isLocale(sent.locale) && sent.messages) {
      registerMessages(sent.locale, sent.messages)
      registered = { locale: sent.locale, scope: sent.scope }
    }
  } catch {
    // No messages in the page (it failed before rendering them): keys show until a reload.
  }
  return json
}

const RELOADED = 'reativa-messages-reload'

/**
 * Whether the browser lacks messages the user now needs (the language changed, or a visitor
 * became staff, without a new page: session changes and the language switch load one already),
 * so the page should load anew. Once per target: a page that comes back the same is kept.
 */
export function needsOtherMessages(page: { locale: Locale; scope: MessageScope }): boolean {
  if (!registered) return false
  const stale =
    registered.locale !== page.locale || (page.scope === 'all' && registered.scope !== 'all')
  if (!stale) return false
  const target = `${page.locale}:${page.scope}`
  if (sessionStorage.getItem(RELOADED) === target) return false
  sessionStorage.setItem(RELOADED, target)
  return true
}
