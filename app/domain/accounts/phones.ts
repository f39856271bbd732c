/**
 * Brazilian phone and WhatsApp numbers as accounts keep them: read from whatever the sales team
 * or an ERP typed ("(11) 98765-4321", "+55 11 98765 4321", "011987654321"), checked against
 * the numbering plan (area code, length, mobiles' leading 9) by libphonenumber-js, and stored
 * in E.164 ("+5511987654321") so a link to call or chat is always right.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min'

/** The number in E.164, or null when it is not a valid Brazilian (or international) number. */
export function normalizePhone(text: string | null | undefined): string | null {
  const trimmed = text?.trim()
  if (!trimmed || !/^[+\d\s().-]+$/.test(trimmed)) return null
  const parsed = parsePhoneNumberFromString(trimmed, 'BR')
  return parsed?.isValid() ? parsed.number : null
}

/** A stored number as people read it: "(11) 98765-4321" in Brazil, international elsewhere. */
export function formatPhone(stored: string): string {
  const parsed = parsePhoneNumberFromString(stored, 'BR')
  if (!parsed?.isValid()) return stored
  return parsed.country === 'BR' ? parsed.formatNational() : parsed.formatInternational()
}

/** A `tel:` link for a stored number. */
export function telHref(stored: string): string {
  return `tel:${normalizePhone(stored) ?? stored.replace(/[^\d+]/g, '')}`
}

/**
 * WhatsApp's click-to-chat link (https://wa.me/5511987654321) with a pre-filled message, or
 * null when the number is not valid.
 */
export function whatsappChatUrl(stored: string, text?: string): string | null {
  const e164 = normalizePhone(stored)
  if (!e164) return null
  const base = `https://wa.me/${e164.slice(1)}`
  return text ? `${base}?text=${encodeURIComponent(text)}` : base
}
