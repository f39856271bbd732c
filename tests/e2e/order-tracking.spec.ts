import { expect, test } from './fixtures'
import { quickOrder } from './helpers'

test('the manager invoices and ships an order; the buyer follows its timeline, gets the emails and can turn them off', async ({
  page,
  browser,
  world,
}) => {
  const buyer = await world.buyer()
  await world.loginAs(page, buyer)
  await quickOrder(page, 'CIM-0001 10')
  await page.getByLabel('Boleto faturado 28/56 dias').check()
  await page.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(page).toHaveURL(/\/orders\/\d+\?placed=1/)
  const orderId = Number(/\/orders\/(\d+)/.exec(page.url())![1])
  const timeline = page.getByTestId('order-timeline')
  await expect(timeline.locator('[data-status="PLACED"]')).toHaveAttribute('data-reached', 'true')
  await expect(timeline.locator('[data-status="INVOICED"]')).toHaveAttribute(
    'data-reached',
    'false',
  )

  const manager = await world.pageAs(browser, await world.manager())
  await manager.goto(`/admin/orders/${orderId}`)
  const invoice = manager.getByLabel('Número da nota fiscal')
  // Invoicing without the invoice number is refused beside the field.
  await manager.getByRole('button', { name: 'Marcar faturado' }).click()
  await expect(
    manager.getByText('Informe o número da nota fiscal para faturar o pedido.'),
  ).toBeVisible()
  await expect(invoice).toHaveAttribute('aria-invalid', 'true')
  await invoice.fill('NF-4521')
  await manager.getByRole('button', { name: 'Marcar faturado' }).click()
  await expect(manager.getByText('Situação do pedido atualizada.')).toBeVisible()
  await expect(manager.getByRole('button', { name: 'Marcar faturado' })).toHaveCount(0)
  await manager.getByLabel('Código de rastreio').fill('BR123456789BR')
  await manager.getByRole('button', { name: 'Marcar enviado' }).click()
  await expect(manager.getByText('Situação do pedido atualizada.')).toBeVisible()
  await expect(
    manager.getByTestId('order-timeline').locator('[data-status="SHIPPED"]'),
  ).toContainText('BR123456789BR')
  // A shipped order cannot be cancelled any more.
  await expect(manager.getByRole('button', { name: 'Cancelar pedido' })).toHaveCount(0)
  await manager.screenshot({ path: 'tests/.tmp/order-tracking/admin-desktop.png', fullPage: true })
  await manager.context().close()

  await page.goto(`/orders/${orderId}`)
  await expect(timeline.locator('[data-status="INVOICED"]')).toContainText('Nota fiscal NF-4521')
  await expect(timeline.locator('[data-status="SHIPPED"]')).toContainText(
    'Código de rastreio BR123456789BR',
  )
  await expect(timeline.locator('[data-status="SHIPPED"]')).toHaveAttribute('aria-current', 'step')
  await expect(timeline.locator('[data-status="DELIVERED"]')).toContainText('Aguardando')
  await page.screenshot({ path: 'tests/.tmp/order-tracking/order-desktop.png', fullPage: true })
  // On paper: who sells to whom, the lines, totals and instalments; no navigation or buttons.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByTestId('print-header')).toBeVisible()
  await expect(page.getByTestId('print-header')).toContainText(buyer.tradeName)
  await expect(page.getByRole('button', { name: 'Comprar novamente' })).toBeHidden()
  await expect(page.getByRole('search')).toBeHidden()
  await expect(page.getByTestId('instalment')).toHaveCount(2)
  await page.screenshot({ path: 'tests/.tmp/order-tracking/order-print.png', fullPage: true })
  await page.emulateMedia({ media: 'screen' })
  await page.setViewportSize({ width: 390, height: 900 })
  await page.screenshot({ path: 'tests/.tmp/order-tracking/order-390.png', fullPage: true })

  // The buyer got an email at each step, the last with the tracking code and where to manage them.
  const shipped = await world.latestMail(browser, buyer.email, `Pedido ${orderId} enviado`)
  expect(shipped.text).toContain('BR123456789BR')
  expect(shipped.text).toContain('Gerenciar ou cancelar estes avisos')
  const mailbox = await world.pageAs(browser, await world.admin())
  await mailbox.goto(`/dev/mailbox?to=${encodeURIComponent(buyer.email)}`)
  await expect(
    mailbox.getByTestId('mail-row').filter({ hasText: `Pedido ${orderId} faturado` }),
  ).toHaveCount(1)
  await mailbox.context().close()

  // Turning them off, where the email's link leads.
  await page.goto('/account/notifications')
  const preference = page.getByLabel(/Receber um e-mail a cada etapa/)
  await expect(preference).toBeChecked()
  await preference.uncheck()
  await page.getByRole('button', { name: 'Salvar' }).click()
  await expect(page.getByText('Preferência salva.')).toBeVisible()
  await page.reload()
  await expect(preference).not.toBeChecked()
})
