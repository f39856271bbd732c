import crypto from 'node:crypto'
import fs from 'node:fs'
import { expect, test } from './fixtures'
import { randomCnpj } from './helpers'

const FILE = 'Arquivo CSV ou Excel (.xlsx)'
const SHOTS = 'tests/.tmp/import-new-accounts'

test('a 60-line order file pages its preview, creates the account of an unknown CNPJ from its own columns, and the account shows its orders', async ({
  browser,
  world,
}) => {
  test.setTimeout(150_000)
  fs.mkdirSync(SHOTS, { recursive: true })
  const t = crypto.randomUUID().slice(0, 6).toUpperCase()
  const buyer = await world.buyer()
  const product = await world.call('catalogProduct')
  const cnpj = randomCnpj()
  const name = `Depósito Novo ${t} — Caruaru`
  // 58 lines of a known account, then two orders of a CNPJ the portal does not know.
  const lines = [
    'CNPJ;Razão Social;Município;UF;Pedido;Data;Código;Descrição;Qtde;Preço Unitário',
    ...Array.from(
      { length: 58 },
      (_, i) =>
        `${buyer.cnpj};${buyer.tradeName};São Paulo;SP;NA-${t}-${i};10/10/2025;${product.sku};Produto;1;10,00`,
    ),
    `${cnpj};${name};Caruaru;PE;NA-${t}-X1;12/10/2025;${product.sku};Produto;2;10,00`,
    `${cnpj};${name};Caruaru;PE;NA-${t}-X2;14/11/2025;${product.sku};Produto;3;10,00`,
  ]
  const page = await world.pageAs(browser, await world.manager())
  await page.goto('/admin/imports')
  await page.getByRole('radio', { name: /^Histórico de pedidos/ }).check()
  await page.getByLabel(FILE).setInputFiles({
    name: `pedidos-${t}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\r\n')),
  })
  await page.getByRole('button', { name: 'Enviar e ver prévia' }).click()
  await expect(page).toHaveURL(/\/admin\/imports\/\w+$/)

  // Every row, 50 a page, with the counts by outcome.
  const filters = page.getByTestId('preview-filters')
  await expect(filters.getByRole('link', { name: 'Todas (60)' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await expect(filters.getByRole('link', { name: 'Criar (58)' })).toBeVisible()
  await expect(filters.getByRole('link', { name: 'Com erro (2)' })).toBeVisible()
  await expect(page.getByTestId('preview-row')).toHaveCount(50)
  await expect(page.getByText('Página 1 de 2').first()).toBeVisible()
  await page.getByRole('link', { name: 'Próxima' }).click()
  await expect(page).toHaveURL(/page=2/)
  await expect(page.getByText('Página 2 de 2').first()).toBeVisible()
  const rows = page.getByTestId('preview-row')
  await expect(rows).toHaveCount(10)
  // The unknown CNPJ's lines, on page 2, with the reason beside them and the name as read.
  const unknownLine = rows.filter({ hasText: `#NA-${t}-X1` })
  await expect(unknownLine).toHaveAttribute('data-outcome', 'error')
  await expect(unknownLine).toContainText('nenhum cliente com este CNPJ')
  await expect(unknownLine).toContainText(name)

  // The block of new accounts, read from the file's own columns.
  const block = page.getByTestId('new-accounts')
  await expect(block.getByTestId('new-account')).toHaveCount(1)
  await expect(block.getByTestId('new-account')).toContainText(name)
  await expect(block.getByTestId('new-account')).toContainText('Caruaru / PE')
  await expect(block.getByTestId('new-account')).toContainText('pode ser criado')
  await page.screenshot({ path: `${SHOTS}/preview-page-2.png`, fullPage: true })

  await block.getByRole('button', { name: 'Criar este cliente nesta importação' }).click()
  await expect(block.getByTestId('new-accounts-chosen')).toBeVisible()
  await expect(block.getByTestId('new-account')).toContainText('será criado')
  await expect(filters.getByRole('link', { name: 'Criar (60)' })).toBeVisible()
  await expect(filters.getByRole('link', { name: 'Com erro (0)' })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/new-accounts-chosen.png`, fullPage: true })

  await page.getByRole('button', { name: 'Confirmar importação' }).click()
  await expect(page.getByText('Importação concluída', { exact: false })).toBeVisible({
    timeout: 30_000,
  })

  // The new account, with its two orders.
  await page.goto(`/admin/accounts?q=${encodeURIComponent(`Depósito Novo ${t}`)}`)
  await page.getByTestId('account-row').first().getByRole('link').click()
  await expect(page.getByRole('heading', { name: new RegExp(`Depósito Novo ${t}`) })).toBeVisible()
  await expect(page.getByText(`Nº ERP NA-${t}-X1`)).toBeVisible()
  await expect(page.getByText(`Nº ERP NA-${t}-X2`)).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/new-account-page.png`, fullPage: true })
})
