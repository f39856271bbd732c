import { Button, Column, Link, Row, Section, Text } from '@react-email/components'
import { type ReactNode } from 'react'
import { type Locale } from '~/utils/i18n'
import { translator } from '~/utils/i18n.server'
import { buttonStyle, DEMO_BRAND, EmailLayout, type EmailBrand } from './layout'

export type InvitationEmailProps = {
  locale: Locale
  brand: EmailBrand
  accountName: string
  /** The campaign's message with the names filled in; blank lines separate paragraphs. */
  message: string
  offer: { name: string; code: string | null; description: string } | null
  /** The account's usual order (`UsualBasketSection`), when its history shows one. */
  basket?: ReactNode
  inviteUrl: string
  expiresOn: string
  unsubscribeUrl: string
}

export type UsualBasketLine = { sku: string; name: string; unit: string; quantity: number }

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
      {props.basket}
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

const basketBox = {
  border: '1px solid #e5e7eb',
  borderRadius: '6px',
  padding: '12px 16px',
  margin: '16px 0',
}
const basketCell = { padding: '4px 0', borderTop: '1px solid #f3f4f6', fontSize: '14px' }

/**
 * "Seu pedido de sempre" in an invitation: what the account usually buys, in its usual
 * quantities. The storefront's first page offers the same basket, added to the cart in one click.
 */
export function UsualBasketSection(props: { locale: Locale; items: readonly UsualBasketLine[] }) {
  const t = translator(props.locale)
  const number = new Intl.NumberFormat(props.locale)
  return (
    <Section style={basketBox}>
      <Text style={{ margin: 0, fontWeight: 700 }}>{t('email.invite.usualTitle')}</Text>
      <Text style={{ margin: '4px 0 8px', color: '#4b5563', fontSize: '13px' }}>
        {t('email.invite.usualHint')}
      </Text>
      <Row>
        <Column style={{ fontSize: '12px', color: '#6b7280' }}>
          {t('email.invite.usualProduct')}
        </Column>
        <Column align="right" style={{ fontSize: '12px', color: '#6b7280', width: '80px' }}>
          {t('email.invite.usualQuantity')}
        </Column>
        <Column style={{ fontSize: '12px', color: '#6b7280', width: '80px', paddingLeft: '8px' }}>
          {t('email.invite.usualUnit')}
        </Column>
      </Row>
      {props.items.map((item) => (
        <Row key={item.sku}>
          <Column style={basketCell}>
            {item.name} <span style={{ color: '#6b7280', fontSize: '12px' }}>({item.sku})</span>
          </Column>
          <Column align="right" style={{ ...basketCell, width: '80px' }}>
            {number.format(item.quantity)}
          </Column>
          <Column style={{ ...basketCell, width: '80px', paddingLeft: '8px' }}>{item.unit}</Column>
        </Row>
      ))}
    </Section>
  )
}

/** The same section in the email's plain-text part: one line per product. */
export function usualBasketText(locale: Locale, items: readonly UsualBasketLine[]): string {
  const t = translator(locale)
  const number = new Intl.NumberFormat(locale)
  return [
    t('email.invite.usualTitle'),
    t('email.invite.usualHint'),
    ...items.map(
      (item) => `- ${item.name} (${item.sku}): ${number.format(item.quantity)} ${item.unit}`,
    ),
  ].join('\n')
}

InvitationEmail.PreviewProps = {
  brand: DEMO_BRAND,
  locale: 'pt-BR',
  accountName: 'Casa do Construtor Silva',
  message:
    'Olá, Casa do Construtor Silva!\n\nFaz tempo que não recebemos um pedido seu. Agora você compra pelo portal quando quiser.',
  offer: { name: 'Volta com 10%', code: 'VOLTA10', description: '10% de desconto no pedido' },
  basket: (
    <UsualBasketSection
      locale="pt-BR"
      items={[
        { sku: 'CIM-CP2-50', name: 'Cimento CP II 50 kg', unit: 'saco', quantity: 40 },
        { sku: 'ARG-AC1-20', name: 'Argamassa AC-I 20 kg', unit: 'saco', quantity: 20 },
      ]}
    />
  ),
  inviteUrl: 'http://localhost:3000/invite/exemplo',
  expiresOn: '07/12/2026',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe?e=exemplo',
} satisfies InvitationEmailProps

export default InvitationEmail
