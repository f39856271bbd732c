import crypto from 'node:crypto'
import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { snapshot } from './forms-helpers'

const tag = () => crypto.randomUUID().slice(0, 6).toUpperCase()
const FILE = 'Arquivo CSV ou Excel (.xlsx)'

async function productsXlsx(t: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Produtos')
  sheet.addRow(['SKU', 'Nome', 'Família', 'Unidade', 'Embalagem', 'Preço de lista', 'Estoque'])
  for (let n = 1; n <= 30; n++) {
    const family = n <= 20 ? `Importados ${t} > Cimentos` : `Importados ${t} > Argamassas`
    sheet.addRow([
      `${t}-${String(n).padStart(3, '0')}`,
      `Produto ${t} ${n}`,
      family,
      'SC',
      1,
      10 + n / 4,
      100,
    ])
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

async function upload(page: Page, kind: RegExp, file: { name: string; buffer: Buffer }) {
  await page.goto('/admin/imports')
  await page.getByRole('radio', { name: kind }).check()
  await page.getByLabel(FILE).setInputFiles({ ...file, mimeType: 'application/octet-stream' })
  await page.getByRole('button', { name: 'Enviar e ver prévia' }).click()
  await expect(page).toHaveURL(/\/admin\/imports\/\w+$/)
}

async function confirm(page: Page) {
  await page.getByRole('button', { name: 'Confirmar importação' }).click()
  await expect(page.getByText('Importação concluída', { exact: false })).toBeVisible({
    timeout: 30_000,
  })
}

test('a manager imports 30 products from .xlsx and a price list from CSV; a buyer on the list sees them', async ({
  browser,
  world,
}) => {
  test.setTimeout(120_000)
  const t = tag()
  const page = await world.pageAs(browser, await world.manager())

  await page.goto('/admin/imports')
  await expect(page.getByRole('radio', { name: /^Produtos \(catálogo\)/ })).toBeVisible()
  await expect(page.getByRole('radio', { name: /^Listas de preço/ })).toBeVisible()
  await snapshot(page, 'imports-page')
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Baixar modelo CSV: Produtos (catálogo)' }).click()
  const template = await download
  expect(template.suggestedFilename()).toBe('modelo-products.csv')
  expect(fs.readFileSync((await template.path())!, 'utf8')).toContain('Cimentos > CP-II')

  await upload(page, /^Produtos \(catálogo\)/, {
    name: 'produtos.xlsx',
    buffer: await productsXlsx(t),
  })
  await expect(page.getByTestId('imports.toCreate')).toHaveText('30')
  await expect(page.getByTestId('imports.errorRows')).toHaveText('0')
  // Every row of the file, not only the first ones.
  await expect(page.getByTestId('preview-row')).toHaveCount(30)
  await expect(page.getByTestId('preview-row').first()).toContainText(`Importados ${t} > Cimentos`)
  await snapshot(page, 'import-products-preview')
  await confirm(page)
  // The name the manager knows the file by, not the name it was stored under.
  await expect(page.getByRole('main')).toContainText('produtos.xlsx · Importada')

  await page.goto(`/admin/catalog?q=${t}`)
  await expect(page.getByTestId('product-row')).toHaveCount(25)
  await expect(page.getByTestId('products-total')).toContainText('30')

  // A price list for one of them, from CSV.
  const sku = `${t}-007`
  const code = `IMP-${t}`
  await upload(page, /^Listas de preço/, {
    name: 'precos.csv',
    buffer: Buffer.from(
      `Lista;SKU;Preço;Quantidade mínima\r\n${code};${sku};7,77;\r\n${code};${sku};6,66;50\r\n`,
    ),
  })
  await expect(page.getByTestId('imports.toCreate')).toHaveText('2')
  await confirm(page)

  const buyer = await world.buyer()
  await page.goto(`/admin/accounts/${buyer.accountId}`)
  await page.getByRole('combobox', { name: 'Tabela de preços' }).selectOption({ label: code })
  await page.getByRole('button', { name: 'Salvar condições' }).click()
  await expect(page.getByText('Cadastro salvo.')).toBeVisible()
  await page.context().close()

  const store = await world.pageAs(browser, buyer)
  await store.goto(`/catalog?q=${t}`)
  await expect(store.getByTestId('product-card').first()).toContainText(`Produto ${t}`)
  await store.goto(`/products/${sku}`)
  await expect(store.getByRole('main')).toContainText(`Produto ${t} 7`)
  await expect(store.getByRole('main')).toContainText('7,77')
  await store.context().close()
})

test('a malformed .xlsx is refused with a clear message and cannot be confirmed', async ({
  managerPage: page,
}) => {
  await upload(page, /^Produtos \(catálogo\)/, {
    name: 'planilha.xlsx',
    buffer: Buffer.from('SKU;Nome;Família;Preço\r\nA-1;Nome;Fam;1\r\n'),
  })
  await expect(page.getByRole('alert')).toContainText(
    'Não é uma planilha .xlsx que conseguimos ler',
  )
  await expect(page.getByRole('button', { name: 'Confirmar importação' })).toHaveCount(0)
  await snapshot(page, 'import-invalid-xlsx')

  // Bad rows are listed by line, column and value; the good ones can still be imported.
  const t = tag()
  await upload(page, /^Produtos \(catálogo\)/, {
    name: 'produtos.csv',
    buffer: Buffer.from(
      `SKU;Nome;Família;Embalagem;Preço\r\n${t}-1;Bom;Fam ${t};1;10\r\n${t}-2;Ruim;Fam ${t};0;-5\r\n`,
    ),
  })
  await expect(page.getByTestId('imports.errorRows')).toHaveText('1')
  await expect(page.getByTestId('import-error')).toHaveText([
    /^3\s*embalagem inválida .* · embalagem · “0”$/,
    /^3\s*valor inválido · precoLista · “-5”$/,
  ])
  await snapshot(page, 'import-products-errors')
})

test('a buyer and a rep get 403 on the import templates', async ({ browser, world }) => {
  for (const user of [await world.buyer(), await world.rep()]) {
    const page = await world.pageAs(browser, user)
    for (const url of [
      '/admin/imports/template/PRODUCTS.csv',
      '/admin/imports/template/PRICE_LISTS.csv',
    ]) {
      const response = await page.request.get(url)
      expect([url, response.status()]).toEqual([url, 403])
    }
    await page.context().close()
  }
})
