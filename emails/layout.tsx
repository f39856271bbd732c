import {
  Body,
  Container,
  Head,
  Hr,
  Html,
  Img,
  Preview,
  Section,
  Text,
} from '@react-email/components'
import { type ReactNode } from 'react'

const body = {
  backgroundColor: '#f4f6f8',
  fontFamily: 'Arial, Helvetica, sans-serif',
  color: '#1f2933',
}
const card = {
  backgroundColor: '#ffffff',
  margin: '24px auto',
  padding: '24px',
  maxWidth: '560px',
  borderRadius: '8px',
}
const brand = { color: '#0f766e', fontSize: '20px', fontWeight: 700, margin: '0 0 16px' }
const footer = { color: '#6b7280', fontSize: '12px' }

/** What every email shows of the company (settings; app/domain/company). */
export type EmailBrand = {
  companyName: string
  brandColor: string | null
  supportPhone: string | null
  whatsapp: string | null
  /** The logo as an absolute address, and its pixel size; null: the name shows as text. */
  logo?: { emailUrl: string; width: number; height: number } | null
}

/** The logo's size in an email: 48 px high, at most 240 px wide. */
function emailLogoSize(logo: { width: number; height: number }) {
  const width = Math.min(240, Math.round((48 * logo.width) / logo.height))
  return { width, height: Math.round((width * logo.height) / logo.width) }
}

export const DEMO_BRAND: EmailBrand = {
  companyName: 'Reativa',
  brandColor: null,
  supportPhone: null,
  whatsapp: null,
}

export function EmailLayout({
  brand: company,
  lang,
  preview,
  footerText,
  children,
}: {
  /** The company's name at the top, its colour, its support contacts at the bottom. */
  brand: EmailBrand
  lang: string
  preview: string
  footerText: string
  children: ReactNode
}) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={card}>
          {company.logo ? (
            <Img
              src={company.logo.emailUrl}
              alt={company.companyName}
              {...emailLogoSize(company.logo)}
              style={{ margin: '0 0 16px' }}
            />
          ) : (
            <Text style={{ ...brand, color: company.brandColor ?? brand.color }}>
              {company.companyName}
            </Text>
          )}
          <Section>{children}</Section>
          <Hr />
          <Text style={footer}>{footerText}</Text>
          {company.supportPhone || company.whatsapp ? (
            <Text style={footer}>
              {[company.supportPhone, company.whatsapp && `WhatsApp ${company.whatsapp}`]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  )
}

export const buttonStyle = {
  backgroundColor: '#0f766e',
  color: '#ffffff',
  padding: '12px 20px',
  borderRadius: '6px',
  textDecoration: 'none',
  fontWeight: 700,
}
