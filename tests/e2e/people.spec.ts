import { type Browser, type Page } from '@playwright/test'
import { expect, test, type World } from './fixtures'
import { expectFieldError, recordPosts, snapshot } from './forms-helpers'
import { DEMO_COMPANY } from '../../prisma/seed-data'
import { createStaffUser, login } from './helpers'

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })
const SUBJECT = `Crie sua senha no portal ${DEMO_COMPANY}`

function slug() {
  return Math.random().toString(36).slice(2, 8)
}

/** Follows the set-password link of the newest email to `email` in a new browser, then logs in. */
async function setPasswordAndLogIn(browser: Browser, world: World, email: string) {
  const mail = await world.latestMail(browser, email, SUBJECT)
  expect(mail.text).toContain('O link vale por 7 dias')
  const link = /(http:\/\/\S+\/auth\/reset-password\?token=[\w-]+)/.exec(mail.text)![1]!
  const page = await (await browser.newContext()).newPage()
  await page.goto(link)
  await page.getByLabel('Nova senha', { exact: true }).fill('senha-nova-da-equipe')
  await page.getByLabel('Repita a nova senha').fill('senha-nova-da-equipe')
  await page.getByRole('button', { name: 'Salvar senha' }).click()
  await expect(page).toHaveURL(/\/auth\/login\?reset=1/)
  await login(page, email, 'senha-nova-da-equipe')
  return page
}

test('an admin creates a manager and a rep, who set their passwords from the emailed link and log in', async ({
  page,
  browser,
  world,
}) => {
  await world.loginAs(page, await world.admin())
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Pessoas' }).click()
  await expect(page.getByRole('heading', { name: 'Pessoas' })).toBeVisible()

  const tag = slug()
  const manager = {
    name: `Gestora ${tag}`,
    email: `Gestora-${tag}@E2E.test`,
    role: 'Gestor comercial',
  }
  const repCode = `E2E${tag}`.toUpperCase()
  const rep = {
    name: `Rep ${tag}`,
    email: `rep-nova-${tag}@e2e.test`,
    role: 'Representante',
    repCode,
  }
  await createStaffUser(page, manager)
  await createStaffUser(page, rep)
  await expect(page.getByText(`Representante · ${repCode}`)).toBeVisible()

  // Both are on the list, found by name or code, waiting for their passwords.
  await page.goto(`/admin/users?q=${tag}`)
  await expect(page.getByTestId('user-row')).toHaveCount(2)
  await expect(page.getByTestId('users-total')).toHaveText('2 usuários')
  await expect(page.getByTestId('user-row').filter({ hasText: repCode })).toContainText(
    'Senha ainda não criada',
  )
  await snapshot(page, 'people-list')

  const managerPage = await setPasswordAndLogIn(browser, world, manager.email.toLowerCase())
  await expect(managerPage).toHaveURL(/\/admin$/)
  // A manager works in the back office but does not manage people.
  await expect(managerPage.getByRole('link', { name: 'Clientes' })).toBeVisible()
  await expect(managerPage.getByRole('link', { name: 'Pessoas' })).toHaveCount(0)
  await managerPage.context().close()

  const repPage = await setPasswordAndLogIn(browser, world, rep.email)
  await expect(repPage).toHaveURL(/\/rep$/)
  await repPage.context().close()
})

test('a manager deactivated while their page is open is logged out on their next step, and cannot log back in', async ({
  page,
  browser,
  world,
}) => {
  const manager = await world.manager()
  const managerPage = await world.pageAs(browser, manager)
  await managerPage.goto('/admin/accounts')
  await expect(managerPage.getByRole('heading', { name: 'Clientes' })).toBeVisible()

  await world.loginAs(page, await world.admin())
  await page.goto(`/admin/users/${manager.id}`)
  await page.getByRole('button', { name: 'Desativar acesso' }).click()
  await expect(
    page.getByText('Acesso desativado. As sessões abertas foram encerradas.'),
  ).toBeVisible()
  await expect(page.getByTestId('user-status')).toHaveText('Inativo')
  await snapshot(page, 'people-deactivated')

  // The open page's next navigation (a client-side one) finds no session.
  await managerPage.getByRole('link', { name: 'Campanhas' }).click()
  await expect(managerPage).toHaveURL(/\/auth\/login\?redirectTo=%2Fadmin%2Fcampaigns/)
  await managerPage.getByLabel('E-mail').fill(manager.email)
  await managerPage.getByLabel('Senha').fill(manager.password)
  await managerPage.getByRole('button', { name: 'Entrar' }).click()
  await expect(managerPage.getByText('E-mail ou senha incorretos.')).toBeVisible()

  // Reactivated, they may log in again.
  await page.getByRole('button', { name: 'Reativar acesso' }).click()
  await expect(page.getByTestId('user-status')).toHaveText('Ativo')
  await login(managerPage, manager.email, manager.password)
  await expect(managerPage).toHaveURL(/\/admin/)
  await managerPage.context().close()
})

test('a buyer, a rep and a manager get 403 on /admin/users and on its actions', async ({
  browser,
  world,
  baseURL,
}) => {
  const target = await world.manager()
  const headers = { Origin: new URL(baseURL!).origin }
  for (const user of [await world.buyer(), await world.rep(), await world.manager()]) {
    const page = await world.pageAs(browser, user)
    for (const url of ['/admin/users', '/admin/users/new', `/admin/users/${target.id}`]) {
      const response = await page.request.get(url, { maxRedirects: 0 })
      expect([url, response.status()]).toEqual([url, 403])
    }
    const posts: [string, Record<string, string>][] = [
      [
        '/admin/users/new',
        { intent: 'save', name: 'Intrusa', email: `intrusa-${slug()}@e2e.test`, role: 'ADMIN' },
      ],
      [`/admin/users/${target.id}`, { intent: 'deactivate' }],
      [`/admin/users/${target.id}`, { intent: 'resend' }],
      [
        `/admin/users/${target.id}`,
        { intent: 'save', name: 'Trocado', email: target.email, role: 'ADMIN' },
      ],
    ]
    for (const [url, form] of posts) {
      const response = await page.request.post(url, { headers, form, maxRedirects: 0 })
      expect([url, form.intent, response.status()]).toEqual([url, form.intent, 403])
    }
    await page.context().close()
  }
  // Nothing changed: the target is still an active manager under their own name.
  const admin = await world.pageAs(browser, await world.admin())
  await admin.goto(`/admin/users/${target.id}`)
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(target.name)
  await expect(admin.getByTestId('user-status')).toHaveText('Ativo')
  await expect(field(admin, 'Perfil')).toHaveValue('MANAGER')
  await admin.context().close()
})

test('bad input on the people form shows errors beside the fields and writes nothing', async ({
  page,
  world,
  baseURL,
}) => {
  const taken = await world.manager()
  const rep = await world.rep()
  await world.loginAs(page, await world.admin())
  await page.goto('/admin/users/new')
  const posts = recordPosts(page)

  // What the browser knows: refused before sending.
  await field(page, 'E-mail').fill('não é e-mail')
  await field(page, 'Perfil').selectOption({ label: 'Representante' })
  await page.getByRole('button', { name: 'Criar e enviar link de senha' }).click()
  await expect(page.getByRole('alert')).toHaveText('Confira os campos destacados.')
  await expectFieldError(field(page, 'Nome'), 'Campo obrigatório.')
  await expectFieldError(field(page, 'E-mail'), 'Informe um e-mail válido.')
  await expectFieldError(
    field(page, 'Código do representante'),
    'Informe o código do representante.',
  )
  expect(posts).toEqual([])

  // What only the server knows: an email taken (in other capitals), a rep code taken.
  const tag = slug()
  await field(page, 'Nome').fill(`Pessoa ${tag}`)
  await field(page, 'E-mail').fill(taken.email.toUpperCase())
  await field(page, 'Código do representante').fill(rep.repCode.toLowerCase())
  await page.getByRole('button', { name: 'Criar e enviar link de senha' }).click()
  await expectFieldError(field(page, 'E-mail'), 'Já existe um usuário com este e-mail.')
  await expectFieldError(
    field(page, 'Código do representante'),
    `O código ${rep.repCode} já é de ${rep.name}. Use outro código.`,
  )
  await snapshot(page, 'people-refused')
  // What was typed stays.
  await expect(field(page, 'Nome')).toHaveValue(`Pessoa ${tag}`)
  await expect(field(page, 'Perfil')).toHaveValue('REP')

  // The server refuses what a browser without these checks would send, too.
  const response = await page.request.post('/admin/users/new', {
    headers: { Origin: new URL(baseURL!).origin },
    form: { intent: 'save', name: ' ', email: 'x@', role: 'MANAGER' },
    maxRedirects: 0,
  })
  expect(response.status()).toBe(400)

  // Nothing was written.
  await page.goto(`/admin/users?q=${tag}`)
  await expect(page.getByText('Nenhum usuário com esses filtros.')).toBeVisible()
})
