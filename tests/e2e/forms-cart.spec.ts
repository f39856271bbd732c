import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectFieldError, recordPosts, snapshot } from './forms-helpers'
import { quickOrder } from './helpers'

const quickLines = (page: Page) => page.getByLabel('Linhas do pedido rápido')
const couponCode = (page: Page) => page.getByLabel('Código do cupom')
const quantityOf = (page: Page, sku: string) => page.getByLabel(`Qtd. ${sku}`)
const line = (page: Page, sku: string) =>
  page.locator(`[data-testid="cart-line"][data-sku="${sku}"]`)

/** A product sold in packs of 6 (rejunte), found as a buyer finds it. */
async function packOfSixSku(page: Page) {
  await page.goto('/catalog?q=rejunte')
  const text = await page.getByTestId('product-card').first().locator('p').first().textContent()
  return text!.split('·')[1]!.trim()
}

test('the cart forms refuse bad input in the browser beside each field, the server reports what only it knows, then they work', async ({
  page,
  world,
}) => {
  await world.loginAs(page, await world.buyer({ twinOf: 'acc_00002' }))
  const rejunte = await packOfSixSku(page)
  await quickOrder(page, `CIM-0001 20\n${rejunte} 6`)
  await expect(page.getByTestId('cart-line')).toHaveCount(2)
  const posts = recordPosts(page)

  // Refused in the browser: nothing is sent.
  await quickLines(page).fill('   ')
  await page.getByRole('button', { name: 'Adicionar ao carrinho' }).click()
  await expectFieldError(quickLines(page), 'Cole ao menos uma linha com SKU e quantidade.')
  await couponCode(page).fill('a b')
  await page.getByRole('button', { name: 'Aplicar', exact: true }).click()
  await expectFieldError(couponCode(page), 'Use de 3 a 30 letras, números, - ou _.')
  await quantityOf(page, 'CIM-0001').fill('2.5')
  await line(page, 'CIM-0001').getByRole('button', { name: 'Atualizar' }).click()
  await expectFieldError(
    quantityOf(page, 'CIM-0001'),
    'Informe uma quantidade inteira, de 0 a 100.000.',
  )
  await quantityOf(page, rejunte).fill('7')
  await line(page, rejunte).getByRole('button', { name: 'Atualizar' }).click()
  await expectFieldError(quantityOf(page, rejunte), 'Vendido em múltiplos de 6.')
  await snapshot(page, 'cart-refused-in-browser')
  expect(posts).toEqual([])
  await expect(couponCode(page)).toHaveValue('a b')
  await expect(quantityOf(page, rejunte)).toHaveValue('7')

  // What only the server knows: SKUs, coupons and the account's payment terms.
  // The good line goes into the cart and leaves the field; the refused one stays, numbered
  // where it now is. Corrected and sent again, it adds nothing twice.
  await quickLines(page).fill('CIM-0003 5\nNAO-EXISTE 2')
  await page.getByRole('button', { name: 'Adicionar ao carrinho' }).click()
  await expect(page.getByText('1 produto adicionado ao carrinho.')).toBeVisible()
  await expectFieldError(quickLines(page), 'Linha 1: “NAO-EXISTE 2” — SKU não encontrado')
  await expect(quickLines(page)).toHaveValue('NAO-EXISTE 2')
  await expect(quantityOf(page, 'CIM-0003')).toHaveValue('5')
  await quickLines(page).fill('CIM-0001 10')
  await page.getByRole('button', { name: 'Adicionar ao carrinho' }).click()
  await expect(page.getByText('1 produto adicionado ao carrinho.')).toBeVisible()
  await expect(quickLines(page)).toHaveValue('')
  // Reloaded, so the quantities are the cart's, not what was typed in the fields above.
  await page.reload()
  await expect(quantityOf(page, 'CIM-0001')).toHaveValue('30')
  await expect(quantityOf(page, 'CIM-0003')).toHaveValue('5')
  await couponCode(page).fill('naoexiste')
  await page.getByRole('button', { name: 'Aplicar', exact: true }).click()
  await expectFieldError(
    couponCode(page),
    'Cupom NAOEXISTE não é válido para sua conta. Confira o código.',
  )
  await expect(couponCode(page)).toHaveValue('naoexiste')
  // A term the account does not have, as a tampered request would send it (changed on the way
  // out, so no re-render of the page can put the real value back first).
  const payment = page.getByRole('group', { name: 'Forma de pagamento' }).getByRole('radio')
  await page.route('**/cart?*', async (route) => {
    const body = route.request().postData()
    if (route.request().method() !== 'POST' || !body) return route.continue()
    await route.continue({ postData: body.replace(/\bpayment=[^&]*/, 'payment=99%2F999') })
  })
  await page.getByRole('button', { name: 'Fazer pedido' }).click()
  await expectFieldError(payment.first(), 'Condição de pagamento não liberada para sua conta.')
  await page.unrouteAll()
  await snapshot(page, 'cart-refused-by-server')
  // Two quick orders, the coupon and the order: each check only the server can make.
  expect(posts).toHaveLength(4)

  // Correct input works: a new quantity, a coupon, the order.
  await page.reload()
  const total = await page.getByTestId('cart-total').textContent()
  await quantityOf(page, rejunte).fill('12')
  await line(page, rejunte).getByRole('button', { name: 'Atualizar' }).click()
  await expect(page.getByTestId('cart-total')).not.toHaveText(total!)
  await expect(quantityOf(page, rejunte)).toHaveValue('12')
  await expect(quantityOf(page, rejunte)).not.toHaveAttribute('aria-invalid', 'true')
  await couponCode(page).fill('obra7')
  await page.getByRole('button', { name: 'Aplicar', exact: true }).click()
  await expect(page.getByText('Cupom OBRA7 aplicado.')).toBeVisible()
  await expect(couponCode(page)).toHaveValue('')
  // The order carries the total the buyer saw: wait for the discounted one to be on the page.
  await expect(page.getByTestId('cart-discount')).toBeVisible()
  await page.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(page).toHaveURL(/\/orders\/\d+\?placed=1/)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the server refuses the cart forms with the error beside the field and what was typed, then they work', async ({
    page,
    world,
  }) => {
    await world.loginAs(page, await world.buyer({ twinOf: 'acc_00002' }))
    await quickOrder(page, 'CIM-0001 10')
    await expect(page.getByTestId('cart-line')).toHaveCount(1)

    await quantityOf(page, 'CIM-0001').fill('-1')
    await line(page, 'CIM-0001').getByRole('button', { name: 'Atualizar' }).click()
    await expectFieldError(
      quantityOf(page, 'CIM-0001'),
      'Informe uma quantidade inteira, de 0 a 100.000.',
    )
    await expect(quantityOf(page, 'CIM-0001')).toHaveValue('-1')

    await couponCode(page).fill('a b')
    await page.getByRole('button', { name: 'Aplicar', exact: true }).click()
    await expectFieldError(couponCode(page), 'Use de 3 a 30 letras, números, - ou _.')
    await expect(couponCode(page)).toHaveValue('a b')

    await quickLines(page).fill('NAO-EXISTE 2')
    await page.getByRole('button', { name: 'Adicionar ao carrinho' }).click()
    await expectFieldError(quickLines(page), 'Linha 1: “NAO-EXISTE 2” — SKU não encontrado')
    await expect(quickLines(page)).toHaveValue('NAO-EXISTE 2')
    await snapshot(page, 'cart-refused-without-js')

    await quantityOf(page, 'CIM-0001').fill('20')
    await line(page, 'CIM-0001').getByRole('button', { name: 'Atualizar' }).click()
    await expect(quantityOf(page, 'CIM-0001')).toHaveValue('20')
    await expect(quantityOf(page, 'CIM-0001')).not.toHaveAttribute('aria-invalid', 'true')
  })
})
