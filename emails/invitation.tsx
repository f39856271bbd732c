import { Button, Link, Section, Text } from '@react-email/components'
import { type Locale, translator } from '~/utils/i18n'
import { buttonStyle, DEMO_BRAND, EmailLayout, type EmailBrand } from './layout'

export type InvitationEmailProps = {
  locale: Locale
  brand: EmailBrand
  accountName: string
  /** The campaign's message with the names filled in; blank lines separate paragraphs. */
  message: string
  offer: { name: string; code: string | null; description: string } | null
  inviteUrl: string
  expiresOn: string
  unsubscribeUrl: string
}

const offerBox = {
  backgroundColor: '#ecfdf5',
  border: '1px solid #a7f3d0',
  borderRadius: '6px',
  padding: '12px 16px',
  margin: '16px 0',
}

export function InvitationEmail(props: InvitationEmailProps) {
  const t = translator(props.locale)
  const paragraphs = props.message.split(/\n\s*\n/).filter((p) => p.trim())
  return (
    <EmailLayout
      brand={props.brand}
      lang={props.locale}
      preview={paragraphs[0] ?? t('email.invite.button')}
      footerText={t('email.invite.footer', { account: props.accountName })}
    >
      {paragraphs.map((paragraph, index) => (
        <Text key={index} style={{ whiteSpace: 'pre-line' }}>
          {paragraph}
        </Text>
      ))}
      {props.offer ? (
        <Section style={offerBox}>
          <Text style={{ margin: 0, fontWeight: 700 }}>{props.offer.name}</Text>
          {props.offer.description ? (
            <Text style={{ margin: '4px 0 0' }}>{props.offer.description}</Text>
          ) : null}
          {props.offer.code ? (
            <Text style={{ margin: '4px 0 0' }}>
              {t('email.invite.coupon', { code: props.offer.code })}
            </Text>
          ) : null}
        </Section>
      ) : null}
      <Button href={props.inviteUrl} style={buttonStyle}>
        {t('email.invite.button')}
      </Button>
      <Text>{props.inviteUrl}</Text>
      <Text style={{ color: '#6b7280', fontSize: '13px' }}>
        {t('email.invite.expires', { date: props.expiresOn })}
      </Text>
      <Text style={{ color: '#6b7280', fontSize: '12px' }}>
        {t('email.invite.unsubscribeIntro')}{' '}
        <Link href={props.unsubscribeUrl}>{t('email.invite.unsubscribe')}</Link>
      </Text>
    </EmailLayout>
  )
}

InvitationEmail.PreviewProps = {
  brand: DEMO_BRAND,
  locale: 'pt-BR',
  accountName: 'Casa do Construtor Silva',
  message:
    'Olá, Casa do Construtor Silva!\n\nFaz tempo que não recebemos um pedido seu. Agora você compra pelo portal quando quiser.',
  offer: { name: 'Volta com 10%', code: 'VOLTA10', description: '10% de desconto no pedido' },
  inviteUrl: 'http://localhost:3000/invite/exemplo',
  expiresOn: '07/12/2026',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe?e=exemplo',
} satisfies InvitationEmailProps

export default InvitationEmail
