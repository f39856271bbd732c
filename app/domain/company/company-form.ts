/**
 * The company's name and branding as the settings page takes them (Conform), and the name as
 * the set-up page takes it: what the portal, the login page and the emails show instead of
 * "Reativa".
 */
import { z } from 'zod'
import { formMessage, optionalText, requiredText } from '~/utils/form-schema'

/** What an install that never named its company (the demo) shows. */
export const DEFAULT_COMPANY_NAME = 'Reativa'
export const DEFAULT_BRAND_COLOR = '#0f766e'
export const MAX_COMPANY_NAME = 80

export const companyNameField = requiredText(MAX_COMPANY_NAME, { min: 2 })

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

/** WCAG contrast of white text on `hex` (#rrggbb): buttons and active tabs put white on it. */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05)
}

/** The digits of a phone number typed with spaces, dashes, dots, brackets or a leading +. */
export function phoneDigits(text: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(text)) return null
  const digits = text.replace(/\D/g, '')
  return digits.length >= 10 && digits.length <= 13 ? digits : null
}

/** A WhatsApp link: Brazilian numbers typed without the country code get +55. */
export function whatsappUrl(text: string): string | null {
  const digits = phoneDigits(text)
  if (!digits) return null
  return `https://wa.me/${digits.length <= 11 ? `55${digits}` : digits}`
}

const phone = optionalText(30).refine(
  (text) => !text || phoneDigits(text) !== null,
  formMessage('settings.phoneInvalid'),
)

export const CompanySchema = z.object({
  companyName: companyNameField,
  brandColor: optionalText(7)
    .transform((text) => text?.toLowerCase())
    .refine((text) => !text || /^#[0-9a-f]{6}$/.test(text), formMessage('settings.colorInvalid'))
    .refine(
      (text) => !text || !/^#[0-9a-f]{6}$/.test(text) || contrastWithWhite(text) >= 4.5,
      formMessage('settings.colorContrast'),
    ),
  supportPhone: phone,
  whatsapp: phone,
  senderName: optionalText(MAX_COMPANY_NAME).refine(
    (text) => !text || !/["\\<>\r\n]/.test(text),
    formMessage('settings.senderNameInvalid'),
  ),
  senderEmail: optionalText(254)
    .transform((text) => text?.toLowerCase())
    .refine(
      (text) => !text || z.string().email().safeParse(text).success,
      formMessage('form.email'),
    ),
})
export type CompanyValues = z.infer<typeof CompanySchema>
