import { Button, Text } from '@react-email/components'
import { type Locale, translator } from '~/utils/i18n'
import { buttonStyle, DEMO_BRAND, EmailLayout, type EmailBrand } from './layout'

/**
 * The answer to a request for access ("Solicitar acesso"), sent when the email is a contact of
 * the account or when the sales team approved it: choose a password, then the storefront.
 */
export function AccessLinkEmail({
  brand,
  locale,
  name,
  accountName,
  url,
  expiresOn,
}: {
  brand: EmailBrand
  locale: Locale
  name: string
  accountName: string
  url: string
  /** When the link stops working, already written in the reader's language. */
  expiresOn: string
}) {
  const t = translator(locale)
  return (
    <EmailLayout
      brand={brand}
      lang={locale}
      preview={t('email.accessLink.subject', { account: accountName })}
      footerText={t('email.footer', { app: brand.companyName })}
    >
      <Text>{t('email.greeting', { name })}</Text>
      <Text>{t('email.accessLink.body', { account: accountName, app: brand.companyName })}</Text>
      <Button href={url} style={buttonStyle}>
        {t('email.buyerInvitation.button')}
      </Button>
      <Text>{url}</Text>
      <Text style={{ color: '#6b7280', fontSize: '13px' }}>
        {t('email.accessLink.expires', { date: expiresOn })}
      </Text>
      <Text style={{ color: '#6b7280', fontSize: '13px' }}>{t('email.accessLink.ignore')}</Text>
    </EmailLayout>
  )
}

AccessLinkEmail.PreviewProps = {
  brand: DEMO_BRAND,
  locale: 'pt-BR',
  name: 'Maria',
  accountName: 'Casa do Construtor Silva',
  url: 'http://localhost:3000/auth/reset-password?token=exemplo&welcome=1&signin=1',
  expiresOn: '09/12/2026 10:00',
} satisfies Parameters<typeof AccessLinkEmail>[0]

export default AccessLinkEmail
