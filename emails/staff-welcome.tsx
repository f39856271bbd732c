import { type Role } from '@prisma/client'
import { Button, Text } from '@react-email/components'
import { type Locale } from '~/utils/i18n'
import { translator } from '~/utils/i18n.server'
import { buttonStyle, DEMO_BRAND, EmailLayout, type EmailBrand } from './layout'

/** To a new member of staff (or one an admin sent a new link): choose your password. */
export function StaffWelcomeEmail({
  brand,
  locale,
  name,
  role,
  url,
}: {
  brand: EmailBrand
  locale: Locale
  name: string
  role: Role
  url: string
}) {
  const t = translator(locale)
  return (
    <EmailLayout
      brand={brand}
      lang={locale}
      preview={t('email.staffWelcome.subject', { app: brand.companyName })}
      footerText={t('email.footer', { app: brand.companyName })}
    >
      <Text>{t('email.greeting', { name })}</Text>
      <Text>
        {t('email.staffWelcome.body', { app: brand.companyName, role: t(`role.${role}`) })}
      </Text>
      <Button href={url} style={buttonStyle}>
        {t('email.staffWelcome.button')}
      </Button>
      <Text>{url}</Text>
      <Text>{t('email.staffWelcome.validity')}</Text>
    </EmailLayout>
  )
}

StaffWelcomeEmail.PreviewProps = {
  brand: DEMO_BRAND,
  locale: 'pt-BR',
  name: 'Maria',
  role: 'MANAGER',
  url: 'http://localhost:3000/auth/reset-password?token=exemplo',
} satisfies Parameters<typeof StaffWelcomeEmail>[0]

export default StaffWelcomeEmail
