import crypto from 'node:crypto'
import { type Browser, type Page } from '@playwright/test'
import { cnpjFromBase, formatCnpj } from '../../app/domain/accounts/cnpj'
import { expect, test } from './fixtures'

const NEUTRAL =
  'Pedido recebido. Se o e-mail estiver no cadastro da loja, você receberá em instantes um link para criar sua senha; se não, nossa equipe vai analisar o pedido e, aprovado, enviaremos o link para este e-mail.'

const newEmail = (prefix: string) => `${prefix}-${crypto.randomBytes(5).toString('hex')}@e2e.test`
/** A valid CNPJ no account has (world accounts' bases start at 10^11). */
const unknownCnpj = () =>
  cnpjFromBase(String(crypto.randomInt(10 ** 10, 10 ** 11 - 1)).padStart(12, '0'))

/** Fills "Solicitar acesso" as a shop would, from the login page, and sends it. */
async function requestAccess(page: Page, data: { cnpj: string; name: string; email: string }) {
  await page.goto('/auth/login')
  await page.getByRole('link', { name: 'Ainda não tem acesso? Solicitar acesso' }).click()
  await expect(page.getByRole('heading', { name: 'Solicitar acesso' })).toBeVisible()
  await page.getByLabel('CNPJ da loja').fill(data.cnpj)
  await page.getByLabel('Seu nome').fill(data.name)
  await page.getByLabel('Seu e-mail').fill(data.email)
  await page.getByRole('button', { name: 'Solicitar acesso' }).click()
  await expect(page.getByTestId('access-sent')).toBeVisible()
  return (await page.locator('main').innerText()).trim()
}

async function anonymousPage(browser: Browser) {
  return (await browser.newContext()).newPage()
}

test('a shop whose email is on its record asks for access, sets its password from the emailed link and lands in the catalog', async ({
  browser,
  world,
}) => {
  const shop = await world.buyer()
  const page = await anonymousPage(browser)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/auth/login')
  await page.screenshot({ path: test.info().outputPath('login-390.png') })
  await page.goto('/auth/request-access')
  // Wrong check digits and a half-typed email are refused beside their fields; nothing is sent.
  await page.getByLabel('CNPJ da loja').fill('12.345.678/0001-00')
  await page.getByLabel('Seu nome').fill('Rita da Loja')
  await page.getByLabel('Seu e-mail').fill('rita@')
  await page.getByRole('button', { name: 'Solicitar acesso' }).click()
  await expect(page.getByText('Informe um CNPJ válido, com 14 dígitos')).toBeVisible()
  await expect(page.getByText('Informe um e-mail válido.')).toBeVisible()
  await expect(page.getByTestId('access-sent')).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('request-access-errors-390.png') })

  // The account's own email, typed in capitals and the CNPJ with its punctuation.
  const answer = await requestAccess(page, {
    cnpj: formatCnpj(shop.cnpj),
    name: 'Rita da Loja',
    email: shop.accountEmail.toUpperCase(),
  })
  expect(answer).toContain(NEUTRAL)
  await page.screenshot({ path: test.info().outputPath('request-access-sent-390.png') })
  await page.context().close()

  const subject = `Crie sua senha no portal de pedidos — ${shop.tradeName}`
  const mail = await world.latestMail(browser, shop.accountEmail, subject)
  const link = /(http:\/\/\S+\/auth\/reset-password\?token=[\w-]+&welcome=1&signin=1)/.exec(
    mail.text,
  )![1]!

  const buyer = await anonymousPage(browser)
  await buyer.goto(link)
  await expect(buyer.getByRole('heading', { name: 'Crie sua senha' })).toBeVisible()
  await buyer.getByLabel('Nova senha', { exact: true }).fill('senha-da-rita-1')
  await buyer.getByLabel('Repita a nova senha').fill('senha-da-rita-1')
  await buyer.getByRole('button', { name: 'Salvar senha' }).click()
  await expect(buyer).toHaveURL(/\/catalog/)
  await expect(buyer.getByRole('banner')).toContainText(`Rita da Loja · ${shop.tradeName}`)
  await expect(buyer.getByTestId('product-card').first()).toBeVisible()
  await buyer.context().close()

  // The link worked once.
  const again = await anonymousPage(browser)
  await again.goto(link)
  await expect(again.getByText('Este link já foi usado. Peça um novo se precisar.')).toBeVisible()
  await again.context().close()
})

test('a request the record does not match waits in the back office; the manager approves it and the link arrives', async ({
  browser,
  world,
  managerPage,
  baseURL,
}) => {
  const shop = await world.buyer()
  const email = newEmail('nova')
  const requester = await anonymousPage(browser)
  await requestAccess(requester, { cnpj: shop.cnpj, name: 'Nova Compradora', email })
  // Asking again while it waits adds nothing to the list.
  await requestAccess(requester, { cnpj: shop.cnpj, name: 'Nova Compradora', email })
  await requester.context().close()

  const page = managerPage
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Pedidos de acesso' }).click()
  await expect(page.getByRole('heading', { name: 'Pedidos de acesso' })).toBeVisible()
  const card = page.getByRole('article', { name: email })
  await expect(async () => {
    await page.reload()
    await expect(card).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await expect(card).toContainText('Nova Compradora')
  await expect(card).toContainText(formatCnpj(shop.cnpj))
  await expect(card).toContainText('pediu 2 vezes')
  await expect(card.getByRole('link', { name: shop.tradeName })).toBeVisible()
  await page.screenshot({
    path: test.info().outputPath('access-requests-desktop.png'),
    fullPage: true,
  })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: test.info().outputPath('access-requests-390.png'), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 800 })

  // A CNPJ with no account is refused beside the field, and nothing changes.
  const cnpjField = card.getByLabel('Aprovar no cliente de CNPJ')
  await expect(cnpjField).toHaveValue(formatCnpj(shop.cnpj))
  await cnpjField.fill(formatCnpj(unknownCnpj()))
  await card.getByRole('button', { name: 'Aprovar e enviar link' }).click()
  await expect(card.getByText('Nenhum cliente com este CNPJ. Cadastre o cliente')).toBeVisible()

  await cnpjField.fill(shop.cnpj)
  await card.getByRole('button', { name: 'Aprovar e enviar link' }).click()
  await expect(page.getByTestId('access-request-done')).toHaveText(
    `Pedido aprovado: o link para criar a senha foi enviado a ${email}.`,
  )
  await expect(card).toHaveCount(0)
  await page.getByRole('link', { name: 'Decididos' }).click()
  await expect(card).toContainText('Aprovado por')
  await expect(card).toContainText(shop.tradeName)
  await page.screenshot({
    path: test.info().outputPath('access-requests-decided.png'),
    fullPage: true,
  })

  const mail = await world.latestMail(
    browser,
    email,
    `Crie sua senha no portal de pedidos — ${shop.tradeName}`,
  )
  expect(mail.text).toContain('Olá, Nova Compradora')
  expect(mail.text).toMatch(/\/auth\/reset-password\?token=[\w-]+&welcome=1&signin=1/)

  // The decision is in the audit log.
  await page.goto('/admin/audit')
  await expect(page.getByText('access_request.approve').first()).toBeVisible()

  // Only who manages accounts sees the list or decides: a buyer or a rep gets 403.
  const headers = { Origin: new URL(baseURL!).origin }
  for (const user of [await world.buyer(), await world.rep()]) {
    const other = await world.pageAs(browser, user)
    const list = await other.request.get('/admin/access-requests', { maxRedirects: 0 })
    expect(list.status()).toBe(403)
    const post = await other.request.post('/admin/access-requests', {
      headers,
      form: { intent: 'reject', requestId: 'x' },
      maxRedirects: 0,
    })
    expect(post.status()).toBe(403)
    await other.context().close()
  }
})

test('the answer is the same for an unknown CNPJ, an email not on the record and the account’s own email', async ({
  browser,
  world,
}) => {
  const shop = await world.buyer()
  const answers: string[] = []
  for (const data of [
    { cnpj: formatCnpj(unknownCnpj()), email: newEmail('alguem') },
    { cnpj: shop.cnpj, email: newEmail('estranho') },
    { cnpj: shop.cnpj, email: shop.accountEmail },
  ]) {
    const page = await anonymousPage(browser)
    answers.push(await requestAccess(page, { ...data, name: 'Quem Pede' }))
    await page.context().close()
  }
  expect(answers[0]).toContain(NEUTRAL)
  expect(answers[1]).toBe(answers[0])
  expect(answers[2]).toBe(answers[0])
})
