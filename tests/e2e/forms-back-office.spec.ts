import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectFieldError, expectNoFieldError, recordPosts, snapshot } from './forms-helpers'

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })
const ordersCsv = {
  name: 'pedidos.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from('nome;cidade\nLoja;Campinas\n'),
}
const REFUND_AMOUNT = /^Informe um valor entre R\$ 0,01 e R\$\s250,00\.$/
const PERCENT = 'Informe um percentual de 0 a 100, com até duas casas decimais.'

test('the import upload refuses a missing file in the browser beside it, then uploads', async ({
  page,
  world,
}) => {
  await world.loginAs(page, await world.manager())
  await page.goto('/admin/imports')
  const posts = recordPosts(page)
  await page.getByRole('button', { name: 'Enviar e ver prévia' }).click()
  await expectFieldError(
    field(page, 'Arquivo CSV ou Excel (.xlsx)'),
    'Escolha um arquivo CSV ou .xlsx.',
  )
  await snapshot(page, 'import-refused-in-browser')
  expect(posts).toEqual([])

  await field(page, 'Arquivo CSV ou Excel (.xlsx)').setInputFiles(ordersCsv)
  await expectNoFieldError(field(page, 'Arquivo CSV ou Excel (.xlsx)'))
  await page.getByRole('button', { name: 'Enviar e ver prévia' }).click()
  await expect(page).toHaveURL(/\/admin\/imports\/\w+$/)
  expect(posts).toHaveLength(1)
})

test('the refund form refuses an amount that is not money or more than is left in the browser, then refunds', async ({
  page,
  world,
}) => {
  const buyer = await world.buyer()
  const { orderId } = await world.call('paidStripeOrder', {
    accountId: buyer.accountId,
    totalCents: 25_000,
  })
  await world.loginAs(page, await world.manager())
  await page.goto(`/admin/orders/${orderId}`)
  const amount = page.getByLabel(/Valor a estornar/)
  await expect(amount).toHaveValue('250,00')
  const posts = recordPosts(page)

  await amount.fill('muito')
  await page.getByRole('button', { name: 'Estornar' }).click()
  await expectFieldError(amount, REFUND_AMOUNT)
  await amount.fill('250,01')
  await expectFieldError(amount, REFUND_AMOUNT)
  await snapshot(page, 'refund-refused-in-browser')
  expect(posts).toEqual([])

  await amount.fill('10,00')
  await expectNoFieldError(amount)
  await field(page, 'Motivo (opcional)').fill('Formulários: avaria')
  await page.getByRole('button', { name: 'Estornar' }).click()
  await expect(page.getByText('Estorno feito no Stripe.')).toBeVisible()
  await expect(page.getByTestId('refund-row')).toHaveCount(1)
  await expect(page.getByTestId('refund-row')).toContainText('Formulários: avaria')
  await expect(page.getByTestId('admin-refunded')).toHaveText(/R\$\s10,00/)
})

test("a rep's rates form refuses a bad default and a bad family rate in the browser, each beside its field, then saves", async ({
  page,
  world,
}) => {
  const rep = await world.rep()
  await world.loginAs(page, await world.manager())
  await page.goto(`/admin/commission/${rep.repId}`)
  const familyRate = page.getByRole('group', { name: 'Taxa por família' }).getByRole('textbox')
  const posts = recordPosts(page)

  await field(page, 'Taxa padrão (%)').fill('101')
  await familyRate.first().fill('muito')
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('Confira os campos destacados.')
  await expectFieldError(field(page, 'Taxa padrão (%)'), PERCENT)
  await expectFieldError(familyRate.first(), PERCENT)
  await snapshot(page, 'rates-refused-in-browser')
  expect(posts).toEqual([])

  await field(page, 'Taxa padrão (%)').fill('4,5')
  await familyRate.first().fill('6,25')
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByText('Taxas salvas.')).toBeVisible()
  await page.reload()
  await expect(field(page, 'Taxa padrão (%)')).toHaveValue('4,5')
  await expect(familyRate.first()).toHaveValue('6,25')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the server refuses an upload without a file beside it, keeping the kind chosen, then uploads', async ({
    page,
    world,
  }) => {
    await world.loginAs(page, await world.manager())
    await page.goto('/admin/imports')
    await page.getByRole('radio', { name: /^Clientes/ }).check()
    await page.getByRole('button', { name: 'Enviar e ver prévia' }).click()
    await expect(page).toHaveURL(/\/admin\/imports(\?index)?$/)
    await expectFieldError(
      field(page, 'Arquivo CSV ou Excel (.xlsx)'),
      'Escolha um arquivo CSV ou .xlsx.',
    )
    await snapshot(page, 'import-refused-without-js')
    await expect(page.getByRole('radio', { name: /^Clientes/ })).toBeChecked()

    await field(page, 'Arquivo CSV ou Excel (.xlsx)').setInputFiles(ordersCsv)
    await page.getByRole('button', { name: 'Enviar e ver prévia' }).click()
    await expect(page).toHaveURL(/\/admin\/imports\/\w+$/)
  })

  test('the server refuses a refund amount beside it, keeping what was typed, then refunds', async ({
    page,
    world,
  }) => {
    const buyer = await world.buyer()
    const { orderId } = await world.call('paidStripeOrder', {
      accountId: buyer.accountId,
      totalCents: 25_000,
    })
    await world.loginAs(page, await world.manager())
    await page.goto(`/admin/orders/${orderId}`)
    const amount = page.getByLabel(/Valor a estornar/)
    await amount.fill('300,00')
    await field(page, 'Motivo (opcional)').fill('Sem script')
    await page.getByRole('button', { name: 'Estornar' }).click()
    await expectFieldError(amount, REFUND_AMOUNT)
    await snapshot(page, 'refund-refused-without-js')
    await expect(amount).toHaveValue('300,00')
    await expect(field(page, 'Motivo (opcional)')).toHaveValue('Sem script')
    await expect(page.getByTestId('refund-row')).toHaveCount(0)

    await amount.fill('250,00')
    await page.getByRole('button', { name: 'Estornar' }).click()
    await expect(page.getByText('Estorno feito no Stripe.')).toBeVisible()
    await expect(page.getByTestId('refund-row')).toHaveCount(1)
  })

  test("the server refuses a rep's bad rates beside their fields, keeping what was typed, then saves", async ({
    page,
    world,
  }) => {
    const rep = await world.rep()
    await world.loginAs(page, await world.manager())
    await page.goto(`/admin/commission/${rep.repId}`)
    const familyRate = page.getByRole('group', { name: 'Taxa por família' }).getByRole('textbox')
    await field(page, 'Taxa padrão (%)').fill('')
    await familyRate.nth(1).fill('2,125')
    await page.getByRole('button', { name: 'Salvar', exact: true }).click()
    await expect(page.getByRole('alert')).toHaveText('Confira os campos destacados.')
    await expectFieldError(field(page, 'Taxa padrão (%)'), 'Campo obrigatório.')
    await expectFieldError(familyRate.nth(1), PERCENT)
    await expectNoFieldError(familyRate.first())
    await snapshot(page, 'rates-refused-without-js')
    await expect(familyRate.nth(1)).toHaveValue('2,125')

    await field(page, 'Taxa padrão (%)').fill('3')
    await familyRate.nth(1).fill('2,5')
    await page.getByRole('button', { name: 'Salvar', exact: true }).click()
    await expect(page.getByText('Taxas salvas.')).toBeVisible()
    await expect(familyRate.nth(1)).toHaveValue('2,5')
  })
})
