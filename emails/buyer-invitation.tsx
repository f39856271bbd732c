import { Button, Text } from '@react-email/components'
import { type Locale, translator } from '~/utils/i18n'
import { buttonStyle, DEMO_BRAND, EmailLayout, type EmailBrand } from './layout'

/** A buyer added to an account (by the sales team or the account's admin): choose a password. */
export function BuyerInvitationEmail({
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
  /** The link's last day, already written in the reader's language. */
  expiresOn: string
}) {
  const t = translator(locale)
  return (
    <EmailLayout
      brand={brand}
      lang={locale}
      preview={t('email.buyerInvitation.subject', { account: accountName })}
      footerText={t('email.footer', { app: brand.companyName })}
    >
      <Text>{t('email.greeting', { name })}</Text>
      <Text>{t('email.buyerInvitation.body', { account: accountName })}</Text>
      <Button href={url} style={buttonStyle}>
        {t('email.buyerInvitation.button')}
      </Button>
      <Text>{url}</Text>
      <Text style={{ color: '#6b7280', fontSize: '13px' }}>
        {t('email.buyerInvitation.expires', { date: expiresOn })}
      </Text>
    </EmailLayout>
  )
}

BuyerInvitationEmail.PreviewProps = {
  brand: DEMO_BRAND,
  locale: 'pt-BR',
  name: 'Maria',
  accountName: 'Casa do Construtor Silva',
  url: 'http://localhost:3000/auth/reset-password?token=exemplo&welcome=1',
  expiresOn: '09/12/2026',
} satisfies Parameters<typeof BuyerInvitationEmail>[0]

export default BuyerInvitationEmail
