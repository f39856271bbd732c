import { expect, test } from './fixtures'
import { orderIds, quickOrder } from './helpers'

// Each test's buyer is a new account twinned from a demo one (terms, minimum, history).
const DEMO_ACCOUNT = 'acc_00001'

test('a buyer finds products, quick-orders, checks out on terms, gets the email and reorders', async ({
  page,
  browser,
  world,
}) => {
  const buyer = await world.buyer({ twinOf: DEMO_ACCOUNT })
  await world.loginAs(page, buyer)
  await page.goto('/')
  await expect(page).toHaveURL(/\/catalog/)

  const search = page.getByRole('searchbox', { name: 'Buscar por nome ou SKU' })
  await search.fill('CIM-0001')
  await search.press('Enter')
  await expect(page.getByTestId('product-card')).toHaveCount(1)
  await expect(page.getByTestId('product-card')).toContainText('Cimento CP-II 50 kg')

  // "agua" without the accent finds "Água".
  await search.fill('agua fria')
  await search.press('Enter')
  const card = page.getByTestId('product-card').filter({
    has: page.getByRole('heading', { name: 'Tubo PVC Água Fria 6 m 25 mm', exact: true }),
  })
  await expect(card).toHaveCount(1)
  await card.getByRole('button', { name: /Adicionar ao carrinho/ }).click()
  await expect(card.getByText(/no carrinho/)).toBeVisible()
  await expect(page.getByTestId('cart-count')).toHaveText('(1)')

  await quickOrder(page, 'CIM-0001 10\nCIM-0003;5\nNAO-EXISTE 2\nHID-0001 4')
  await expect(page.getByText('3 produtos adicionados ao carrinho.')).toBeVisible()
  await expect(page.getByTestId('quick-errors')).toContainText(
    'Linha 1: “NAO-EXISTE 2” — SKU não encontrado',
  )
  await expect(page.getByTestId('cart-line')).toHaveCount(4)

  await page.getByLabel('Boleto faturado 28/56 dias').check()
  await page.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(page).toHaveURL(/\/orders\/\d+\?placed=1/)
  const orderId = Number(/\/orders\/(\d+)/.exec(page.url())![1])
  await expect(page.getByText(`Pedido ${orderId} recebido!`)).toBeVisible()
  await expect(page.getByTestId('order-line')).toHaveCount(4)
  await expect(page.getByText('Boleto 28/56 dias')).toBeVisible()
  await expect(page.getByTestId('cart-count')).toHaveText('(0)')

  const mail = await world.latestMail(browser, buyer.email, `Pedido ${orderId} recebido`)
  expect(mail.subject).toBe(`Pedido ${orderId} recebido`)
  expect(mail.text).toContain('10 × Cimento CP-II 50 kg (CIM-0001)')

  await page.getByRole('button', { name: 'Comprar novamente' }).click()
  await expect(page.getByText('4 produtos voltaram ao carrinho.')).toBeVisible()
  await expect(page.getByTestId('cart-count')).toHaveText('(4)')
  await page.goto('/cart')
  await expect(page.locator('[data-testid="cart-line"][data-sku="CIM-0001"]')).toBeVisible()
})

test('reordering an imported order reports the products no longer sold', async ({
  page,
  world,
}) => {
  await world.loginAs(page, await world.buyer({ twinOf: DEMO_ACCOUNT }))
  const ids = await orderIds(page)
  // The account's oldest imported order holds a product that has left the line.
  await page.goto(`/orders/${ids[ids.length - 1]}`)
  await expect(page.getByText('Representante / ERP')).toBeVisible()
  await page.getByRole('button', { name: 'Comprar novamente' }).click()
  await expect(page.getByTestId('reorder-unavailable')).toContainText('Indisponíveis:')
})

test('a double-clicked "place order" creates one order', async ({ page, world }) => {
  await world.loginAs(page, await world.buyer({ twinOf: DEMO_ACCOUNT }))
  const before = await orderIds(page)
  await quickOrder(page, 'CIM-0001 20')
  await expect(page.getByTestId('cart-line')).toHaveCount(1)
  await page.getByRole('button', { name: 'Fazer pedido' }).dblclick()
  await expect(page).toHaveURL(/\/orders\/\d+\?placed=1/)
  const placed = Number(/\/orders\/(\d+)/.exec(page.url())![1])
  const after = await orderIds(page)
  expect(after[0]).toBe(placed)
  expect(after[1]).toBe(before[0])
})

test("buyer A opening buyer B's order gets 404", async ({ browser, world }) => {
  const pageB = await world.pageAs(browser, await world.buyer({ twinOf: DEMO_ACCOUNT }))
  const [orderOfB] = await orderIds(pageB)
  await pageB.context().close()

  const pageA = await world.pageAs(browser, await world.buyer({ twinOf: DEMO_ACCOUNT }))
  const response = await pageA.goto(`/orders/${orderOfB}`)
  expect(response?.status()).toBe(404)
  await expect(pageA.getByRole('heading', { name: 'Página não encontrada' })).toBeVisible()
  await expect(pageA).toHaveTitle(/^Página não encontrada · /)
  await expect(pageA.getByTestId('order-line')).toHaveCount(0)
  // Reordering it is refused the same way and puts nothing in A's cart.
  const reorder = await pageA.request.post(`/orders/${orderOfB}`, {
    headers: { Origin: new URL(pageA.url()).origin },
    form: {},
  })
  expect(reorder.status()).toBe(404)
  await pageA.context().close()
})

test('the minimum order value blocks checkout with the amount still missing', async ({
  page,
  world,
}) => {
  await world.loginAs(page, await world.buyer({ twinOf: DEMO_ACCOUNT, minimumOrderCents: 30_000 }))
  await quickOrder(page, 'CIM-0001 1')
  await expect(page.getByText(/Pedido mínimo R\$\s300,00 — faltam R\$\s261,10\./)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Fazer pedido' })).toBeDisabled()
})

test('a quantity that is not a whole pack is refused with the pack size', async ({
  page,
  world,
}) => {
  await world.loginAs(page, await world.buyer({ twinOf: DEMO_ACCOUNT }))
  // Rejunte is sold in packs of 6.
  await page.goto('/catalog?q=rejunte')
  const sku = (await page.getByTestId('product-card').first().locator('p').first().textContent())!
    .split('·')[1]!
    .trim()
  await quickOrder(page, `${sku} 5`)
  await expect(page.getByTestId('quick-errors')).toContainText('vendido em múltiplos de 6')
  await expect(page.getByTestId('cart-line')).toHaveCount(0)
})
