import { expect, test, type Page } from '@playwright/test'
import { emptyCart, login, quickOrder } from './helpers'

const MANAGER = 'gerente@reativa.dev'

async function portfolioCount(page: Page, status: string): Promise<number> {
  return Number(await page.getByTestId(`portfolio-${status}`).getByTestId('count').textContent())
}

function todayInBrasilia(): string {
  return new Intl.DateTimeFormat('pt-BR', { timeZone: 'America/Sao_Paulo' }).format(new Date())
}

test('a manager imports a Windows-1252 order history, previews it, confirms, and the dashboard moves', async ({
  page,
}) => {
  await login(page, MANAGER)
  await expect(page).toHaveURL(/\/admin$/)
  const inactiveBefore = await portfolioCount(page, 'INACTIVE')
  const activeBefore = await portfolioCount(page, 'ACTIVE')
  const reactivatedBefore = Number(await page.getByTestId('reactivated-this-month').textContent())

  // An inactive account, taken from the filtered CSV export.
  const exported = await page.request.get('/admin/accounts.csv?status=INACTIVE&sort=name')
  expect(exported.status()).toBe(200)
  const [, firstRow] = (await exported.text()).replace(/^\uFEFF/, '').split('\r\n')
  const cnpj = firstRow!.split(';')[0]!
  const punctuated = cnpj.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5')

  const csv = [
    'CNPJ;Número do Pedido;Data;Código;Descrição;Qtde;Preço Unitário',
    `${punctuated};E2E-700001;${todayInBrasilia()};CIM-0001;Cimento CP-II 50 kg;20;38,90`,
    `${punctuated};E2E-700001;${todayInBrasilia()};ARG-ANTIGA;Argamassa Promoção São João;3;1.234,50`,
    `${punctuated};E2E-700002;31/02/2026;CIM-0001;Cimento;1;38,90`,
    `00.000.000/0000-00;E2E-700003;01/10/2026;CIM-0001;Cimento;1;38,90`,
  ].join('\r\n')
  await page.getByRole('link', { name: 'Importações' }).click()
  await page.getByLabel('Histórico de pedidos (ERP)').check()
  await page.getByLabel('Arquivo CSV').setInputFiles({
    name: 'pedidos-erp.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'latin1'),
  })
  await page.getByRole('button', { name: 'Enviar e ver prévia' }).click()

  await expect(page.getByRole('heading', { name: 'Prévia da importação' })).toBeVisible()
  await expect(page.getByTestId('imports.totalRows')).toHaveText('4')
  await expect(page.getByTestId('imports.errorRows')).toHaveText('2')
  await expect(page.getByTestId('imports.toCreate')).toHaveText('1')
  await expect(page.getByTestId('import-error')).toHaveText([/^4data inválida/, /^5CNPJ inválido/])

  // Nothing is written before the confirmation.
  await page.goto('/admin')
  expect(await portfolioCount(page, 'INACTIVE')).toBe(inactiveBefore)
  await page.goBack()

  await page.getByRole('button', { name: 'Confirmar importação' }).click()
  await expect(
    page.getByText('Importação concluída: 1 criados, 0 atualizados, 0 sem mudança.'),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Confirmar importação' })).toHaveCount(0)

  await page.getByRole('link', { name: 'Painel' }).click()
  await expect(page.getByTestId('reactivated-this-month')).toHaveText(String(reactivatedBefore + 1))
  expect(await portfolioCount(page, 'INACTIVE')).toBe(inactiveBefore - 1)
  expect(await portfolioCount(page, 'ACTIVE')).toBe(activeBefore + 1)

  // The account shows the imported order and its reactivation through the ERP channel.
  await page.goto(`/admin/accounts?q=${cnpj}`)
  await page.getByTestId('account-row').first().getByRole('link').click()
  await expect(page.getByTestId('account-status')).toHaveText('Ativo')
  await expect(page.getByTestId('reactivated')).toContainText('Representante / ERP')
  await expect(page.getByText('Nº ERP E2E-700001')).toBeVisible()

  // The same file again changes nothing.
  await page.goto('/admin/imports')
  await page.getByLabel('Arquivo CSV').setInputFiles({
    name: 'pedidos-erp.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'latin1'),
  })
  await page.getByRole('button', { name: 'Enviar e ver prévia' }).click()
  await expect(page.getByText(/Este mesmo arquivo já foi importado/)).toBeVisible()
  await expect(page.getByTestId('imports.toCreate')).toHaveText('0')
  await expect(page.getByTestId('imports.unchanged')).toHaveText('1')
})

test('a refused file says why and cannot be confirmed', async ({ page }) => {
  await login(page, MANAGER)
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

for (const email of ['comprador@reativa.dev', 'rep@reativa.dev']) {
  test(`${email} gets 403 on every back-office URL`, async ({ page }) => {
    await login(page, email)
    for (const url of [
      '/admin',
      '/admin/accounts',
      '/admin/accounts/acc_00001',
      '/admin/imports',
      '/admin/settings',
      '/admin/audit',
      '/admin/offers',
      '/admin/offers/new',
      '/admin/accounts.csv',
      '/admin/dashboard.csv?table=churn',
    ]) {
      const response = await page.request.get(url)
      expect([url, response.status()]).toEqual([url, 403])
    }
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
  })
}

test('a manager edits an account (audited) and acts as its buyer to place an order, bannered and audited', async ({
  page,
}) => {
  await login(page, MANAGER)
  await page.goto('/admin/accounts?q=Casa do Construtor Silva')
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
    'Você está acessando como Maria Silva (Casa do Construtor Silva).',
  )
  await emptyCart(page)
  await quickOrder(page, 'CIM-0001 10')
  await page.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(page).toHaveURL(/\/orders\/\d+\?placed=1/)
  const orderId = /\/orders\/(\d+)/.exec(page.url())![1]

  await page.getByRole('button', { name: 'Voltar à retaguarda' }).click()
  await expect(page).toHaveURL(/\/admin\/accounts\/acc_00001/)
  await page.getByRole('link', { name: 'Auditoria' }).click()
  const rows = page.getByTestId('audit-row')
  await expect(rows.filter({ hasText: 'impersonation.stop' })).toHaveCount(1)
  await expect(
    rows.filter({ hasText: `order.placed_on_behalf` }).filter({ hasText: `Order ${orderId}` }),
  ).toContainText('em nome de Maria Silva')
  await expect(rows.filter({ hasText: 'impersonation.start' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'account.update' }).first()).toContainText('(11) 3333-4444')
})

test('thresholds are validated, saved and reclassify the portfolio', async ({ page }) => {
  await login(page, MANAGER)
  await page.goto('/admin/settings')
  await page.getByLabel('Inativo após (dias)').fill('80')
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'Os limites precisam ser crescentes: em risco < inativo < perdido.',
  )
  await page.getByLabel('Inativo após (dias)').fill('180')
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByText(/Limites salvos; carteira reclassificada/)).toBeVisible()
})

test("a manager sets an account's price list, payment terms and minimum order, with bad input refused", async ({
  page,
}) => {
  await login(page, MANAGER)
  await page.goto('/admin/accounts/acc_00006')
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
