import { spawn, type ChildProcess } from 'node:child_process'
import { expect, test, type Page } from '@playwright/test'
import { World } from './fixtures'
import { expectNo500s } from './hostile'

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
