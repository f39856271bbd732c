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

test('the ERP’s order statuses, imported, move portal orders; the preview shows each order and refuses what cannot be done', async ({
  page,
  browser,
  world,
}) => {
  const buyer = await world.buyer()
  await world.loginAs(page, buyer)
  const place = async () => {
    await quickOrder(page, 'CIM-0001 10')
    await page.getByRole('button', { name: 'Fazer pedido' }).click()
    await expect(page).toHaveURL(/\/orders\/\d+\?placed=1/)
    return Number(/\/orders\/(\d+)/.exec(page.url())![1])
  }
  const shipped = await place()
  const noInvoice = await place()

  const manager = await world.pageAs(browser, await world.manager())
  await manager.goto('/admin/imports')
  await manager.getByRole('radio', { name: /^Situação dos pedidos do portal \(ERP\)/ }).check()
  const file = [
    'Pedido no portal;Situação;Nota fiscal;Código de rastreio;Data',
    `#${shipped};Em trânsito;NF-7781;BR987654321BR;`,
    `${noInvoice};Faturado;;;`,
    '99999999;Entregue;1;X;',
  ].join('\r\n')
  await manager.getByLabel('Arquivo CSV ou Excel (.xlsx)').setInputFiles({
    name: 'situacao-erp.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(file, 'latin1'),
  })
  await manager.getByRole('button', { name: 'Enviar e ver prévia' }).click()
  await expect(manager).toHaveURL(/\/admin\/imports\/\w+$/)
  await expect(manager.getByText('situacao-erp.csv')).toBeVisible()
  await expect(manager.getByTestId('imports.toUpdate')).toHaveText('1')
  await expect(manager.getByTestId('imports.errorRows')).toHaveText('2')
  const row = manager.locator('[data-testid="preview-row"][data-outcome="update"]')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(`#${shipped}`)
  await expect(row).toContainText(buyer.tradeName)
  await expect(row).toContainText('Recebido')
  await expect(row).toContainText('Enviado')
  await expect(row).toContainText('NF-7781')
  const errors = manager.getByTestId('import-error')
  await expect(errors.nth(0)).toContainText('para faturar, informe o número da nota fiscal')
  await expect(errors.nth(1)).toContainText(
    'nenhum pedido do portal com este número · pedido · “99999999”',
  )
  await expect(manager.getByText('Isto não se desfaz.', { exact: false })).toBeVisible()
  await manager.screenshot({
    path: 'tests/.tmp/order-tracking/erp-statuses-preview.png',
    fullPage: true,
  })
  await manager.getByRole('button', { name: 'Confirmar importação' }).click()
  await expect(manager.getByText('Importação concluída', { exact: false })).toBeVisible({
    timeout: 60_000,
  })
  // A status import cannot be undone: the buyers were told.
  await expect(manager.getByRole('button', { name: /Desfazer/ })).toHaveCount(0)
  await manager.context().close()

  // The buyer sees the order invoiced and shipped, and hears once, where it got to.
  await page.goto(`/orders/${shipped}`)
  const timeline = page.getByTestId('order-timeline')
  await expect(timeline.locator('[data-status="INVOICED"]')).toContainText('Nota fiscal NF-7781')
  await expect(timeline.locator('[data-status="SHIPPED"]')).toContainText('BR987654321BR')
  await expect(timeline.locator('[data-status="SHIPPED"]')).toHaveAttribute('aria-current', 'step')
  const mail = await world.latestMail(browser, buyer.email, `Pedido ${shipped} enviado`)
  expect(mail.text).toContain('BR987654321BR')
  const mailbox = await world.pageAs(browser, await world.admin())
  await mailbox.goto(`/dev/mailbox?to=${encodeURIComponent(buyer.email)}`)
  await expect(
    mailbox.getByTestId('mail-row').filter({ hasText: `Pedido ${shipped} faturado` }),
  ).toHaveCount(0)
  await mailbox.context().close()
  await page.goto(`/orders/${noInvoice}`)
  await expect(
    page.getByTestId('order-timeline').locator('[data-status="INVOICED"]'),
  ).toHaveAttribute('data-reached', 'false')
})
