import crypto from 'node:crypto'
import { type Browser, type Page } from '@playwright/test'
import { expect, test, type World } from './fixtures'
import { snapshot } from './forms-helpers'
import { randomCnpj } from './helpers'

const FILE = 'Arquivo CSV ou Excel (.xlsx)'

/** Confirms the previewed import and waits for the worker to write it. */
async function confirmAndWait(page: Page) {
  await page.getByRole('button', { name: 'Confirmar importação' }).click()
  await expect(page.getByText('Importação concluída', { exact: false })).toBeVisible({
    timeout: 30_000,
  })
}

/** The buyer's newest order, open in a browser of their own. */
async function newestOrderPage(world: World, browser: Browser, buyer: { id: string }) {
  const page = await world.pageAs(browser, buyer)
  await page.goto('/orders')
  await page.locator('a[href^="/orders/"]').first().click()
  return page
}

/** Uploads an order-history CSV and waits for its preview. */
async function previewOrders(page: Page, name: string, csv: string) {
  await page.goto('/admin/imports')
  await page.getByRole('radio', { name: /^Histórico de pedidos/ }).check()
  await page.getByLabel(FILE).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  })
  await page.getByRole('button', { name: 'Enviar e ver prévia' }).click()
  await expect(page).toHaveURL(/\/admin\/imports\/\w+$/)
}

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
  await previewOrders(page, `pedidos-${t}.csv`, csv)

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
  await confirmAndWait(page)

  // The buyer's order shows the line as not in the catalog; the catalog line is not marked.
  const buyerPage = await newestOrderPage(world, browser, buyer)
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

test('the manager maps an ERP code to a catalog SKU in the preview; the next file is read through the remembered mapping, which can be forgotten', async ({
  browser,
  world,
}) => {
  test.setTimeout(120_000)
  const t = crypto.randomUUID().slice(0, 6).toUpperCase()
  const buyer = await world.buyer()
  const product = await world.call('catalogProduct')
  const code = `CIM-CPII-${t}`
  // The first file also has an order of a shop that is not an account yet.
  const stranger = randomCnpj()
  const order = (ref: string, extra: string[] = []) =>
    [
      'cnpj;pedido;data;sku;produto;quantidade;preco',
      `${buyer.cnpj};${ref};10/10/2025;${code};Cimento CP-II (ERP);4;30,00`,
      ...extra,
    ].join('\n')
  const page = await world.pageAs(browser, await world.manager())
  const upload = (ref: string, extra: string[] = []) =>
    previewOrders(page, `pedidos-${ref}.csv`, order(ref, extra))

  await upload(`MC-${t}-1`, [`${stranger};MC-${t}-X;11/10/2025;${code};Cimento;1;30,00`])
  // The unknown CNPJ is said once, with where to import accounts first.
  await expect(page.getByTestId('unknown-accounts')).toHaveText(
    '1 CNPJ deste arquivo não é de nenhum cliente do Reativa, e os pedidos dele ficam de fora. Importe primeiro os clientes (CNPJ, razão social, cidade e UF) e envie este arquivo de novo.',
  )
  await expect(page.getByRole('link', { name: 'Importar clientes' })).toHaveAttribute(
    'href',
    '/admin/imports?kind=ACCOUNTS',
  )
  const row = page.getByTestId('unknown-code').filter({ hasText: code })
  const sku = row.getByLabel(`SKU do catálogo para ${code}`)
  // Nothing typed, then a SKU the catalog lacks: each refused beside the field, nothing mapped.
  await row.getByRole('button', { name: 'Mapear' }).click()
  await expect(row.getByText('Informe o SKU do produto no catálogo.')).toBeVisible()
  await sku.fill(`NAO-EXISTE-${t}`)
  await row.getByRole('button', { name: 'Mapear' }).click()
  await expect(row.getByText('Nenhum produto com este SKU no catálogo.')).toBeVisible()
  await expect(sku).toHaveAttribute('aria-invalid', 'true')
  await sku.fill(product.sku.toLowerCase())
  await row.getByRole('button', { name: 'Mapear' }).click()
  await expect(row.getByTestId('unknown-code-choice')).toHaveText(`Lido como ${product.sku}`)
  await snapshot(page, 'import-code-mapped')
  await confirmAndWait(page)

  // The buyer's order has the catalog product, not a line outside the catalog.
  const buyerPage = await newestOrderPage(world, browser, buyer)
  const line = buyerPage.getByTestId('order-line')
  await expect(line).toHaveCount(1)
  await expect(line).toContainText(product.sku)
  await expect(line.getByTestId('order-line-not-in-catalog')).toHaveCount(0)
  await buyerPage.context().close()

  // The next file from the same ERP: read through the mapping, nothing to choose.
  await upload(`MC-${t}-2`)
  await expect(page.getByTestId('unknown-codes')).toHaveCount(0)
  await expect(page.getByTestId('remembered-mappings')).toContainText(
    `${code} · Lido como ${product.sku} (mapeamento lembrado)`,
  )
  await expect(page.getByRole('button', { name: 'Confirmar importação' })).toBeEnabled()

  // The mapping is listed with the others and can be forgotten.
  await page.goto('/admin/imports?kind=ACCOUNTS')
  await expect(page.getByRole('radio', { name: /^Clientes/ })).toBeChecked()
  await page.getByRole('link', { name: 'Códigos do ERP mapeados' }).click()
  await expect(page.getByRole('heading', { name: 'Códigos do ERP mapeados' })).toBeVisible()
  const mapping = page.getByTestId('code-mapping').filter({ hasText: code })
  await expect(mapping).toContainText(product.sku)
  await snapshot(page, 'import-codes')
  await mapping.getByRole('button', { name: `Esquecer o mapeamento de ${code}` }).click()
  await expect(page.getByText(`Mapeamento de ${code} esquecido.`)).toBeVisible()
  await expect(page.getByTestId('code-mapping').filter({ hasText: code })).toHaveCount(0)
})
