import crypto from 'node:crypto'
import { expect, test } from './fixtures'
import { snapshot } from './forms-helpers'

const FILE = 'Arquivo CSV ou Excel (.xlsx)'

test('an orders file with a product code not in the catalog is flagged, refused until the manager chooses, and imported as history shown on the order', async ({
  browser,
  world,
}) => {
  test.setTimeout(120_000)
  const t = crypto.randomUUID().slice(0, 6).toUpperCase()
  const buyer = await world.buyer()
  const product = await world.call('catalogProduct')
  const unknown = `ERP-${t}`
  const csv = [
    'cnpj;pedido;data;sku;produto;quantidade;preco',
    `${buyer.cnpj};UC-${t};10/10/2025;${product.sku};Produto do catálogo;2;10,00`,
    `${buyer.cnpj};UC-${t};10/10/2025;${unknown};Argamassa antiga;3;5,00`,
  ].join('\n')

  const page = await world.pageAs(browser, await world.manager())
  await page.goto('/admin/imports')
  await page.getByRole('radio', { name: /^Histórico de pedidos/ }).check()
  await page.getByLabel(FILE).setInputFiles({
    name: `pedidos-${t}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  })
  await page.getByRole('button', { name: 'Enviar e ver prévia' }).click()
  await expect(page).toHaveURL(/\/admin\/imports\/\w+$/)

  const section = page.getByTestId('unknown-codes')
  await expect(section.getByRole('heading', { name: 'Códigos fora do catálogo' })).toBeVisible()
  await expect(page.getByTestId('unknown-codes-summary')).toHaveText(
    '1 linha tem um código de produto que não existe no catálogo.',
  )
  const row = section.getByTestId('unknown-code')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(unknown)
  await expect(row).toContainText('Argamassa antiga')
  await expect(row.locator('td').nth(2)).toHaveText('3')

  // No choice yet: confirming is refused, with the reason beside the section.
  await page.getByRole('button', { name: 'Confirmar importação' }).click()
  await expect(page.getByTestId('unknown-codes-error')).toHaveText(
    'Escolha o que fazer com cada código fora do catálogo antes de confirmar.',
  )
  await snapshot(page, 'import-unknown-codes')
  await page.setViewportSize({ width: 390, height: 844 })
  await snapshot(page, 'import-unknown-codes-390')
  await page.setViewportSize({ width: 1280, height: 800 })

  await row.getByRole('button', { name: `Manter como histórico: ${unknown}` }).click()
  await expect(row.getByTestId('unknown-code-choice')).toHaveText('Histórico, sem produto')
  await page.getByRole('button', { name: 'Confirmar importação' }).click()
  await expect(page.getByText('Importação concluída', { exact: false })).toBeVisible({
    timeout: 30_000,
  })

  // The buyer's order shows the line as not in the catalog; the catalog line is not marked.
  const buyerPage = await world.pageAs(browser, buyer)
  await buyerPage.goto('/orders')
  await buyerPage.locator('a[href^="/orders/"]').first().click()
  await expect(buyerPage.getByTestId('order-line')).toHaveCount(2)
  const marked = buyerPage.getByTestId('order-line').filter({ hasText: unknown })
  await expect(marked.getByTestId('order-line-not-in-catalog')).toHaveText('· fora do catálogo')
  await expect(
    buyerPage
      .getByTestId('order-line')
      .filter({ hasText: product.sku })
      .getByTestId('order-line-not-in-catalog'),
  ).toHaveCount(0)
})
