import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'

// A phone's screen (an iPhone 12/13/14's CSS pixels): what a retailer ordering from the shop floor sees.
test.use({ viewport: { width: 390, height: 844 } })

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

async function expectOnScreen(page: Page, locator: ReturnType<Page['locator']>) {
  const box = await locator.boundingBox()
  expect(box).not.toBeNull()
  expect(box!.x).toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width).toBeLessThanOrEqual(390)
  expect(box!.y + box!.height).toBeLessThanOrEqual(844)
}

test('on a phone the catalog starts with products, and cart and order totals stay on screen', async ({
  page,
  world,
}) => {
  const buyer = await world.buyer({ twinOf: 'acc_00001' })
  await world.loginAs(page, buyer)

  await page.goto('/catalog')
  // The families are one row that scrolls sideways, not a list filling the first screen.
  const families = page.getByRole('navigation', { name: 'Famílias' })
  await expect(families.getByRole('link', { name: 'Todas as famílias' })).toBeVisible()
  // The first thing to order (the usual order of this account with a history, or a product).
  await expectOnScreen(page, page.getByRole('button', { name: /^Adicionar/ }).first())
  await expectNoSidewaysScroll(page)

  await page.getByRole('button', { name: 'Adicionar ao carrinho' }).first().click()
  await expect(page.getByText('no carrinho.').first()).toBeVisible()
  await page.goto('/cart')
  const line = page.getByTestId('cart-line').first()
  await expectOnScreen(page, line.getByRole('cell').nth(2))
  await expect(line.getByRole('button', { name: /^Remover / })).toBeVisible()
  await expectNoSidewaysScroll(page)

  await page.goto('/orders')
  const firstRow = page.getByTestId('order-row').first()
  await expectOnScreen(page, firstRow.getByRole('cell').last())
  await expectNoSidewaysScroll(page)

  await firstRow.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('#')
  await expect(page.getByTestId('order-total')).toBeVisible()
  await page.getByTestId('order-total').scrollIntoViewIfNeeded()
  const total = await page.getByTestId('order-total').boundingBox()
  expect(total!.x + total!.width).toBeLessThanOrEqual(390)
  // The unit price moves under the product's name instead of a column of its own.
  await expect(page.getByRole('columnheader', { name: 'Preço unit.' })).toBeHidden()
  await expectNoSidewaysScroll(page)

  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(page.getByRole('columnheader', { name: 'Preço unit.' })).toBeVisible()
})
