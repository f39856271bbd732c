import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components'
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

export function EmailLayout({
  companyName,
  lang,
  preview,
  footerText,
  children,
}: {
  /** The company's name (settings), at the top of every email. */
  companyName: string
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
          <Text style={brand}>{companyName}</Text>
          <Section>{children}</Section>
          <Hr />
          <Text style={footer}>{footerText}</Text>
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
