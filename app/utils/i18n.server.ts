import { en } from '~/locales/en'
import { ptBR } from '~/locales/pt-BR'
import {
  registerMessages,
  serializeSentMessages,
  type Locale,
  type MessageKey,
  type Messages,
  type MessageScope,
} from './i18n'

// Server code translates with the whole dictionaries: import `translator` from here, so they
// are registered before the first message is read.
registerMessages('pt-BR', ptBR)
registerMessages('en', en)
export { translator } from './i18n'

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'pt-BR': ptBR, en }

/**
 * The messages the storefront, the sign-in pages and the invitation can show in a browser: whole
 * groups ("cart.") or single keys and their forms ("offerForm.percent"). Buyers and visitors are
 * sent only these with their page; staff get every message. The storefront's first load on a
 * phone is what the budget is about, and the back office's messages are three quarters of the
 * dictionary. i18n-public.test.ts fails when a page a buyer can open uses a message not listed.
 */
export const PUBLIC_MESSAGES = [
  'access.',
  'account.lastLogin',
  'account.never',
  'accountForm.',
  'app.',
  'buyers.',
  'cart.',
  'cartForm.',
  'catalog.',
  'channel.',
  'checkout.',
  'common.',
  'error.',
  'forgot.',
  'form.',
  'imageForm.',
  'impersonation.',
  'instalments.',
  'invite.',
  'login.',
  'mailbox.',
  'nav.',
  'notifications.',
  'offerForm.accountsRequired',
  'offerForm.badCnpjs',
  'offerForm.codeFormat',
  'offerForm.date',
  'offerForm.endsBeforeStart',
  'offerForm.familiesRequired',
  'offerForm.money',
  'offerForm.nothingGiven',
  'offerForm.percent',
  'offerForm.positiveInt',
  'offerForm.productsRequired',
  'offerForm.termDays',
  'offerForm.tooManyCnpjs',
  'offerForm.tooManySkus',
  'offerForm.unknownSkus',
  'offerRefusal.',
  'offers.',
  'orderStatus.',
  'orders.',
  // Why a shop stopped buying, asked on the unsubscribe page.
  'outreach.reason.',
  'outreach.reasonForComment',
  'outreach.reasonInvalid',
  'payment.',
  'paymentStatus.',
  'pricing.form.',
  'problem.',
  'product.',
  'quick.',
  'reset.',
  'settings.colorContrast',
  'settings.colorInvalid',
  'settings.company',
  'settings.phoneInvalid',
  'settings.senderNameInvalid',
  'settings.thresholds',
  'setup.',
  'store.',
  'title.',
  'tracking.',
  'unsubscribe.',
  'usual.',
  'validation.',
  'welcome.',
] as const

/** Whether `key` is one of PUBLIC_MESSAGES: listed itself, a form of it ("x.one"), or in a group. */
export function isPublicMessage(key: string): boolean {
  return PUBLIC_MESSAGES.some((entry) =>
    entry.endsWith('.') ? key.startsWith(entry) : key === entry || key.startsWith(`${entry}.`),
  )
}

export function messagesFor(locale: Locale, scope: MessageScope): Messages {
  if (scope === 'all') return dictionaries[locale]
  return Object.fromEntries(
    Object.entries(dictionaries[locale]).filter(([key]) => isPublicMessage(key)),
  ) as Messages
}

const sent = new Map<string, string>()

/** The serialized messages a page in `locale` carries for `scope`, computed once per process. */
export function sentMessagesJson(locale: Locale, scope: MessageScope): string {
  const id = `${locale}:${scope}`
  let json = sent.get(id)
  if (json === undefined) {
    json = serializeSentMessages({ locale, scope, messages: messagesFor(locale, scope) })
    sent.set(id, json)
  }
  return json
}
