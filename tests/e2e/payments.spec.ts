import fs from 'node:fs'
import { checkoutCompleted, signed } from '../support/stripe-events'
import { expect, test } from './fixtures'
import { quickOrder } from './helpers'

const stripe = JSON.parse(fs.readFileSync('tests/e2e/fake-stripe.json', 'utf8')) as {
  webhookSecret: string
}
const fakeStripeUrl = `http://127.0.0.1:${process.env.E2E_STRIPE_PORT}`

/** "R$ 1.234,56" → 123456 */
function cents(text: string): number {
  return Math.round(Number(text.replace(/[^\d,]/g, '').replace(',', '.')) * 100)
}

test('a buyer pays now; the signed completion webhook marks the order paid; the manager refunds part of it', async ({
  page,
  browser,
  request,
  world,
}) => {
  await world.loginAs(page, await world.buyer({ twinOf: 'acc_00002' }))
  await quickOrder(page, 'CIM-0001 20')
  await page.getByLabel('Pagar agora (cartão, boleto ou PIX)').check()
  await page.getByRole('button', { name: 'Fazer pedido' }).click()

  // The order exists before the redirect; the browser is now on the (stand-in) hosted page.
  await expect(page).toHaveURL(new RegExp(`^${fakeStripeUrl}/pay/cs_`))
  const sessionId = /\/pay\/(cs_[\w]+)/.exec(page.url())![1]!
  await page.getByRole('button', { name: 'Pay' }).click()

  // Back on the portal: the return alone does not mark the order paid, the webhook does.
  await expect(page).toHaveURL(/\/orders\/\d+\?payment=success/)
  const orderId = Number(/\/orders\/(\d+)/.exec(page.url())![1])
  await expect(
    page.getByText(`Recebemos o retorno do pagamento do pedido #${orderId}`),
  ).toBeVisible()
  await expect(page.getByTestId('payment-status')).toHaveText('A receber')

  const session = (await (
    await request.get(`${fakeStripeUrl}/__fake/sessions/${sessionId}`)
  ).json()) as {
    amount_total: number
    payment_intent: string
    metadata: { orderId: string }
  }
  expect(session.metadata.orderId).toBe(String(orderId))
  expect(session.amount_total).toBe(cents((await page.getByTestId('order-total').textContent())!))

  // A tampered delivery is refused and changes nothing.
  const event = checkoutCompleted({
    sessionId,
    orderId,
    amountTotal: session.amount_total,
    paymentIntentId: session.payment_intent,
  })
  const forged = signed(event, 'whsec_not_the_endpoint_secret')
  const refused = await request.post('/webhooks/stripe', {
    data: forged.payload,
    headers: { 'stripe-signature': forged.signature, 'content-type': 'application/json' },
  })
  expect(refused.status()).toBe(400)
  await page.reload()
  await expect(page.getByTestId('payment-status')).toHaveText('A receber')

  // The genuine delivery, twice (Stripe retries): paid once.
  for (let delivery = 0; delivery < 2; delivery++) {
    const { payload, signature } = signed(event, stripe.webhookSecret)
    const accepted = await request.post('/webhooks/stripe', {
      data: payload,
      headers: { 'stripe-signature': signature, 'content-type': 'application/json' },
    })
    expect(accepted.status()).toBe(200)
  }
  await page.goto(`/orders/${orderId}`)
  await expect(page.getByTestId('payment-status')).toHaveText('Pago')
  await expect(page.getByRole('button', { name: 'Pagar agora' })).toHaveCount(0)

  // The manager sees it paid online and refunds R$ 10,00 of it through Stripe.
  const manager = await world.pageAs(browser, await world.manager())
  await manager.goto(`/admin/orders/${orderId}`)
  await expect(manager.getByTestId('admin-payment-status')).toContainText('Pago')
  await expect(manager.getByTestId('admin-payment-status')).toContainText('pago online (Stripe)')
  await manager.getByLabel(/Valor a estornar/).fill('10,00')
  await manager.getByLabel('Motivo (opcional)').fill('Avaria na entrega')
  await manager.getByRole('button', { name: 'Estornar' }).click()
  await expect(manager.getByText('Estorno feito no Stripe.')).toBeVisible()
  await expect(manager.getByTestId('admin-payment-status')).toContainText('Estorno parcial')
  await expect(manager.getByTestId('admin-refunded')).toHaveText('R$ 10,00')
  await expect(manager.getByTestId('refund-row')).toHaveCount(1)
  await expect(manager.getByTestId('refund-row')).toContainText('Avaria na entrega')

  // More than what is left is refused and changes nothing.
  const left = session.amount_total - 1000
  await manager.getByLabel(/Valor a estornar/).fill(((left + 1) / 100).toFixed(2).replace('.', ','))
  await manager.getByRole('button', { name: 'Estornar' }).click()
  await expect(manager.getByText(/Informe um valor entre R\$ 0,01 e/)).toBeVisible()
  await expect(manager.getByTestId('refund-row')).toHaveCount(1)
  await manager.context().close()

  await page.reload()
  await expect(page.getByTestId('payment-status')).toHaveText('Estorno parcial')
})
