import { Button, Column, Row, Section, Text } from '@react-email/components'
import { type Locale } from '~/utils/i18n'
import { translator } from '~/utils/i18n.server'
import { formatMoney } from '~/utils/money'
import { buttonStyle, DEMO_BRAND, EmailLayout, type EmailBrand } from './layout'

export type OrderConfirmationProps = {
  locale: Locale
  brand: EmailBrand
  name: string
  accountName: string
  orderId: number
  orderUrl: string
  paymentTermCode: string | null
  currency: string
  totalCents: number
  discountCents: number
  lines: { sku: string; name: string; quantity: number; totalCents: number; isBonus?: boolean }[]
}

export function OrderConfirmationEmail(props: OrderConfirmationProps) {
  const t = translator(props.locale)
  const money = (cents: number) => formatMoney(cents, props.locale, props.currency)
  return (
    <EmailLayout
      brand={props.brand}
      lang={props.locale}
      preview={t('email.order.subject', { id: props.orderId })}
      footerText={t('email.footer', { app: props.brand.companyName })}
    >
      <Text>{t('email.greeting', { name: props.name })}</Text>
      <Text>{t('email.order.body', { id: props.orderId, account: props.accountName })}</Text>
      <Section>
        {props.lines.map((line, index) => (
          <Row key={`${line.sku}-${index}`}>
            <Column>
              {line.quantity} × {line.name} ({line.sku})
            </Column>
            <Column align="right"> {line.isBonus ? t('cart.free') : money(line.totalCents)}</Column>
          </Row>
        ))}
        {props.discountCents > 0 ? (
          <Row>
            <Column>{t('cart.discount')}</Column>
            <Column align="right"> −{money(props.discountCents)}</Column>
          </Row>
        ) : null}
        <Row>
          <Column>
            <strong>{t('cart.orderTotal')}</strong>
          </Column>
          <Column align="right">
            {' '}
            <strong>{money(props.totalCents)}</strong>
          </Column>
        </Row>
      </Section>
      {props.paymentTermCode ? (
        <Text>{t('email.order.terms', { code: props.paymentTermCode })}</Text>
      ) : null}
      <Button href={props.orderUrl} style={buttonStyle}>
        {t('email.order.button')}
      </Button>
    </EmailLayout>
  )
}

OrderConfirmationEmail.PreviewProps = {
  brand: DEMO_BRAND,
  locale: 'pt-BR',
  name: 'Maria',
  accountName: 'Casa do Construtor',
  orderId: 1042,
  orderUrl: 'http://localhost:3000/orders/1042',
  paymentTermCode: '28/56',
  currency: 'BRL',
  totalCents: 189_000,
  discountCents: 0,
  lines: [{ sku: 'CIM-0001', name: 'Cimento CP-II 50 kg', quantity: 30, totalCents: 189_000 }],
} satisfies OrderConfirmationProps

export default OrderConfirmationEmail
