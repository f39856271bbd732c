import crypto from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectFieldError, recordPosts } from './forms-helpers'
import { login } from './helpers'

const newEmail = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString('hex')}@e2e.test`

function addForm(page: Page) {
  return page.getByRole('form', { name: 'Adicionar comprador' })
}

function row(page: Page, email: string) {
  return page.getByTestId('buyer-row').filter({ hasText: email })
}

async function addBuyer(page: Page, name: string, email: string, admin = false) {
  const form = addForm(page)
  await form.getByLabel('Nome do comprador').fill(name)
  await form.getByLabel('E-mail do comprador').fill(email)
  if (admin) await form.getByLabel('Administrador da conta (gerencia os compradores)').check()
  await form.getByRole('button', { name: 'Adicionar comprador' }).click()
}

test("a manager adds a buyer on the account's page; the buyer chooses a password from the email and sees the account's catalog", async ({
  page,
  browser,
  world,
}) => {
  const owner = await world.buyer({ twinOf: 'acc_00001' })
  await world.loginAs(page, await world.manager())
  await page.goto(`/admin/accounts/${owner.accountId}`)
  await expect(page.getByTestId('buyers-count')).toHaveText('1 comprador ativo')
  await expect(row(page, owner.email)).toContainText('administrador da conta')

  const email = newEmail('Nova.Compradora')
  await addBuyer(page, 'Nova Compradora', email)
  const lower = email.toLowerCase()
  await expect(page.getByTestId('buyer-added')).toContainText(lower)
  await expect(page.getByTestId('buyers-count')).toHaveText('2 compradores ativos')
  await expect(row(page, lower)).toContainText('ainda não criou a senha')
  // The form is empty again for the next one.
  await expect(addForm(page).getByLabel('E-mail do comprador')).toHaveValue('')

  // World buyers have chosen their password: only the new one can be invited again.
  await expect(
    row(page, owner.email).getByRole('button', { name: 'Reenviar convite' }),
  ).toHaveCount(0)
  await row(page, lower).getByRole('button', { name: 'Reenviar convite' }).click()
  await expect(row(page, lower).getByTestId('buyer-row-message')).toHaveText('Convite reenviado.')

  // The only admin cannot go while a colleague remains.
  await row(page, owner.email).getByRole('button', { name: 'Remover' }).click()
  await expect(row(page, owner.email).getByTestId('buyer-row-message')).toHaveText(
    'A conta precisa de um administrador: torne outro comprador administrador antes.',
  )
  await expect(page.getByTestId('buyers-count')).toHaveText('2 compradores ativos')

  // Two emails went out; the newest one's link is the one that works.
  const mailbox = await world.pageAs(browser, await world.admin())
  await expect(async () => {
    await mailbox.goto(`/dev/mailbox?to=${encodeURIComponent(lower)}`)
    await expect(mailbox.getByTestId('mail-row')).toHaveCount(2, { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  await mailbox.context().close()
  const subject = `Seu acesso ao portal de pedidos — ${owner.tradeName}`
  const mail = await world.latestMail(browser, lower, subject)
  const link = /(http:\/\/\S+\/auth\/reset-password\?token=[\w-]+&welcome=1)/.exec(mail.text)![1]!

  const buyerPage = await browser.newPage()
  await buyerPage.goto(link)
  await expect(buyerPage.getByRole('heading', { name: 'Crie sua senha' })).toBeVisible()
  await buyerPage.getByLabel('Nova senha', { exact: true }).fill('senha-da-nova-1')
  await buyerPage.getByLabel('Repita a nova senha').fill('senha-da-nova-1')
  await buyerPage.getByRole('button', { name: 'Salvar senha' }).click()
  await expect(buyerPage.getByText('Senha alterada. Entre com a nova senha.')).toBeVisible()
  await login(buyerPage, email, 'senha-da-nova-1')
  await expect(buyerPage).toHaveURL(/\/catalog/)
  await expect(buyerPage.getByRole('banner')).toContainText(`Nova Compradora · ${owner.tradeName}`)
  await expect(buyerPage.getByTestId('product-card').first()).toBeVisible()
  // Not the account's admin: no buyers page for her.
  await expect(buyerPage.getByRole('link', { name: 'Compradores' })).toHaveCount(0)
  await buyerPage.context().close()

  await page.reload()
  await expect(row(page, lower)).not.toContainText('ainda não criou a senha')
  await expect(row(page, lower)).not.toContainText('Último acesso: nunca')
})

test('an account admin adds and removes a colleague from the storefront; the removed colleague is out at once', async ({
  page,
  browser,
  world,
}) => {
  const admin = await world.buyer()
  const colleague = await world.buyer({ accountId: admin.accountId, name: 'Colega Saindo' })
  const colleaguePage = await world.pageAs(browser, colleague)
  await colleaguePage.goto('/catalog')
  await expect(colleaguePage).toHaveURL(/\/catalog/)

  await world.loginAs(page, admin)
  await page.goto('/catalog')
  await page.getByRole('link', { name: 'Compradores' }).click()
  await expect(page.getByRole('heading', { name: 'Compradores' })).toBeVisible()
  await expect(
    page.getByText(`Quem pode comprar pelo portal em nome de ${admin.tradeName}.`),
  ).toBeVisible()
  // Their own row: no way to remove themselves.
  await expect(row(page, admin.email)).toContainText('(você)')
  await expect(row(page, admin.email).getByRole('button', { name: 'Remover' })).toHaveCount(0)

  const email = newEmail('colega-nova')
  await addBuyer(page, 'Colega Nova', email)
  await expect(page.getByTestId('buyer-added')).toContainText(email)
  await expect(row(page, email)).toContainText('Colega Nova')
  await expect(page.getByTestId('buyers-count')).toHaveText('3 compradores ativos')
  await world.latestMail(browser, email, `Seu acesso ao portal de pedidos — ${admin.tradeName}`)

  await row(page, colleague.email).getByRole('button', { name: 'Remover' }).click()
  await expect(row(page, colleague.email).getByTestId('buyer-row-message')).toHaveText(
    'Comprador removido. As sessões dele foram encerradas.',
  )
  await expect(row(page, colleague.email)).toContainText('removido')
  await expect(page.getByTestId('buyers-count')).toHaveText('2 compradores ativos')

  // The colleague's open session no longer works, and their password no longer logs in.
  await colleaguePage.goto('/catalog')
  await expect(colleaguePage).toHaveURL(/\/auth\/login/)
  await colleaguePage.getByLabel('E-mail').fill(colleague.email)
  await colleaguePage.getByLabel('Senha').fill(colleague.password)
  await colleaguePage.getByRole('button', { name: 'Entrar' }).click()
  await expect(colleaguePage.getByText('E-mail ou senha incorretos.')).toBeVisible()
  await colleaguePage.context().close()
})

test('bad input on the buyers form shows errors beside the fields and writes nothing', async ({
  page,
  world,
}) => {
  const admin = await world.buyer()
  const other = await world.buyer()
  await world.loginAs(page, admin)
  await page.goto('/account/buyers')
  const form = addForm(page)

  // Checked in the browser: nothing is sent.
  const posts = recordPosts(page)
  await form.getByLabel('Nome do comprador').fill('x')
  await form.getByLabel('E-mail do comprador').fill('não-é-email')
  await form.getByRole('button', { name: 'Adicionar comprador' }).click()
  await expectFieldError(form.getByLabel('Nome do comprador'), 'Use pelo menos 2 caracteres.')
  await expectFieldError(form.getByLabel('E-mail do comprador'), 'Informe um e-mail válido.')
  expect(posts).toEqual([])

  // Checked by the server: another account's buyer's email, in other letters.
  await form.getByLabel('Nome do comprador').fill('Intrusa')
  await form.getByLabel('E-mail do comprador').fill(other.email.toUpperCase())
  await form.getByRole('button', { name: 'Adicionar comprador' }).click()
  await expectFieldError(
    form.getByLabel('E-mail do comprador'),
    'Este e-mail já é usado por outro usuário do portal. Use outro e-mail.',
  )
  await expect(form.getByLabel('Nome do comprador')).toHaveValue('Intrusa')
  await expect(page.getByTestId('buyers-count')).toHaveText('1 comprador ativo')
  await page.reload()
  await expect(page.getByTestId('buyer-row')).toHaveCount(1)
})

test('a buyer who is not the account admin, a rep and a manager get 403 on the buyers page and its actions', async ({
  page,
  world,
}) => {
  const admin = await world.buyer()
  const plain = await world.buyer({ accountId: admin.accountId })
  for (const user of [plain, await world.rep(), await world.manager()]) {
    await page.context().clearCookies()
    await world.loginAs(page, user)
    await page.goto('/')
    const origin = new URL(page.url()).origin
    expect((await page.request.get('/account/buyers')).status()).toBe(403)
    const forms: Record<string, string>[] = [
      { intent: 'buyer-add', name: 'Invasora', email: newEmail('invasora') },
      { intent: 'buyer-remove', userId: admin.id },
    ]
    for (const form of forms) {
      const response = await page.request.post('/account/buyers', {
        headers: { Origin: origin },
        form,
      })
      expect(response.status()).toBe(403)
    }
  }
  // No link to it in the plain buyer's storefront.
  await page.context().clearCookies()
  await world.loginAs(page, plain)
  await page.goto('/catalog')
  await expect(page.getByRole('link', { name: 'Catálogo' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Compradores' })).toHaveCount(0)

  // Nor may a buyer or a rep use the back office's buyer actions.
  for (const user of [admin, await world.rep()]) {
    await page.context().clearCookies()
    await world.loginAs(page, user)
    await page.goto('/')
    const response = await page.request.post(`/admin/accounts/${admin.accountId}`, {
      headers: { Origin: new URL(page.url()).origin },
      form: { intent: 'buyer-remove', userId: plain.id },
    })
    expect(response.status()).toBe(403)
  }
  // Nothing changed: both are still there.
  await page.context().clearCookies()
  await world.loginAs(page, admin)
  await page.goto('/account/buyers')
  await expect(page.getByTestId('buyers-count')).toHaveText('2 compradores ativos')
})
