import { TZDate } from '@date-fns/tz'
import { addDays, format } from 'date-fns'
import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { quickOrder } from './helpers'

/** "1.234,56" (as in "R$ 1.234,56") in cents. */
function cents(text: string | null): number {
  const digits = (text ?? '').replace(/[^\d,]/g, '').replace(',', '.')
  return Math.round(Number(digits) * 100)
}

/** Today in São Paulo plus `days`, as pt-BR shows a date. */
function dueIn(days: number): string {
  return format(addDays(TZDate.tz('America/Sao_Paulo'), days), 'dd/MM/yyyy')
}

async function expectInstalments(scope: Page, total: number, days: number[]) {
  const rows = scope.getByTestId('instalment')
  await expect(rows).toHaveCount(days.length)
  for (const [index, day] of days.entries()) {
    await expect(rows.nth(index).getByTestId('instalment-due')).toHaveText(dueIn(day))
  }
  const amounts = await scope.getByTestId('instalment-amount').allTextContents()
  expect(amounts.reduce((sum, text) => sum + cents(text), 0)).toBe(total)
}

test('a buyer on 28/56 with +30 days from an offer sees each instalment with its date and amount at checkout and on the order', async ({
  page,
  browser,
  world,
}) => {
  // A twin of the demo's lost account: terms 28 and 28/56, and the welcome-back offer's +30 days.
  await world.loginAs(page, await world.buyer({ twinOf: 'acc_00004' }))
  await quickOrder(page, 'CIM-0001 40\nTIN-0001 3')
  await expect(page.getByTestId('cart-line')).toHaveCount(2)
  const total = cents(await page.getByTestId('cart-total').textContent())

  const checkout = page.getByRole('region', { name: 'Parcelas' })
  await page.getByLabel('Boleto faturado 58 dias (prazo 28 + 30 dias)').check()
  await expectInstalments(page, total, [58])
  await page.getByLabel('Boleto faturado 58/86 dias (prazo 28/56 + 30 dias)').check()
  await expectInstalments(page, total, [58, 86])
  await expect(checkout).toContainText('Inclui 30 dias a mais da promoção.')
  await page.setViewportSize({ width: 390, height: 900 })
  await page.screenshot({ path: 'tests/.tmp/order-terms/checkout-390.png', fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: 'tests/.tmp/order-terms/checkout-desktop.png', fullPage: true })

  await page.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(page).toHaveURL(/\/orders\/\d+\?placed=1/)
  const orderId = Number(/\/orders\/(\d+)/.exec(page.url())![1])
  await expect(page.getByTestId('order-total')).toHaveText(/R\$/)
  expect(cents(await page.getByTestId('order-total').textContent())).toBe(total)
  await expectInstalments(page, total, [58, 86])
  await page.screenshot({ path: 'tests/.tmp/order-terms/order-desktop.png', fullPage: true })

  // The back office's order view shows the same schedule.
  const manager = await world.pageAs(browser, await world.manager())
  await manager.goto(`/admin/orders/${orderId}`)
  await expectInstalments(manager, total, [58, 86])
  await manager.context().close()
})
