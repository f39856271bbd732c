import { spawn, type ChildProcess } from 'node:child_process'
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import sharp from 'sharp'
import { World } from './fixtures'
import { expectNo500s } from './hostile'
import { createStaffUser } from './helpers'

/**
 * An EMPTY install (REATIVA_DEMO=off), from its first visit to its first administrator.
 *
 * Every other spec shares the demo server that playwright.config.ts starts, and an ADMIN exists
 * there from the seed, so the set-up page can never open on it. This spec starts a server of its
 * own, with the same script (tests/e2e/start-server.mjs: its own port, its own SQLite file or
 * PostgreSQL database, its own world endpoint and Stripe stand-in), without the demo, and reads
 * the one-time code from that server's log as an operator would. A dedicated Playwright project
 * with a second webServer would start that server for every run, even when this spec is not
 * selected; started here, it costs only the runs that include it. Its tests run in order (serial)
 * in one worker, because claiming the install is a one-way step.
 */
const MAIN_PORT = Number(process.env.E2E_PORT ?? 3100)
const PORT = MAIN_PORT + 2
const WORLD_PORT = MAIN_PORT + 3
const STRIPE_PORT = MAIN_PORT + 9012
const BASE_URL = `http://localhost:${PORT}`
const COMPANY = 'Cimentos Aurora'

let server: ChildProcess | undefined
let log = ''
let setupCode = ''

test.describe.configure({ mode: 'serial' })
test.use({ baseURL: BASE_URL })

test.beforeAll(async () => {
  test.setTimeout(240_000)
  server = spawn('node', ['tests/e2e/start-server.mjs'], {
    env: {
      ...process.env,
      E2E_PORT: String(PORT),
      E2E_WORLD_PORT: String(WORLD_PORT),
      E2E_STRIPE_PORT: String(STRIPE_PORT),
      REATIVA_DEMO: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that afterAll ends the server and its children together.
    detached: true,
  })
  server.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()))
  server.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
  await expect(async () => {
    const response = await fetch(`${BASE_URL}/auth/login`, { redirect: 'manual' })
    expect(response.status).toBeLessThan(500)
  }).toPass({ timeout: 200_000, intervals: [500] })
  const match = /one-time set-up code: ([0-9A-Z-]+)/.exec(log)
  if (!match) throw new Error(`No set-up code in the server log:\n${log}`)
  setupCode = match[1]!
})

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM')
})

async function fillSetup(page: Page, values: { code: string; email: string }) {
  await page.getByLabel('Código de configuração').fill(values.code)
  await page.getByLabel('Nome da empresa').fill(COMPANY)
  await page.getByLabel('Seu nome').fill('Ana Admin')
  await page.getByLabel('E-mail').fill(values.email)
  await page.getByLabel('Nova senha', { exact: true }).fill('uma senha longa')
  await page.getByLabel('Repita a nova senha').fill('uma senha longa')
  await page.getByRole('button', { name: 'Criar administrador' }).click()
}

test('every page leads to the set-up page, whose form takes no hostile value', async ({ page }) => {
  test.setTimeout(5 * 60_000)
  for (const path of ['/', '/catalog', '/admin', '/auth/login']) {
    await page.goto(path)
    await expect(page).toHaveURL(/\/setup$/)
  }
  await expect(page.getByRole('heading', { name: 'Configure o seu portal' })).toBeVisible()
  // The page fills no field in, so no hostile post carries a whole valid form: none of them
  // reaches the code check (nor its per-address limit).
  await expectNo500s(page, ['/setup'])
})

test('a wrong code is refused and creates nothing; the right one creates the admin', async ({
  page,
  browser,
}) => {
  await page.goto('/setup')
  await fillSetup(page, { code: 'AAAA-BBBB-CCCC', email: 'ana@aurora.example' })
  const code = page.getByLabel('Código de configuração')
  await expect(code).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Este código de configuração não está certo')).toBeVisible()
  await expect(page).toHaveURL(/\/setup$/)
  await page.screenshot({ path: 'test-results/setup-wrong-code.png', fullPage: true })
  // Nothing was written: still no administrator, so the login page still leads here.
  const other = await browser.newPage({ baseURL: BASE_URL })
  await other.goto('/auth/login')
  await expect(other).toHaveURL(/\/setup$/)
  await other.close()

  await fillSetup(page, { code: setupCode, email: 'ana@aurora.example' })
  await expect(page).toHaveURL(/\/admin$/)
  await expect(page.getByRole('link', { name: new RegExp(COMPANY) }).first()).toBeVisible()
  const checklist = page.getByTestId('onboarding')
  await expect(checklist).toBeVisible()
  await expect(page.getByTestId('onboarding-company')).toHaveAttribute('data-done', 'true')
  await expect(page.getByTestId('onboarding-catalog')).toHaveAttribute('data-done', 'false')
  await expect(page.getByTestId('onboarding-accounts')).toHaveAttribute('data-done', 'false')
  await expect(page.getByTestId('onboarding-progress')).toHaveText('1 de 8 etapas concluídas')
  await page.screenshot({ path: 'test-results/setup-checklist.png', fullPage: true })

  // Each step links to its screen.
  await page.getByTestId('onboarding-campaign').getByRole('link').click()
  await expect(page).toHaveURL(/\/admin\/campaigns\/new$/)
})

test('once claimed, the set-up page and its code are gone; the company brands the portal and emails', async ({
  page,
  browser,
}) => {
  await page.goto('/setup')
  await expect(page).toHaveURL(/\/auth\/login$/)
  await expect(page.getByTestId('company-name')).toHaveText(COMPANY)
  await expect(page).toHaveTitle(`Entrar · ${COMPANY}`)
  const replay = await page.request.post('/setup', {
    form: {
      code: setupCode,
      companyName: 'Intruso',
      name: 'Intruso',
      email: 'intruso@example.com',
      password: 'uma senha longa',
      confirm: 'uma senha longa',
    },
    headers: { Origin: BASE_URL },
    maxRedirects: 0,
  })
  expect(replay.status()).toBe(302)
  expect(replay.headers()['location']).toBe('/auth/login')

  // The admin logs in with the password chosen on the set-up page.
  await page.getByLabel('E-mail').fill('ana@aurora.example')
  await page.getByLabel('Senha').fill('uma senha longa')
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page).toHaveURL(/\/admin$/)

  // The company's details are the ADMIN's to change, not a manager's.
  const world = new World(BASE_URL, String(WORLD_PORT))
  const manager = await world.manager()
  const managerPage = await world.pageAs(browser, manager)
  await managerPage.goto('/admin/settings')
  await expect(managerPage.getByLabel('Nome da empresa')).toHaveCount(0)
  const refused = await managerPage.request.post('/admin/settings', {
    form: { intent: 'company', companyName: 'Outra' },
    headers: { Origin: BASE_URL },
    maxRedirects: 0,
  })
  expect(refused.status()).toBe(403)
  await managerPage.context().close()

  // Branding: a colour too light for white text and a phone without area code are refused
  // beside their fields; then name, colour, phone and WhatsApp are saved.
  await page.goto('/admin/settings')
  await page.getByLabel('Nome da empresa').fill('Aurora Materiais')
  await page.getByLabel('Cor principal').fill('#facc15')
  await page.getByLabel('Telefone de atendimento').fill('3456-7890')
  await page.getByLabel('WhatsApp').fill('(11) 98765-4321')
  await page.getByLabel('Nome do remetente').fill('Vendas <Aurora>')
  await page.getByLabel('Endereço do remetente').fill('vendas@aurora')
  await page.getByRole('button', { name: 'Salvar dados da empresa' }).click()
  await expect(page.getByText('Esta cor é clara demais')).toBeVisible()
  await expect(page.getByLabel('Nome do remetente')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Endereço do remetente')).toHaveAttribute('aria-invalid', 'true')
  await page.getByLabel('Nome do remetente').fill('Vendas Aurora')
  await page.getByLabel('Endereço do remetente').fill('vendas@aurora.example')
  await expect(page.getByLabel('Telefone de atendimento')).toHaveAttribute('aria-invalid', 'true')
  await page.getByLabel('Cor principal').fill('#1d4ed8')
  await page.getByLabel('Telefone de atendimento').fill('(11) 3456-7890')
  await page.getByRole('button', { name: 'Salvar dados da empresa' }).click()
  await expect(page.getByText('Dados da empresa salvos.')).toBeVisible()
  await expect(page.getByRole('link', { name: /Aurora Materiais/ }).first()).toBeVisible()
  // The open page takes the new colour at once: its style element, allowed by the CSP, changes.
  await expect(page.locator('nav a[aria-current="page"]').first()).toHaveCSS(
    'background-color',
    'rgb(29, 78, 216)',
  )
  await page.screenshot({ path: 'test-results/setup-settings.png', fullPage: true })

  // A buyer of this install sees the company's name, colour and contacts in the storefront;
  // the checklist ticks the account (and its payment terms) made meanwhile.
  const buyer = await world.buyer()
  const buyerPage = await world.pageAs(browser, buyer)
  await buyerPage.goto('/catalog')
  await expect(buyerPage.getByTestId('company-name')).toHaveText('Aurora Materiais')
  await expect(buyerPage.getByTestId('company-name')).toHaveCSS('color', 'rgb(29, 78, 216)')
  const support = buyerPage.getByTestId('support')
  await expect(support).toContainText('Atendimento: (11) 3456-7890')
  await expect(support.getByRole('link', { name: /WhatsApp/ })).toHaveAttribute(
    'href',
    'https://wa.me/5511987654321',
  )
  await buyerPage.screenshot({ path: 'test-results/setup-storefront.png' })
  await buyerPage.context().close()
  await page.goto('/admin')
  await expect(page.getByTestId('onboarding-accounts')).toHaveAttribute('data-done', 'true')

  // Emails carry the company's name: subject, header and footer.
  await page.getByRole('button', { name: 'Sair' }).click()
  // Signing out loads a new page (components/messages): let it land before going on.
  await expect(page).toHaveURL(/\/auth\/login$/)
  await page.goto('/auth/forgot-password')
  await page.getByLabel('E-mail').fill('ana@aurora.example')
  await page.getByRole('button', { name: 'Enviar link' }).click()
  await expect(page.getByText(/Se houver uma conta com esse e-mail/)).toBeVisible()
  const mail = await world.latestMail(browser, 'ana@aurora.example', 'Aurora Materiais')
  expect(mail.subject).toBe('Crie uma nova senha no Aurora Materiais')
  expect(mail.from).toBe('"Vendas Aurora" <vendas@aurora.example>')
  expect(mail.text).toContain('portal Aurora Materiais')
  expect(mail.text).toContain('(11) 3456-7890 · WhatsApp (11) 98765-4321')
  expect(mail.text).not.toContain('Reativa')
})

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })

/** Follows the newest emailed set-password link in a new browser, then logs in. */
async function setPasswordFromMail(
  browser: Browser,
  world: World,
  email: string,
  subject: string,
  password: string,
) {
  const mail = await world.latestMail(browser, email, subject)
  const link = /(http:\/\/\S+\/auth\/reset-password\?token=[\w-]+(?:&welcome=1)?)/.exec(
    mail.text,
  )![1]!
  const page = await (await browser.newContext({ baseURL: BASE_URL })).newPage()
  await page.goto(link)
  await page.getByLabel('Nova senha', { exact: true }).fill(password)
  await page.getByLabel('Repita a nova senha').fill(password)
  await page.getByRole('button', { name: 'Salvar senha' }).click()
  await expect(page).toHaveURL(/\/auth\/login\?reset=1/)
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Senha').fill(password)
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page).not.toHaveURL(/\/auth\/login/)
  return page
}

/** Whether an image really loaded (a broken one has no natural width). */
async function expectLoaded(image: Locator) {
  // Retried whole: the page may render the image again (revalidation) while it is checked.
  await expect(async () => {
    await image.scrollIntoViewIfNeeded({ timeout: 5_000 })
    const width = await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)
    expect(width).toBeGreaterThan(0)
  }).toPass({ timeout: 30_000 })
}

/** A picture made now: a coloured block with a band, as a PNG. */
async function picture(color: string, width = 600, height = 400) {
  const band = await sharp({
    create: { width, height: Math.round(height / 4), channels: 3, background: '#f8fafc' },
  })
    .png()
    .toBuffer()
  return sharp({ create: { width, height, channels: 3, background: color } })
    .composite([{ input: band, top: Math.round(height / 3), left: 0 }])
    .png()
    .toBuffer()
}

/** An .xlsx workbook of one sheet, as a spreadsheet program would save it. */
async function workbook(rows: (string | number)[][]) {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Planilha1')
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** Uploads an import file of `kind`, checks its preview, confirms and waits for the write. */
async function importFile(
  page: Page,
  kind: RegExp,
  file: { name: string; buffer: Buffer },
  expected: { toCreate: number },
) {
  await page.goto('/admin/imports')
  await page.getByRole('radio', { name: kind }).check()
  await page
    .getByLabel('Arquivo CSV ou Excel (.xlsx)')
    .setInputFiles({ ...file, mimeType: 'application/octet-stream' })
  await page.getByRole('button', { name: 'Enviar e ver prévia' }).click()
  await expect(page).toHaveURL(/\/admin\/imports\/\w+$/)
  await expect(page.getByTestId('imports.toCreate')).toHaveText(String(expected.toCreate))
  await expect(page.getByTestId('imports.errorRows')).toHaveText('0')
  await page.getByRole('button', { name: 'Confirmar importação' }).click()
  await expect(page.getByText('Importação concluída', { exact: false })).toBeVisible({
    timeout: 60_000,
  })
}

/** The checklist's step on the back office's home, done or not. */
async function expectStep(page: Page, step: string, done: boolean) {
  await page.goto('/admin')
  await expect(page.getByTestId(`onboarding-${step}`)).toHaveAttribute('data-done', String(done))
}

test('from the first admin to a buyer ordering on the new term: logo, people, catalog with a photo, prices, imports from Excel, an account and its buyer', async ({
  page,
  browser,
}) => {
  test.setTimeout(8 * 60_000)
  const world = new World(BASE_URL, String(WORLD_PORT))
  await page.goto('/auth/login')
  await page.getByLabel('E-mail').fill('ana@aurora.example')
  await page.getByLabel('Senha').fill('uma senha longa')
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page).toHaveURL(/\/admin$/)
  for (const step of ['reps', 'catalog', 'pricing']) await expectStep(page, step, false)

  // The company's logo, by the admin.
  await page.goto('/admin/settings')
  const logoPanel = page.getByRole('region', { name: 'Logotipo' })
  await logoPanel.getByLabel('Arquivo do logotipo').setInputFiles({
    name: 'aurora.png',
    mimeType: 'image/png',
    buffer: await picture('#1d4ed8', 360, 90),
  })
  await logoPanel.getByRole('button', { name: 'Enviar logotipo' }).click()
  await expect(logoPanel.getByText('Logotipo salvo.')).toBeVisible()

  // People: a manager and a rep, who set their passwords from the mailbox.
  const welcome = 'Crie sua senha no portal Aurora Materiais'
  await createStaffUser(page, {
    name: 'Marta Gestora',
    email: 'marta@aurora.example',
    role: 'Gestor comercial',
  })
  await createStaffUser(page, {
    name: 'Rui Representante',
    email: 'rui@aurora.example',
    role: 'Representante',
    repCode: 'AUR01',
  })
  const manager = await setPasswordFromMail(
    browser,
    world,
    'marta@aurora.example',
    welcome,
    'senha da gestora',
  )
  await expect(manager).toHaveURL(/\/admin$/)
  const rep = await setPasswordFromMail(
    browser,
    world,
    'rui@aurora.example',
    welcome,
    'senha do representante',
  )
  await expect(rep).toHaveURL(/\/rep$/)
  await rep.context().close()
  await expectStep(page, 'reps', true)

  // The manager's catalog: a family inside another, then a product in it.
  await manager.goto('/admin/catalog/families')
  for (const [name, parent] of [
    ['Cimentos', null],
    ['CP-II', 'Cimentos'],
  ] as const) {
    const form = manager.getByRole('region', { name: 'Nova família' })
    await form.getByLabel('Nome', { exact: true }).fill(name)
    if (parent) await form.getByLabel('Dentro de').selectOption({ label: parent })
    await form.getByRole('button', { name: 'Criar família' }).click()
    // Its row, not the message: the first family's message is still showing when the second
    // is sent.
    await expect(
      manager
        .getByTestId('family-row')
        .locator('p.font-semibold')
        .filter({ hasText: new RegExp(`^${name}\\s`) }),
    ).toBeVisible()
  }
  await manager.goto('/admin/catalog/new')
  await field(manager, 'SKU').fill('AUR-CP2-50')
  await field(manager, 'Nome').fill('Cimento CP-II Aurora 50 kg')
  await field(manager, 'Família').selectOption({ label: '\u00a0\u00a0CP-II' })
  await field(manager, 'Unidade').fill('sc')
  await field(manager, 'Quantidade por embalagem').fill('1')
  await field(manager, 'Preço de lista (R$)').fill('39,90')
  await field(manager, 'Estoque').fill('500')
  await manager.getByLabel('Foto do produto').setInputFiles({
    name: 'cimento.png',
    mimeType: 'image/png',
    buffer: await picture('#78716c'),
  })
  await manager.getByRole('button', { name: 'Criar produto' }).click()
  await expect(manager.getByRole('status').filter({ hasText: 'Produto criado.' })).toBeVisible()
  await expectLoaded(manager.getByRole('img', { name: 'Cimento CP-II Aurora 50 kg' }))
  await expectStep(manager, 'catalog', true)

  // Thirty more products from the ERP's spreadsheet, their families from paths (one of them
  // the family made above), then the price list's prices for two of them from another.
  const imported = Array.from({ length: 30 }, (_, i) => [
    `AUR-IMP-${String(i + 1).padStart(3, '0')}`,
    `Produto importado ${i + 1}`,
    i < 20 ? 'Cimentos > CP-II' : 'Argamassas > Colantes',
    'sc',
    1,
    20 + i,
    200,
  ])
  await importFile(
    manager,
    /^Produtos \(catálogo\)/,
    {
      name: 'catalogo-aurora.xlsx',
      buffer: await workbook([
        ['Código', 'Descrição', 'Família', 'Unidade', 'Embalagem', 'Preço de lista', 'Estoque'],
        ...imported,
      ]),
    },
    { toCreate: 30 },
  )
  await manager.goto('/admin/catalog?q=AUR-IMP')
  await expect(manager.getByTestId('products-total')).toHaveText('30 produtos')

  // A price list with its price for the product, and a payment term of its own.
  await manager.goto('/admin/price-lists')
  await manager.getByLabel('Código').fill('VAREJO')
  await manager.getByLabel('Nome').fill('Varejo Aurora')
  await manager.getByRole('button', { name: 'Criar tabela' }).click()
  await expect(manager.getByText('Tabela criada. Agora defina seus preços.')).toBeVisible()
  const setForm = manager
    .locator('form')
    .filter({ has: manager.getByRole('button', { name: 'Salvar preço' }) })
  await setForm.getByLabel('SKU').fill('AUR-CP2-50')
  await setForm.getByLabel('Preço (R$)').fill('31,90')
  await manager.getByRole('button', { name: 'Salvar preço' }).click()
  await expect(manager.getByText('Preço salvo.')).toBeVisible()
  await manager.goto('/admin/payment-terms')
  await manager.getByLabel('Código').fill('21/42')
  await manager.getByRole('button', { name: 'Criar prazo' }).click()
  await expect(manager.getByText('Prazo criado.', { exact: false })).toBeVisible()
  await expectStep(manager, 'pricing', true)
  await importFile(
    manager,
    /^Listas de preço/,
    {
      name: 'precos-varejo.xlsx',
      buffer: await workbook([
        ['Lista', 'SKU', 'Preço'],
        ['VAREJO', 'AUR-IMP-007', '22,50'],
        ['VAREJO', 'AUR-IMP-021', 18.4],
      ]),
    },
    { toCreate: 2 },
  )

  // An account by hand, on the price list and the new term, with its buyer.
  await manager.goto('/admin/accounts/new')
  await field(manager, 'CNPJ').fill('11.222.333/0001-81')
  await field(manager, 'Razão social').fill('Depósito Horizonte Ltda')
  await field(manager, 'Nome fantasia').fill('Depósito Horizonte')
  await field(manager, 'Cidade').fill('Bauru')
  await field(manager, 'UF').fill('SP')
  await field(manager, 'Representante').selectOption({ label: 'AUR01 · Rui Representante' })
  await manager.getByRole('button', { name: 'Criar cliente' }).click()
  await expect(manager.getByText('Cliente criado.', { exact: false })).toBeVisible()
  await manager
    .getByRole('combobox', { name: 'Tabela de preços' })
    .selectOption({ label: 'Varejo Aurora' })
  await manager.getByLabel('Boleto faturado 21/42 dias').check()
  await manager.getByRole('button', { name: 'Salvar condições' }).click()
  await expect(manager.getByText('Cadastro salvo.')).toBeVisible()
  const addBuyer = manager.getByRole('form', { name: 'Adicionar comprador' })
  await addBuyer.getByLabel('Nome do comprador').fill('Helena Compras')
  await addBuyer.getByLabel('E-mail do comprador').fill('helena@horizonte.example')
  await addBuyer.getByLabel('Administrador da conta (gerencia os compradores)').check()
  await addBuyer.getByRole('button', { name: 'Adicionar comprador' }).click()
  await expect(manager.getByTestId('buyer-added')).toContainText('helena@horizonte.example')
  await manager.screenshot({ path: 'test-results/walk-account.png', fullPage: true })

  // The buyer: the company's logo, the list's prices, the photo, ordering on the new term.
  const buyer = await setPasswordFromMail(
    browser,
    world,
    'helena@horizonte.example',
    'Seu acesso ao portal de pedidos — Depósito Horizonte',
    'senha da compradora',
  )
  await expect(buyer).toHaveURL(/\/catalog/)
  await expectLoaded(buyer.getByRole('banner').getByTestId('company-logo'))
  await expect(buyer.getByRole('banner').getByTestId('company-logo')).toHaveAttribute(
    'alt',
    'Aurora Materiais',
  )
  const card = buyer.getByTestId('product-card').filter({ hasText: 'AUR-CP2-50' })
  await expect(card).toContainText('31,90')
  await expectLoaded(card.getByAltText('Cimento CP-II Aurora 50 kg'))
  await buyer.screenshot({ path: 'test-results/walk-catalog.png', fullPage: true })
  await buyer.goto('/catalog?q=AUR-IMP-007')
  await expect(buyer.getByTestId('product-card')).toContainText('22,50')
  await buyer.goto('/cart')
  await buyer.getByLabel('Linhas do pedido rápido').fill('AUR-CP2-50 10\nAUR-IMP-021 5')
  await buyer.getByRole('button', { name: 'Adicionar ao carrinho' }).click()
  const cartLine = (sku: string) => buyer.locator(`[data-testid="cart-line"][data-sku="${sku}"]`)
  await expect(cartLine('AUR-CP2-50').getByRole('cell').nth(1)).toContainText('31,90')
  await expect(cartLine('AUR-IMP-021').getByRole('cell').nth(1)).toContainText('18,40')
  await expectLoaded(cartLine('AUR-CP2-50').getByAltText('Cimento CP-II Aurora 50 kg'))
  await buyer.getByLabel('Boleto faturado 21/42 dias').check()
  await buyer.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(buyer).toHaveURL(/\/orders\/\d+\?placed=1/)
  await expect(buyer.getByText('Boleto 21/42 dias')).toBeVisible()
  // 10 × 31,90 + 5 × 18,40, at the price list's prices.
  await expect(buyer.getByRole('main')).toContainText('411,00')
  await buyer.screenshot({ path: 'test-results/walk-order.png', fullPage: true })
  await buyer.context().close()
  await manager.context().close()
})
