import { expect, test } from './fixtures'
import { orderIds, quickOrder } from './helpers'
import { expectNo500s, HOSTILE_TAG } from './hostile'

test(
  'a visitor: hostile values in every URL parameter and form field never get a 500',
  HOSTILE_TAG,
  async ({ page, world }) => {
    test.setTimeout(5 * 60_000)
    const buyer = await world.buyer()
    const invitation = await world.call('invitation')
    const reset = await world.call('passwordResetLink', { userId: buyer.id })
    await expectNo500s(page, [
      '/auth/login',
      '/auth/forgot-password',
      '/auth/request-access',
      reset.path,
      '/unsubscribe',
      invitation.path,
      '/invite/x',
    ])
  },
)

test(
  'a buyer: hostile values in every URL parameter and form field never get a 500',
  HOSTILE_TAG,
  async ({ page, world }) => {
    test.setTimeout(5 * 60_000)
    // A twin of a demo account: it has ERP orders; its cart gets one line. The buyer is the
    // account's admin, with a colleague, so the buyers page shows every form it has.
    const buyer = await world.buyer({ twinOf: 'acc_00001' })
    await world.buyer({ accountId: buyer.accountId })
    await world.loginAs(page, buyer)
    const [orderId] = await orderIds(page)
    await quickOrder(page, 'CIM-0001 10')
    await expectNo500s(page, [
      '/catalog',
      '/cart',
      '/orders',
      `/orders/${orderId}`,
      '/products/CIM-0001',
      '/account/buyers',
    ])
  },
)

test(
  'a rep: hostile values in every URL parameter and form field never get a 500',
  HOSTILE_TAG,
  async ({ page, world }) => {
    const rep = await world.rep()
    const shop = await world.buyer({ repId: rep.repId, status: 'INACTIVE' })
    // In the rep's call queue, so its contact form is probed too.
    await world.call('callBackDue', { accountId: shop.accountId })
    await world.loginAs(page, rep)
    await expectNo500s(page, ['/rep', '/rep/accounts', '/rep/calls', '/rep/statement.csv'])
  },
)

test(
  'an admin: hostile values on the people pages never get a 500',
  HOSTILE_TAG,
  async ({ page, world }) => {
    test.setTimeout(5 * 60_000)
    // The forms of a user's page act on that user: a manager of the test's own.
    const manager = await world.manager()
    await world.loginAs(page, await world.admin())
    await expectNo500s(page, ['/admin/users', '/admin/users/new', `/admin/users/${manager.id}`])
    expect(page.url()).not.toContain('/auth/login')
  },
)

test(
  'a manager: hostile values on the catalog pages never get a 500',
  HOSTILE_TAG,
  async ({ page, world }) => {
    test.setTimeout(5 * 60_000)
    // The product page's forms act on a product of the test's own. (The families page is left
    // out: its forms act on the first families listed, the demo's, which other tests read.)
    const product = await world.call('catalogProduct')
    await world.loginAs(page, await world.manager())
    await expectNo500s(page, [
      '/admin/catalog',
      '/admin/catalog/new',
      `/admin/catalog/${product.id}`,
    ])
    expect(page.url()).not.toContain('/auth/login')
  },
)

test(
  'a manager: hostile values on the new-account page never get a 500',
  HOSTILE_TAG,
  async ({ page, world }) => {
    test.setTimeout(5 * 60_000)
    // No hostile value is a valid CNPJ, so no account is created.
    await world.loginAs(page, await world.manager())
    await expectNo500s(page, ['/admin/accounts/new'])
    expect(page.url()).not.toContain('/auth/login')
  },
)

test(
  'a manager: hostile values on the price-list and payment-term pages never get a 500',
  HOSTILE_TAG,
  async ({ page, world }) => {
    test.setTimeout(5 * 60_000)
    await world.loginAs(page, await world.manager())
    // A list of the test's own, with one price, so its page shows every form it has.
    await page.goto('/admin/price-lists')
    await page.getByLabel('Código').fill(`HOSTIL-${Date.now()}`)
    await page.getByLabel('Nome').fill('Hostil')
    await page.getByRole('button', { name: 'Criar tabela' }).click()
    await expect(page).toHaveURL(/created=1/)
    const listPath = new URL(page.url()).pathname
    const setForm = page
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Salvar preço' }) })
    await setForm.getByLabel('SKU').fill('CIM-0001')
    await setForm.getByLabel('Preço (R$)').fill('12,34')
    await page.getByRole('button', { name: 'Salvar preço' }).click()
    await expect(page.getByTestId('price-item-row')).toHaveCount(1)
    await expectNo500s(page, ['/admin/price-lists', listPath, '/admin/payment-terms'])
    expect(page.url()).not.toContain('/auth/login')
  },
)

test('a same-site post through a proxy that rewrote Host is answered, not a 500', async ({
  request,
  baseURL,
}) => {
  const response = await request.post('/auth/login', {
    headers: { Origin: new URL(baseURL!).origin, Host: 'internal.example:3000' },
    form: { email: 'ninguem@e2e.test', password: 'senha-errada-1' },
    maxRedirects: 0,
  })
  expect(response.status()).toBe(400)
  await expect(response.text()).resolves.toContain('E-mail ou senha incorretos.')
})
