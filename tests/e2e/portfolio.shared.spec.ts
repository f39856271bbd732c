import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { snapshot } from './forms-helpers'

// Portfolio-wide figures (dashboard counts, thresholds): these run alone, after the parallel
// specs (playwright.config.ts), so nothing else moves the numbers they compare.

async function portfolioCount(page: Page, status: string): Promise<number> {
  return Number(await page.getByTestId(`portfolio-${status}`).getByTestId('count').textContent())
}

function todayInBrasilia(): string {
  return new Intl.DateTimeFormat('pt-BR', { timeZone: 'America/Sao_Paulo' }).format(new Date())
}

test('a manager imports a Windows-1252 order history, previews it, confirms, and the dashboard moves', async ({
  managerPage: page,
}) => {
  await page.goto('/')
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
  await page.getByRole('radio', { name: 'Histórico de pedidos (ERP)' }).check()
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
  // The lines to be written, as read: accents intact, Brazilian money and dates.
  const sample = page.locator('[data-testid="preview-row"][data-outcome="create"]')
  await expect(sample).toHaveCount(2)
  await expect(sample.nth(1)).toContainText('Argamassa Promoção São João')
  await expect(sample.nth(1)).toContainText('R$ 1.234,50')
  await expect(sample.nth(0)).toContainText(todayInBrasilia())

  // Nothing is written before the confirmation.
  await page.goto('/admin')
  expect(await portfolioCount(page, 'INACTIVE')).toBe(inactiveBefore)
  await page.goBack()

  // A code not in the catalog needs a choice: kept as history, its name read with its accents.
  const code = page.getByTestId('unknown-code').filter({ hasText: 'ARG-ANTIGA' })
  await expect(code).toContainText('Argamassa Promoção São João')
  await code.getByRole('button', { name: 'Manter como histórico: ARG-ANTIGA' }).click()
  await expect(code.getByTestId('unknown-code-choice')).toHaveText('Histórico, sem produto')

  await page.getByRole('button', { name: 'Confirmar importação' }).click()
  // A worker writes it; the page checks on it every 1.5 s.
  await expect(
    page.getByText('Importação concluída. Criados: 1 · atualizados: 0 · sem mudança: 0.'),
  ).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('button', { name: 'Confirmar importação' })).toHaveCount(0)
  const confirmedUrl = page.url()

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
  // Nothing to write: confirming is off, and says why; the preview can be discarded.
  await expect(page.getByRole('button', { name: 'Confirmar importação' })).toBeDisabled()
  await expect(
    page.getByText('Nada a importar: as linhas sem erro já estão gravadas exatamente assim.'),
  ).toBeVisible()
  await snapshot(page, 'import-nothing-to-write')
  const batchUrl = page.url()
  await page.getByRole('button', { name: 'Descartar' }).click()
  await expect(page.getByText(/Prévia descartada/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Descartar' })).toHaveCount(0)
  await expect(page.getByRole('main')).toContainText(' · Descartada')
  // Confirming it anyway (an old tab) is refused with the reason.
  const refused = await page.request.post(batchUrl, {
    headers: { Origin: new URL(batchUrl).origin },
    form: { intent: 'confirm' },
  })
  expect(refused.status()).toBe(409)
  expect(await refused.text()).toContain('Esta prévia foi descartada e não pode ser confirmada.')
  await page.goto('/admin/imports')
  const batchLink = page.locator(`a[href="${new URL(batchUrl).pathname}"]`)
  await expect(page.getByRole('row').filter({ has: batchLink })).toContainText('Descartada')

  // Undoing the confirmed import puts the dashboard and the account back as they were.
  await page.goto(confirmedUrl)
  await snapshot(page, 'import-committed-undo')
  await page.getByRole('button', { name: 'Desfazer importação' }).click()
  await expect(page.getByTestId('import-undone')).toContainText('Importação desfeita em')
  await expect(page.getByRole('main')).toContainText(' · Desfeita')
  await expect(page.getByRole('button', { name: 'Desfazer importação' })).toHaveCount(0)
  await snapshot(page, 'import-undone')
  await page.setViewportSize({ width: 390, height: 844 })
  await snapshot(page, 'import-undone-390')
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/admin')
  await expect(page.getByTestId('reactivated-this-month')).toHaveText(String(reactivatedBefore))
  expect(await portfolioCount(page, 'INACTIVE')).toBe(inactiveBefore)
  expect(await portfolioCount(page, 'ACTIVE')).toBe(activeBefore)
  await page.goto(`/admin/accounts?q=${cnpj}`)
  await page.getByTestId('account-row').first().getByRole('link').click()
  await expect(page.getByTestId('account-status')).toHaveText('Inativo')
  await expect(page.getByTestId('reactivated')).toHaveCount(0)
  await expect(page.getByText('Nº ERP E2E-700001')).toHaveCount(0)
})

test('thresholds are validated, saved and reclassify the portfolio', async ({
  managerPage: page,
}) => {
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
