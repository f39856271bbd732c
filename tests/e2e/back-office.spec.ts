import { expect, test } from './fixtures'
import { quickOrder } from './helpers'

test('a refused file says why and cannot be confirmed', async ({ managerPage: page }) => {
  await page.goto('/admin/imports')
  await page.getByLabel('Arquivo CSV').setInputFiles({
    name: 'errado.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('nome;cidade\nLoja;Campinas\n'),
  })
  await page.getByRole('button', { name: 'Enviar e ver prévia' }).click()
  await expect(page.getByRole('alert')).toContainText(
    'Faltam colunas obrigatórias: cnpj, pedido, data, sku, quantidade, preco.',
  )
  await expect(page.getByRole('button', { name: 'Confirmar importação' })).toHaveCount(0)
})

for (const role of ['buyer', 'rep'] as const) {
  test(`a ${role} gets 403 on every back-office URL`, async ({ page, world }) => {
    await world.loginAs(page, role === 'buyer' ? await world.buyer() : await world.rep())
    await page.goto('/')
    for (const url of [
      '/admin',
      '/admin/accounts',
      '/admin/accounts/acc_00001',
      '/admin/imports',
      '/admin/imports/codes',
      '/admin/settings',
      '/admin/audit',
      '/admin/goals',
      '/admin/goals.csv',
      '/admin/contests',
      '/admin/contests/new',
      '/admin/calls',
      '/admin/calls?reason=OVERDUE',
      '/admin/stop-reasons.csv',
      '/admin/offers',
      '/admin/offers/new',
      '/admin/accounts.csv',
      '/admin/dashboard.csv?table=churn',
    ]) {
      const response = await page.request.get(url)
      expect([url, response.status()]).toEqual([url, 403])
    }
    const forget = await page.request.post('/admin/imports/codes', {
      headers: { Origin: new URL(page.url()).origin },
      form: { intent: 'forget', code: 'CIM-CPII-50' },
    })
    expect(forget.status()).toBe(403)
    const post = await page.request.post('/admin/settings', {
      headers: { Origin: new URL(page.url()).origin },
      form: { atRiskDays: '10', inactiveDays: '20', lostDays: '30' },
    })
    expect(post.status()).toBe(403)
    const createOffer = await page.request.post('/admin/offers/new', {
      headers: { Origin: new URL(page.url()).origin },
      form: { name: 'Invasão', code: 'HACK99', discountType: 'PERCENT', discountValue: '90' },
    })
    expect(createOffer.status()).toBe(403)
    const createContest = await page.request.post('/admin/contests/new', {
      headers: { Origin: new URL(page.url()).origin },
      form: { name: 'Invasão', startsOn: '2026-01-01', endsOn: '2026-01-31', prizePerAccount: '1' },
    })
    expect(createContest.status()).toBe(403)
  })
}

test('a manager edits an account (audited) and acts as its buyer to place an order, bannered and audited', async ({
  page,
  world,
}) => {
  const buyer = await world.buyer({ twinOf: 'acc_00001' })
  await world.loginAs(page, await world.manager())
  await page.goto(`/admin/accounts?q=${encodeURIComponent(buyer.tradeName)}`)
  await page.getByTestId('account-row').first().getByRole('link').click()

  await page.getByLabel('Telefone').fill('(11) 3333-4444')
  // The demo's second rep (R02) has the id rep_2.
  await page.getByRole('combobox', { name: 'Representante', exact: true }).selectOption('rep_2')
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByText('Cadastro salvo.')).toBeVisible()
  await expect(page.getByRole('cell', { name: /^R02 · / })).toBeVisible()

  await page.getByLabel('UF').fill('XX')
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('Confira os campos destacados.')

  await page.getByRole('button', { name: 'Acessar como cliente' }).click()
  await expect(page).toHaveURL(/\/catalog/)
  await expect(page.getByTestId('impersonation-banner')).toContainText(
    `Você está acessando como ${buyer.name} (${buyer.tradeName}).`,
  )
  // The session lasts an hour from now, shown in the manager's time zone (São Paulo, UTC-3).
  const until = await page.getByTestId('impersonation-until').textContent()
  const [, day, month, year, hour, minute] =
    /^Este acesso dura até (\d{2})\/(\d{2})\/(\d{4}),? (\d{2}):(\d{2}) e se renova enquanto você o usa\.$/
      .exec(until ?? '')!
      .map(Number) as number[]
  const ends = Date.UTC(year!, month! - 1, day!, hour! + 3, minute!)
  expect(ends - Date.now()).toBeGreaterThan(57 * 60_000)
  expect(ends - Date.now()).toBeLessThan(61 * 60_000)
  await quickOrder(page, 'CIM-0001 10')
  await page.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(page).toHaveURL(/\/orders\/\d+\?placed=1/)
  const orderId = /\/orders\/(\d+)/.exec(page.url())![1]

  await page.getByRole('button', { name: 'Voltar à retaguarda' }).click()
  await expect(page).toHaveURL(new RegExp(`/admin/accounts/${buyer.accountId}$`))
  await page.getByRole('link', { name: 'Auditoria' }).click()
  const rows = page.getByTestId('audit-row')
  await expect(rows.filter({ hasText: 'impersonation.stop' })).toHaveCount(1)
  await expect(
    rows.filter({ hasText: `order.placed_on_behalf` }).filter({ hasText: `Order ${orderId}` }),
  ).toContainText(`em nome de ${buyer.name}`)
  await expect(rows.filter({ hasText: 'impersonation.start' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'account.update' }).first()).toContainText('"+551133334444"')
})

test("a manager sets an account's price list, payment terms and minimum order, with bad input refused", async ({
  page,
  world,
}) => {
  const { accountId } = await world.buyer({ twinOf: 'acc_00006' })
  await world.loginAs(page, await world.manager())
  await page.goto(`/admin/accounts/${accountId}`)
  const minimum = page.getByLabel('Pedido mínimo', { exact: true })
  await minimum.fill('muito')
  await page.getByRole('button', { name: 'Salvar condições' }).click()
  await expect(
    page.getByText('Pedido mínimo inválido: use um valor em reais, ex.: 300,00.'),
  ).toBeVisible()

  await page
    .getByRole('combobox', { name: 'Tabela de preços' })
    .selectOption({ label: 'Tabela Sudeste (-3%)' })
  await minimum.fill('450,00')
  await page.getByLabel('Boleto faturado 28/56/84 dias').check()
  await page.getByRole('button', { name: 'Salvar condições' }).click()
  await expect(page.getByText('Cadastro salvo.')).toBeVisible()

  await page.reload()
  await expect(page.getByLabel('Pedido mínimo', { exact: true })).toHaveValue('450,00')
  await expect(page.getByLabel('Boleto faturado 28/56/84 dias')).toBeChecked()
  await expect(page.getByRole('combobox', { name: 'Tabela de preços' })).toHaveValue(/.+/)
})

test('a buyer gets 403 in the rep area', async ({ page, world }) => {
  await world.loginAs(page, await world.buyer())
  for (const url of ['/rep', '/rep/accounts', '/rep/statement.csv']) {
    expect([url, (await page.request.get(url)).status()]).toEqual([url, 403])
  }
})
