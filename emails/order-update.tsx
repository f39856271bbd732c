import { Button, Link, Text } from '@react-email/components'
import { type OrderStatus } from '@prisma/client'
import { type Locale } from '~/utils/i18n'
import { translator } from '~/utils/i18n.server'
import { buttonStyle, DEMO_BRAND, EmailLayout, type EmailBrand } from './layout'

export type OrderUpdateProps = {
  locale: Locale
  brand: EmailBrand
  name: string
  orderId: number
  status: Exclude<OrderStatus, 'PLACED'>
  invoiceNumber: string | null
  trackingCode: string | null
  orderUrl: string
  /** Where the buyer turns these emails off (and on again). */
  preferencesUrl: string
}

/** A step of an order's way to the buyer: confirmed, invoiced, shipped, delivered, cancelled. */
export function OrderUpdateEmail(props: OrderUpdateProps) {
  const t = translator(props.locale)
  const subject = t(`email.orderUpdate.subject.${props.status}`, { id: props.orderId })
  return (
    <EmailLayout
      brand={props.brand}
      lang={props.locale}
      preview={subject}
      footerText={t('email.footer', { app: props.brand.companyName })}
    >
      <Text>{t('email.greeting', { name: props.name })}</Text>
      <Text>{t(`email.orderUpdate.body.${props.status}`, { id: props.orderId })}</Text>
      {props.status === 'INVOICED' && props.invoiceNumber ? (
        <Text>{t('email.orderUpdate.invoice', { number: props.invoiceNumber })}</Text>
      ) : null}
      {props.status === 'SHIPPED' && props.trackingCode ? (
        <Text>{t('email.orderUpdate.tracking', { code: props.trackingCode })}</Text>
      ) : null}
      <Button href={props.orderUrl} style={buttonStyle}>
        {t('email.order.button')}
      </Button>
      <Text style={{ fontSize: '12px', color: '#6b7280' }}>
        {t('email.orderUpdate.why')}{' '}
        <Link href={props.preferencesUrl}>{t('email.orderUpdate.manage')}</Link>
      </Text>
    </EmailLayout>
  )
}

OrderUpdateEmail.PreviewProps = {
  brand: DEMO_BRAND,
  locale: 'pt-BR',
  name: 'Maria',
  orderId: 1042,
  status: 'SHIPPED',
  invoiceNumber: '000123',
  trackingCode: 'BR123456789',
  orderUrl: 'http://localhost:3000/orders/1042',
  preferencesUrl: 'http://localhost:3000/account/notifications',
} satisfies OrderUpdateProps
