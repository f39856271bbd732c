import { expect, test } from './fixtures'

test('a retailer with a regular history sees its usual order and orders it in one click', async ({
  page,
  world,
}) => {
  const buyer = await world.buyer()
  // Three ERP orders a month apart: the mortar every time (10, 20, 30 bags), the additive in two
  // of them (8 and 4, in packs of 4), the paint once.
  await world.call('erpOrders', {
    accountId: buyer.accountId,
    orders: [
      {
        daysAgo: 12,
        lines: [
          { sku: 'CIM-0012', quantity: 30 },
          { sku: 'TIN-0007', quantity: 1 },
        ],
      },
      {
        daysAgo: 42,
        lines: [
          { sku: 'CIM-0012', quantity: 20 },
          { sku: 'IMP-0005', quantity: 4 },
        ],
      },
      {
        daysAgo: 72,
        lines: [
          { sku: 'CIM-0012', quantity: 10 },
          { sku: 'IMP-0005', quantity: 8 },
        ],
      },
    ],
  })
  await world.loginAs(page, buyer)
  await page.goto('/catalog')

  const basket = page.getByTestId('usual-basket')
  await expect(basket.getByRole('heading', { name: 'Seu pedido de sempre' })).toBeVisible()
  await expect(basket).toContainText('Seu último pedido foi há 12 dias.')
  await expect(basket.getByTestId('usual-item')).toHaveCount(2)
  const mortar = basket.getByLabel('Quantidade de Argamassa Colante AC-I 20 kg Branca')
  const additive = basket.getByLabel('Quantidade de Aditivo Impermeabilizante 3,6 L Premium')
  // The median of what each was bought in, rounded up to whole packs (6 → 8).
  await expect(mortar).toHaveValue('20')
  await expect(additive).toHaveValue('8')
  await expect(basket.getByText('Tinta Acrílica Fosca 18 L Pérola')).toHaveCount(0)

  // A quantity that is not a whole number of packs is refused beside it; nothing is added.
  await additive.fill('6')
  await basket.getByRole('button', { name: 'Adicionar meu pedido de sempre' }).click()
  await expect(basket.getByText('múltiplos de 4')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Carrinho (0)' })).toBeVisible()

  await additive.fill('8')
  await basket.getByRole('button', { name: 'Adicionar meu pedido de sempre' }).click()
  await expect(page).toHaveURL(/\/cart\?usual=2$/)
  await expect(
    page.getByText('2 produtos do seu pedido de sempre foram para o carrinho.'),
  ).toBeVisible()
  await expect(
    page.locator('[data-testid="cart-line"][data-sku="CIM-0012"] input[type=number]'),
  ).toHaveValue('20')
  await expect(
    page.locator('[data-testid="cart-line"][data-sku="IMP-0005"] input[type=number]'),
  ).toHaveValue('8')
  await page.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(page).toHaveURL(/\/orders\/\d+\?placed=1/)
  await expect(page.getByTestId('order-line')).toHaveCount(2)
})

test('a retailer without a history sees no usual order', async ({ page, world }) => {
  const buyer = await world.buyer()
  await world.loginAs(page, buyer)
  await page.goto('/catalog')
  await expect(page.getByRole('heading', { name: 'Catálogo', level: 1 })).toBeVisible()
  await expect(page.getByTestId('usual-basket')).toHaveCount(0)
})

test('an invitation lists the account’s usual order, and its link leads to it one click away', async ({
  browser,
  page,
  world,
}) => {
  const repUser = await world.rep()
  const shop = await world.buyer({ repId: repUser.repId, status: 'INACTIVE' })
  await world.call('erpOrders', {
    accountId: shop.accountId,
    orders: [
      { daysAgo: 150, lines: [{ sku: 'CIM-0012', quantity: 30 }] },
      {
        daysAgo: 180,
        lines: [
          { sku: 'CIM-0012', quantity: 10 },
          { sku: 'IMP-0005', quantity: 4 },
        ],
      },
      {
        daysAgo: 210,
        lines: [
          { sku: 'CIM-0012', quantity: 20 },
          { sku: 'IMP-0005', quantity: 8 },
        ],
      },
    ],
  })
  await world.loginAs(page, repUser)
  await page.goto(`/rep/accounts/${shop.accountId}`)
  await page.getByRole('button', { name: 'Convidar por e-mail' }).click()
  await expect(page.getByTestId('invite-answer')).toHaveText('Convite na fila de envio.')

  // The worker sends in the background; the invitation lands in the dev mailbox.
  const admin = await world.pageAs(browser, await world.admin())
  await expect(async () => {
    await admin.goto(`/dev/mailbox?to=${encodeURIComponent(shop.accountEmail)}`)
    await expect(admin.getByTestId('mail-row')).toHaveCount(1, { timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  await admin.getByTestId('mail-row').first().getByRole('link').click()
  const text = (await admin.getByTestId('mail-text').textContent()) ?? ''
  expect(text).toContain('Seu pedido de sempre')
  // The median of what each was bought in, rounded up to whole packs (6 → 8).
  expect(text).toContain('- Argamassa Colante AC-I 20 kg Branca (CIM-0012): 20 ')
  expect(text).toContain('- Aditivo Impermeabilizante 3,6 L Premium (IMP-0005): 8 ')
  await expect(admin.frameLocator('iframe').getByText('Seu pedido de sempre')).toBeVisible()
  const link = /(https?:\/\/\S+\/invite\/[\w.-]+)/.exec(text)![1]!
  await admin.context().close()

  // The shop sets a password from the link and finds the same basket on the catalog.
  const shopContext = await browser.newContext()
  const buyer = await shopContext.newPage()
  await buyer.goto(new URL(link).pathname)
  await buyer.getByLabel('Seu nome').fill('Carla Compras')
  await buyer.getByLabel('Nova senha', { exact: true }).fill('voltei-para-ficar')
  await buyer.getByLabel('Repita a nova senha').fill('voltei-para-ficar')
  await buyer.getByRole('button', { name: 'Criar senha e entrar' }).click()
  await expect(buyer).toHaveURL(/\/catalog$/)
  const basket = buyer.getByTestId('usual-basket')
  await expect(basket.getByLabel('Quantidade de Argamassa Colante AC-I 20 kg Branca')).toHaveValue(
    '20',
  )
  await expect(
    basket.getByLabel('Quantidade de Aditivo Impermeabilizante 3,6 L Premium'),
  ).toHaveValue('8')
  await basket.getByRole('button', { name: 'Adicionar meu pedido de sempre' }).click()
  await expect(buyer).toHaveURL(/\/cart\?usual=2$/)
  await shopContext.close()
})
