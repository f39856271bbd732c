import crypto from 'node:crypto'
import fs from 'node:fs'
import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { snapshot } from './forms-helpers'

const FILE = 'Arquivo CSV ou Excel (.xlsx)'

/** The first bytes of a real PNG: what a manager sends when the wrong file is picked. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
)

function randomCnpj(): string {
  const digits = Array.from({ length: 12 }, () => crypto.randomInt(10))
  for (const length of [12, 13]) {
    let sum = 0
    for (let i = 0; i < length; i++) sum += digits[i]! * (((length - 1 - i) % 8) + 2)
    const rest = sum % 11
    digits.push(rest < 2 ? 0 : 11 - rest)
  }
  return digits.join('')
}

async function sendAccounts(page: Page, name: string, buffer: Buffer) {
  await page.goto('/admin/imports')
  await page.getByRole('radio', { name: /^Clientes/ }).check()
  await page.getByLabel(FILE).setInputFiles({ name, buffer, mimeType: 'text/csv' })
  await page.getByRole('button', { name: 'Enviar e ver prévia' }).click()
}

async function uploadAccounts(page: Page, name: string, buffer: Buffer) {
  await sendAccounts(page, name, buffer)
  await expect(page).toHaveURL(/\/admin\/imports\/\w+$/)
}

test('a manager uploads an empty file, a picture and a name written as a formula: clear errors, then the formula kept as text', async ({
  browser,
  world,
}) => {
  test.setTimeout(90_000)
  const page = await world.pageAs(browser, await world.manager())

  // Every kind offers its example as CSV and as Excel.
  await page.goto('/admin/imports')
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Baixar modelo Excel: Clientes' }).click()
  const template = await download
  expect(template.suggestedFilename()).toBe('modelo-accounts.xlsx')
  expect(
    fs
      .readFileSync((await template.path())!)
      .subarray(0, 2)
      .toString(),
  ).toBe('PK')
  await expect(page.getByRole('link', { name: /^Baixar modelo (CSV|Excel): / })).toHaveCount(12)
  await snapshot(page, 'imports-templates')
  await page.setViewportSize({ width: 390, height: 844 })
  await snapshot(page, 'imports-templates-390')
  await page.setViewportSize({ width: 1280, height: 720 })

  // A file of no bytes is refused by the form, beside the field; one of only a BOM and blank
  // lines reaches the preview, which says it is empty.
  await sendAccounts(page, 'vazio.csv', Buffer.alloc(0))
  await expect(page.getByText('Escolha um arquivo CSV ou .xlsx.')).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/imports$/)
  await uploadAccounts(page, 'vazio.csv', Buffer.from('\ufeff\r\n\r\n'))
  await expect(page.getByText('O arquivo está vazio.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Confirmar importação' })).toHaveCount(0)

  await uploadAccounts(page, 'foto.csv', PNG)
  await expect(
    page.getByText('Isto não parece um arquivo CSV (conteúdo binário, como uma imagem ou um PDF)'),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Confirmar importação' })).toHaveCount(0)
  await snapshot(page, 'import-binary-refused')

  const tag = crypto.randomUUID().slice(0, 6)
  const cnpj = randomCnpj()
  const formula = `=HYPERLINK("http://x.example/${tag}","clique")`
  const csv = [
    'CNPJ;Razão Social;Nome Fantasia;Cidade;UF',
    `${cnpj};"${formula.replace(/"/g, '""')}";"${formula.replace(/"/g, '""')}";+Recife;PE`,
  ].join('\r\n')
  await uploadAccounts(page, 'formula.csv', Buffer.from(csv))
  await expect(page.getByTestId('imports.toCreate')).toHaveText('1')
  await expect(page.getByTestId('imports.errorRows')).toHaveText('0')
  await snapshot(page, 'import-formula-preview')
  await page.getByRole('button', { name: 'Confirmar importação' }).click()
  await expect(page.getByText('Importação concluída', { exact: false })).toBeVisible({
    timeout: 30_000,
  })

  await page.goto(`/admin/accounts?q=${cnpj}`)
  await page.getByRole('link', { name: formula }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(formula)
  await expect(page.getByRole('main')).toContainText('+Recife')
  await page.setViewportSize({ width: 390, height: 844 })
  await snapshot(page, 'import-formula-account-390')

  const exported = await page.request.get(`/admin/accounts.csv?q=${cnpj}`)
  const line = (await exported.text()).split('\r\n').find((l) => l.startsWith(cnpj))!
  expect(line).toContain(`"'${formula.replace(/"/g, '""')}"`)
  expect(line).toContain(`"'+Recife"`)
  expect(line).not.toMatch(/;=|;\+|;"=|;"\+/)
})
