import { Button, Text } from '@react-email/components'
import { type Locale } from '~/utils/i18n'
import { translator } from '~/utils/i18n.server'
import { buttonStyle, DEMO_BRAND, EmailLayout, type EmailBrand } from './layout'

export function PasswordResetEmail({
  brand,
  locale,
  name,
  resetUrl,
}: {
  brand: EmailBrand
  locale: Locale
  name: string
  resetUrl: string
}) {
  const t = translator(locale)
  return (
    <EmailLayout
      brand={brand}
      lang={locale}
      preview={t('email.reset.subject', { app: brand.companyName })}
      footerText={t('email.footer', { app: brand.companyName })}
    >
      <Text>{t('email.greeting', { name })}</Text>
      <Text>{t('email.reset.body')}</Text>
      <Button href={resetUrl} style={buttonStyle}>
        {t('email.reset.button')}
      </Button>
      <Text>{resetUrl}</Text>
      <Text>{t('email.reset.ignore')}</Text>
    </EmailLayout>
  )
}

PasswordResetEmail.PreviewProps = {
  brand: DEMO_BRAND,
  locale: 'pt-BR',
  name: 'Maria',
  resetUrl: 'http://localhost:3000/auth/reset-password?token=exemplo',
} satisfies Parameters<typeof PasswordResetEmail>[0]

export default PasswordResetEmail
