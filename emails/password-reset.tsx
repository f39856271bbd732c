import { Button, Text } from '@react-email/components'
import { type Locale, translator } from '~/utils/i18n'
import { buttonStyle, EmailLayout } from './layout'

export function PasswordResetEmail({
  companyName,
  locale,
  name,
  resetUrl,
}: {
  companyName: string
  locale: Locale
  name: string
  resetUrl: string
}) {
  const t = translator(locale)
  return (
    <EmailLayout
      companyName={companyName}
      lang={locale}
      preview={t('email.reset.subject', { app: companyName })}
      footerText={t('email.footer', { app: companyName })}
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
  companyName: 'Reativa',
  locale: 'pt-BR',
  name: 'Maria',
  resetUrl: 'http://localhost:3000/auth/reset-password?token=exemplo',
} satisfies Parameters<typeof PasswordResetEmail>[0]

export default PasswordResetEmail
