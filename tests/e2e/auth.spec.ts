import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectFieldError } from './forms-helpers'
import { DEMO_COMPANY } from '../../prisma/seed-data'
import { login } from './helpers'

test('a forgotten password is reset through the emailed link, which then stops working', async ({
  page,
  browser,
  world,
}) => {
  const { email } = await world.buyer()
  await page.goto('/auth/login')
  await page.getByRole('link', { name: 'Esqueci minha senha' }).click()
  // Until the navigation lands, "E-mail" is still the login form's field.
  await expect(page.getByRole('heading', { name: 'Recuperar senha' })).toBeVisible()
  await page.getByLabel('E-mail').fill(email)
  await page.getByRole('button', { name: 'Enviar link' }).click()
  await expect(page.getByText(/Se houver uma conta com esse e-mail/)).toBeVisible()

  // Sent in the demo company's name.
  const subject = `Crie uma nova senha no ${DEMO_COMPANY}`
  const mail = await world.latestMail(browser, email, subject)
  expect(mail.subject).toBe(subject)
  const link = /(http:\/\/\S+\/auth\/reset-password\?token=[\w-]+)/.exec(mail.text)![1]!

  await page.goto(link)
  await page.getByLabel('Nova senha', { exact: true }).fill('curta')
  await page.getByLabel('Repita a nova senha').fill('curta')
  await page.getByRole('button', { name: 'Salvar senha' }).click()
  await expectFieldError(
    page.getByLabel('Nova senha', { exact: true }),
    'A senha precisa ter pelo menos 8 caracteres.',
  )

  await page.getByLabel('Nova senha', { exact: true }).fill('nova-senha-forte')
  await page.getByLabel('Repita a nova senha').fill('nova-senha-forte')
  await page.getByRole('button', { name: 'Salvar senha' }).click()
  await expect(page.getByText('Senha alterada. Entre com a nova senha.')).toBeVisible()

  await login(page, email, 'nova-senha-forte')
  await expect(page).toHaveURL(/\/catalog/)

  await page.goto(link)
  await expect(page.getByText('Este link já foi usado.', { exact: false })).toBeVisible()
})

test('a wrong password gets a clear message', async ({ page, world }) => {
  const { email } = await world.buyer()
  await page.goto('/auth/login')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Senha').fill('senha-errada')
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page.getByRole('alert')).toHaveText('E-mail ou senha incorretos.')
})

test('an anonymous visitor is sent to log in and comes back to the page asked for', async ({
  page,
  world,
}) => {
  const buyer = await world.buyer()
  await page.goto('/orders')
  await expect(page).toHaveURL(/\/auth\/login\?redirectTo=%2Forders/)
  await page.getByLabel('E-mail').fill(buyer.email)
  await page.getByLabel('Senha').fill(buyer.password)
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page).toHaveURL(/\/orders$/)
})

for (const hostile of ['/\t/evil.example', '/\t\\evil.example']) {
  test(`logging in with redirectTo=${JSON.stringify(hostile)} lands on the app, not another site`, async ({
    page,
    world,
    baseURL,
  }) => {
    const buyer = await world.buyer()
    await page.goto(`/auth/login?${new URLSearchParams({ redirectTo: hostile })}`)
    await page.getByLabel('E-mail').fill(buyer.email)
    await page.getByLabel('Senha').fill(buyer.password)
    await page.getByRole('button', { name: 'Entrar' }).click()
    await expect(page).toHaveURL(`${baseURL}/catalog`)
    await expect(page.getByRole('heading', { name: 'Catálogo', level: 1 })).toBeVisible()
  })
}

test('a hostile redirectTo never becomes a Location: a line feed or U+3000 goes home, not to a 500', async ({
  request,
  baseURL,
  world,
}) => {
  const buyer = await world.buyer()
  for (const redirectTo of ['/\n/evil.example', '/orders\r\nSet-Cookie: x=1', '/\u3000/evil']) {
    const login = await request.post('/auth/login', {
      headers: { Origin: baseURL! },
      form: { email: buyer.email, password: buyer.password, redirectTo },
      maxRedirects: 0,
    })
    expect(login.status(), redirectTo).toBe(302)
    expect(login.headers()['location']).toBe('/catalog')
    const locale = await request.post('/resources/locale', {
      headers: { Origin: baseURL! },
      form: { locale: 'pt-BR', redirectTo },
      maxRedirects: 0,
    })
    expect(locale.status(), redirectTo).toBe(302)
    expect(locale.headers()['location']).toBe('/')
  }
})

test('the language can be switched to English and back', async ({ page, world }) => {
  await world.loginAs(page, await world.buyer())
  await page.goto('/catalog')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { name: 'Catalog', level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: 'My orders' })).toBeVisible()
  await expect(page).toHaveTitle(/^Catalog · /)
  await page.getByRole('link', { name: 'My orders' }).click()
  await expect(page).toHaveTitle(/^My orders · /)
  await page.getByRole('button', { name: 'Português' }).click()
  await expect(page.getByRole('heading', { name: 'Meus pedidos', level: 1 })).toBeVisible()
  await expect(page).toHaveTitle(/^Meus pedidos · /)
})

test('a cross-site form post is refused', async ({ request, world }) => {
  const buyer = await world.buyer()
  const response = await request.post('/auth/login', {
    headers: { Origin: 'https://evil.example' },
    form: { email: buyer.email, password: buyer.password },
  })
  expect(response.status()).toBe(403)
})

test('pages carry the security headers and the session cookie is httpOnly and SameSite=Lax', async ({
  page,
  context,
  world,
}) => {
  const buyer = await world.buyer()
  const response = await page.goto('/auth/login')
  const headers = response!.headers()
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/)
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  // Through the form: the cookie under test is the one the login action sets.
  await login(page, buyer.email, buyer.password)
  const session = (await context.cookies()).find((cookie) => cookie.name === 'reativa_session')
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' })
})

test('a buyer cannot read the dev mailbox', async ({ page, world }) => {
  await world.loginAs(page, await world.buyer())
  const response = await page.goto('/dev/mailbox')
  expect(response?.status()).toBe(403)
})

test("a staff member's deep link survives the login; a page outside a rep's area says access denied and links to the rep's home", async ({
  page,
  world,
}) => {
  const manager = await world.manager()
  await page.goto('/admin/campaigns/new')
  await expect(page).toHaveURL(/\/auth\/login\?redirectTo=%2Fadmin%2Fcampaigns%2Fnew/)
  await page.getByLabel('E-mail').fill(manager.email)
  await page.getByLabel('Senha').fill(manager.password)
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page).toHaveURL(/\/admin\/campaigns\/new$/)
  await page.context().clearCookies()

  const rep = await world.rep()
  await world.loginAs(page, rep)
  const response = await page.goto('/admin/accounts')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: 'Acesso negado', level: 1 })).toBeVisible()
  await expect(page).toHaveTitle(/^Acesso negado · /)
  await page.getByRole('link', { name: 'Ir para a sua página inicial' }).click()
  await expect(page).toHaveURL(/\/rep$/)
})

type SentMessages = { locale: string; scope: string; messages: Record<string, string> }

/**
 * The messages a page carries for its browser (components/messages.tsx). Read once the document
 * has them whole: a page still streaming in (just after a reload) may show its heading before
 * the script at its end is complete.
 */
async function sentMessages(page: Page): Promise<SentMessages> {
  let sent: SentMessages | null = null
  await expect
    .poll(
      async () => {
        const text = await page.locator('#reativa-messages').textContent()
        try {
          sent = JSON.parse(text ?? '') as SentMessages
        } catch {
          sent = null
        }
        return sent !== null
      },
      { message: 'the page carries its messages as JSON' },
    )
    .toBe(true)
  return sent!
}

test("a buyer's browser gets the storefront's messages in its language, never the back office's; staff get them all", async ({
  page,
  world,
}) => {
  const scripts = new Set<string>()
  const collect = (response: { url(): string }) => {
    if (response.url().includes('/build/') && response.url().endsWith('.js'))
      scripts.add(response.url())
  }
  page.on('response', collect)
  await world.loginAs(page, await world.buyer())
  await page.goto('/catalog', { waitUntil: 'networkidle' })
  page.off('response', collect)
  await expect(page.getByRole('heading', { name: 'Catálogo', level: 1 })).toBeVisible()
  expect(scripts.size).toBeGreaterThan(5)
  const sent = await sentMessages(page)
  expect(sent).toMatchObject({ locale: 'pt-BR', scope: 'public' })
  expect(sent.messages['product.add']).toBe('Adicionar ao carrinho')
  expect(sent.messages).not.toHaveProperty('dashboard.title')
  // No dictionary travels as JavaScript.
  for (const url of scripts) {
    const text = await (await page.request.get(url)).text()
    expect(text).not.toContain('Painel de reativação')
    expect(text).not.toContain('Adicionar ao carrinho')
  }

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { name: 'Catalog', level: 1 })).toBeVisible()
  await expect.poll(async () => (await sentMessages(page)).locale).toBe('en')
  expect(await sentMessages(page)).toMatchObject({ locale: 'en', scope: 'public' })
  // A message the browser writes after a click, in the new language.
  await page.getByRole('button', { name: 'Add to cart' }).first().click()
  await expect(page.getByText(/ in your cart\.$/).first()).toBeVisible()
  await page.getByRole('button', { name: 'Português' }).click()
  await page.context().clearCookies()

  // Signing in as staff from a visitor's page loads the back office with all its messages.
  const manager = await world.manager()
  await page.goto('/auth/login')
  expect((await sentMessages(page)).scope).toBe('public')
  await page.getByLabel('E-mail').fill(manager.email)
  await page.getByLabel('Senha').fill(manager.password)
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page.getByRole('heading', { name: 'Painel de reativação', level: 1 })).toBeVisible()
  const staff = await sentMessages(page)
  expect(staff).toMatchObject({ locale: 'pt-BR', scope: 'all' })
  expect(staff.messages['dashboard.title']).toBe('Painel de reativação')
})
