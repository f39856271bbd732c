import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { quickOrder } from './helpers'

async function applyCoupon(page: Page, code: string) {
  await page.getByLabel('Código do cupom').fill(code)
  await page.getByRole('button', { name: 'Aplicar', exact: true }).click()
}

test('a lost account comes back: welcome-back offer, family coupon, bonus item and extended terms on the order', async ({
  page,
  browser,
  world,
}) => {
  // A twin of the demo's lost account: same terms and history, a cart of its own.
  await world.loginAs(page, await world.buyer({ twinOf: 'acc_00004' }))
  await page.goto('/catalog')
  const welcome = page.getByTestId('welcome-back')
  await expect(welcome).toContainText('Que bom ter você de volta')
  await expect(welcome).toContainText('Bem-vindo de volta')

  await quickOrder(page, 'CIM-0001 40\nTIN-0001 2')
  await expect(page.getByTestId('cart-line')).toHaveCount(2)

  // Codes that do not apply are not kept, and an unknown code and an expired one get the same
  // answer, so typing codes does not tell which exist.
  await applyCoupon(page, 'naoexiste')
  await expect(page.getByTestId('coupon-error')).toHaveText(
    'Cupom NAOEXISTE não é válido para sua conta. Confira o código.',
  )
  await applyCoupon(page, 'black25')
  await expect(page.getByTestId('coupon-error')).toHaveText(
    'Cupom BLACK25 não é válido para sua conta. Confira o código.',
  )
  await expect(page.locator('[data-testid="offer"][data-code="BLACK25"]')).toHaveCount(0)

  await applyCoupon(page, 'volta10')
  await expect(page.getByText('Cupom VOLTA10 aplicado.')).toBeVisible()
  const offers = page.getByTestId('offer')
  await expect(offers.filter({ hasText: 'VOLTA10' })).toHaveAttribute('data-applied', 'true')
  await expect(offers.filter({ hasText: 'Bem-vindo de volta' })).toHaveAttribute(
    'data-applied',
    'true',
  )
  await expect(offers.filter({ hasText: 'desempenadeira' })).toHaveAttribute('data-applied', 'true')

  // The paint line carries both discounts; the cement line only the welcome-back one.
  await expect(page.getByTestId('line-discount')).toHaveCount(2)
  await expect(page.getByTestId('bonus-line')).toContainText('Desempenadeira')
  await expect(page.getByTestId('bonus-line')).toContainText('Grátis')
  await expect(page.getByTestId('cart-discount')).toBeVisible()
  const total = await page.getByTestId('cart-total').textContent()

  await page.getByLabel('Boleto faturado 58/86 dias (prazo 28/56 + 30 dias)').check()
  await page.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(page).toHaveURL(/\/orders\/\d+\?placed=1/)

  await expect(page.getByTestId('order-total')).toHaveText(total!)
  await expect(page.getByText('Boleto 58/86 dias (prazo 28/56 + 30 dias)')).toBeVisible()
  await expect(page.getByTestId('order-bonus-line')).toContainText('Desempenadeira')
  const applied = page.getByTestId('order-offer')
  await expect(applied).toHaveCount(3)
  await expect(applied.filter({ hasText: 'VOLTA10' })).toContainText('Desconto de R$')
  await expect(applied.filter({ hasText: 'Bem-vindo de volta' })).toContainText('+30 dias')
  await expect(applied.filter({ hasText: 'desempenadeira' })).toContainText('1 × FRM-')

  // The account is active again: the welcome-back offer is gone.
  await page.goto('/catalog')
  await expect(page.getByTestId('welcome-back')).toHaveCount(0)

  // The sales team sees the redemption and its revenue.
  const manager = await world.pageAs(browser, await world.manager())
  await manager.goto('/admin/offers')
  await manager.getByRole('link', { name: 'Tintas com 10% para quem volta' }).click()
  await expect(manager.getByTestId('stat-redemptions')).toHaveText('1')
  await expect(manager.getByTestId('redemption-row')).toHaveCount(1)
  await expect(manager.getByTestId('stat-revenue')).toHaveText(total!)
  await manager.context().close()
})

test('a coupon that needs a bigger order says how much is missing, then applies, and can be removed', async ({
  page,
  world,
}) => {
  await world.loginAs(page, await world.buyer({ twinOf: 'acc_00002' }))
  await quickOrder(page, 'CIM-0001 5')
  await applyCoupon(page, 'obra7')
  const coupon = page.locator('[data-testid="offer"][data-code="OBRA7"]')
  await expect(coupon).toHaveAttribute('data-applied', 'false')
  await expect(coupon.getByTestId('offer-refusal')).toHaveText(
    /^Pedido mínimo R\$\s500,00 — faltam R\$\s[\d.]+,\d\d\.$/,
  )
  await expect(page.getByTestId('cart-discount')).toHaveCount(0)

  await quickOrder(page, 'CIM-0001 10')
  await expect(coupon).toHaveAttribute('data-applied', 'true')
  await expect(page.getByTestId('cart-discount')).toBeVisible()

  await coupon.getByRole('button', { name: 'Remover cupom OBRA7' }).click()
  await expect(coupon).toHaveCount(0)
  await expect(page.getByTestId('cart-discount')).toHaveCount(0)
})

test('a manager creates a coupon with clear errors on bad input, pauses it, and buyers are told', async ({
  page,
  browser,
  world,
}) => {
  await world.loginAs(page, await world.manager())
  await page.goto('/admin/offers/new')
  await page.getByLabel('Nome').fill('Cupom de teste E2E')
  await page.getByLabel('Código do cupom').fill('e2e15')
  await page.getByLabel('Desconto', { exact: true }).selectOption('PERCENT')
  await page.getByLabel('Percentual (%)').fill('150')
  await page.getByRole('button', { name: 'Criar oferta' }).click()
  await expect(page.getByText('Informe um percentual entre 0,01 e 100.')).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/offers\/new$/)

  await page.getByLabel('Percentual (%)').fill('15')
  await page.getByRole('button', { name: 'Criar oferta' }).click()
  await expect(page.getByText('Oferta salva.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ativa')

  const buyer = await world.pageAs(browser, await world.buyer({ twinOf: 'acc_00001' }))
  await quickOrder(buyer, 'CIM-0001 10')
  await applyCoupon(buyer, 'E2E15')
  await expect(buyer.locator('[data-testid="offer"][data-code="E2E15"]')).toHaveAttribute(
    'data-applied',
    'true',
  )

  await page.getByRole('button', { name: 'Pausar' }).click()
  await expect(page.getByText('Oferta pausada: não se aplica a novos pedidos.')).toBeVisible()

  await buyer.reload()
  await expect(
    buyer.locator('[data-testid="offer"][data-code="E2E15"]').getByTestId('offer-refusal'),
  ).toHaveText('Cupom suspenso no momento.')
  await expect(buyer.getByTestId('cart-discount')).toHaveCount(0)
  await buyer.getByRole('button', { name: 'Remover cupom E2E15' }).click()
  await expect(buyer.locator('[data-testid="offer"][data-code="E2E15"]')).toHaveCount(0)
  await buyer.context().close()
})
