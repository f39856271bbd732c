import { Button, Text } from '@react-email/components'
import { type Locale } from '~/utils/i18n'
import { translator } from '~/utils/i18n.server'
import { buttonStyle, DEMO_BRAND, EmailLayout, type EmailBrand } from './layout'

export type BuyerLinkProps = {
  brand: EmailBrand
  locale: Locale
  name: string
  accountName: string
  url: string
  /** When the link stops working, already written in the reader's language. */
  expiresOn: string
}

/**
 * A buyer's link to choose a password: added to an account (by the sales team or the account's
 * admin), or answering a request for access ("Solicitar acesso"), which also tells a reader who
 * asked for nothing to ignore it.
 */
export function BuyerInvitationEmail({
  brand,
  locale,
  name,
  accountName,
  url,
  expiresOn,
  requested = false,
}: BuyerLinkProps & { requested?: boolean }) {
  const t = translator(locale)
  const texts = requested
    ? {
        subject: t('email.accessLink.subject', { account: accountName }),
        body: t('email.accessLink.body', { account: accountName, app: brand.companyName }),
        expires: t('email.accessLink.expires', { date: expiresOn }),
      }
    : {
        subject: t('email.buyerInvitation.subject', { account: accountName }),
        body: t('email.buyerInvitation.body', { account: accountName }),
        expires: t('email.buyerInvitation.expires', { date: expiresOn }),
      }
  return (
    <EmailLayout
      brand={brand}
      lang={locale}
      preview={texts.subject}
      footerText={t('email.footer', { app: brand.companyName })}
    >
      <Text>{t('email.greeting', { name })}</Text>
      <Text>{texts.body}</Text>
      <Button href={url} style={buttonStyle}>
        {t('email.buyerInvitation.button')}
      </Button>
      <Text>{url}</Text>
      <Text style={{ color: '#6b7280', fontSize: '13px' }}>{texts.expires}</Text>
      {requested ? (
        <Text style={{ color: '#6b7280', fontSize: '13px' }}>{t('email.accessLink.ignore')}</Text>
      ) : null}
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
