import { expect, test } from '@playwright/test'
import { BUYER_A, BUYER_B, emptyCart, latestMail, login, orderIds, quickOrder } from './helpers'

test('a buyer finds products, quick-orders, checks out on terms, gets the email and reorders', async ({
  page,
  browser,
}) => {
  await login(page, BUYER_A)
  await expect(page).toHaveURL(/\/catalog/)
  await emptyCart(page)

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
    'Linha 3: “NAO-EXISTE 2” — SKU não encontrado',
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

  const mail = await latestMail(browser, BUYER_A, `Pedido ${orderId} recebido`)
  expect(mail.subject).toBe(`Pedido ${orderId} recebido`)
  expect(mail.text).toContain('10 × Cimento CP-II 50 kg (CIM-0001)')

  await page.getByRole('button', { name: 'Comprar novamente' }).click()
  await expect(page.getByText('4 produtos voltaram ao carrinho.')).toBeVisible()
  await expect(page.getByTestId('cart-count')).toHaveText('(4)')
  await page.goto('/cart')
  await expect(page.locator('[data-testid="cart-line"][data-sku="CIM-0001"]')).toBeVisible()
  await emptyCart(page)
})

test('reordering an imported order reports the products no longer sold', async ({ page }) => {
  await login(page, BUYER_A)
  await emptyCart(page)
  const ids = await orderIds(page)
  // The account's oldest imported order holds a product that has left the line.
  await page.goto(`/orders/${ids[ids.length - 1]}`)
  await expect(page.getByText('Representante / ERP')).toBeVisible()
  await page.getByRole('button', { name: 'Comprar novamente' }).click()
  await expect(page.getByTestId('reorder-unavailable')).toContainText('Indisponíveis:')
  await emptyCart(page)
})

test('a double-clicked "place order" creates one order', async ({ page }) => {
  await login(page, BUYER_B)
  await emptyCart(page)
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

test("buyer A opening buyer B's order gets 404", async ({ browser }) => {
  const contextB = await browser.newContext({ locale: 'pt-BR' })
  const pageB = await contextB.newPage()
  await login(pageB, BUYER_B)
  const [orderOfB] = await orderIds(pageB)
  await contextB.close()

  const contextA = await browser.newContext({ locale: 'pt-BR' })
  const pageA = await contextA.newPage()
  await login(pageA, BUYER_A)
  const response = await pageA.goto(`/orders/${orderOfB}`)
  expect(response?.status()).toBe(404)
  await expect(pageA.getByText('Página não encontrada.')).toBeVisible()
  await expect(pageA.getByTestId('order-line')).toHaveCount(0)
  // Reordering it is refused the same way and puts nothing in A's cart.
  const reorder = await pageA.request.post(`/orders/${orderOfB}`, {
    headers: { Origin: new URL(pageA.url()).origin },
    form: {},
  })
  expect(reorder.status()).toBe(404)
  await contextA.close()
})

test('the minimum order value blocks checkout with the amount still missing', async ({ page }) => {
  await login(page, BUYER_A)
  await emptyCart(page)
  await quickOrder(page, 'CIM-0001 1')
  await expect(page.getByText(/Pedido mínimo R\$\s300,00 — faltam R\$\s261,10\./)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Fazer pedido' })).toBeDisabled()
  await emptyCart(page)
})

test('a quantity that is not a whole pack is refused with the pack size', async ({ page }) => {
  await login(page, BUYER_A)
  await emptyCart(page)
  // Rejunte is sold in packs of 6.
  await page.goto('/catalog?q=rejunte')
  const sku = (await page.getByTestId('product-card').first().locator('p').first().textContent())!
    .split('·')[1]!
    .trim()
  await quickOrder(page, `${sku} 5`)
  await expect(page.getByTestId('quick-errors')).toContainText('vendido em múltiplos de 6')
  await expect(page.getByTestId('cart-line')).toHaveCount(0)
})
