import { expect, test } from './fixtures'
import { quickOrder } from './helpers'

// "Comissão na liquidez" is a setting of the whole portal: this spec runs alone, after the
// parallel ones (playwright.config.ts), and turns it off after itself.
test.afterEach(async ({ world }) => {
  await world.call('commissionOnPayment', { on: false })
})

/** "R$ 1.234,56" → 123456 */
function cents(text: string | null): number {
  return Math.round(Number((text ?? '').replace(/[^\d,]/g, '').replace(',', '.')) * 100)
}

test('with commission as the customer pays, a 28/56 order earns nothing at invoicing and half at each instalment the manager records', async ({
  page,
  browser,
  world,
}) => {
  const manager = await world.manager()
  await world.loginAs(page, manager)
  await page.goto('/admin/commission')
  await page.getByLabel('Comissão na liquidez: liberar a comissão a cada parcela paga').check()
  await page
    .getByRole('region', { name: 'Bônus de reativação e liberação da comissão' })
    .getByRole('button', { name: 'Salvar' })
    .click()
  await expect(page.getByText('Bônus de reativação salvo.')).toBeVisible()
  await page.reload()
  await expect(
    page.getByLabel('Comissão na liquidez: liberar a comissão a cada parcela paga'),
  ).toBeChecked()

  // A buyer of the rep's account orders on 28/56.
  const repUser = await world.rep()
  const buyer = await world.pageAs(browser, await world.buyer({ repId: repUser.repId }))
  await quickOrder(buyer, 'CIM-0001 10')
  await buyer.getByLabel(/^Boleto faturado 28\/56 dias/).check()
  await buyer.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(buyer).toHaveURL(/\/orders\/\d+\?placed=1/)
  const orderId = /\/orders\/(\d+)/.exec(buyer.url())![1]!
  await buyer.context().close()

  // Invoicing earns nothing now.
  await page.goto(`/admin/orders/${orderId}`)
  const ledger = page.getByTestId('ledger-entry')
  await expect(ledger).toHaveCount(1)
  const commission = cents(await ledger.first().locator('td').last().textContent())
  expect(commission).toBeGreaterThan(0)
  await page.getByLabel('Número da nota fiscal').fill('NF-LIQ-1')
  await page.getByRole('button', { name: 'Marcar faturado' }).click()
  await expect(page.getByText('Situação do pedido atualizada.')).toBeVisible()
  await expect(ledger).toHaveCount(1)

  // The first instalment is paid: a day before the order is refused, today earns half.
  const payments = page.getByRole('region', { name: 'Parcelas recebidas' })
  await expect(payments).toContainText(
    'Comissão na liquidez: a comissão deste pedido é liberada a cada parcela paga.',
  )
  const first = payments.getByTestId('instalment-payment').first()
  await first.getByLabel('Data do pagamento da parcela 1').fill('2020-01-01')
  await first.getByRole('button', { name: 'Registrar pagamento da parcela 1' }).click()
  await expect(
    first.getByText('Informe a data do pagamento, como 31/12/2026, entre o pedido e hoje.'),
  ).toBeVisible()
  await expect(ledger).toHaveCount(1)
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(
    new Date(),
  )
  await first.getByLabel('Data do pagamento da parcela 1').fill(today)
  await first.getByRole('button', { name: 'Registrar pagamento da parcela 1' }).click()
  const half = Math.round(commission / 2)
  await expect(
    page.getByText(/^Pagamento da parcela 1 registrado; R\$\s[\d.,]+ de comissão/),
  ).toBeVisible()
  await expect(first.getByTestId('instalment-paid')).toBeVisible()
  await expect(ledger).toHaveCount(3)
  await expect(ledger.filter({ hasText: 'Parcela 1' })).toHaveCount(2)

  // The rep's statement shows each instalment.
  const rep = await world.pageAs(browser, repUser)
  const statement = await (await rep.request.get('/rep/statement.csv')).text()
  const lines = statement.split('\r\n').filter((line) => line.includes(`;${orderId};1;`))
  expect(lines.map((line) => line.split(';').slice(7, 10).join(' '))).toEqual([
    `Liberação Pendente -${(half / 100).toFixed(2).replace('.', ',')}`,
    `Liberação Liberada ${(half / 100).toFixed(2).replace('.', ',')}`,
  ])
  await rep.context().close()

  // The second instalment earns the rest.
  const second = payments.getByTestId('instalment-payment').nth(1)
  await second.getByRole('button', { name: 'Registrar pagamento da parcela 2' }).click()
  await expect(page.getByText(/^Pagamento da parcela 2 registrado/)).toBeVisible()
  await expect(ledger.filter({ hasText: 'Parcela 2' })).toHaveCount(2)
  await expect(payments.getByTestId('instalment-paid')).toHaveCount(2)
  await page.screenshot({ path: test.info().outputPath('instalments.png'), fullPage: true })
})
