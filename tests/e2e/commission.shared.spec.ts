import { expect, test } from './fixtures'
import { quickOrder } from './helpers'

// Closing a payout takes every rep's earned commission: this spec runs alone, after the
// parallel ones (playwright.config.ts).

/** "R$ 1.234,56" → 123456 */
function cents(text: string): number {
  return Number(text.replace(/[^\d,]/g, '').replace(',', '.')) * 100
}

function brl(value: number): RegExp {
  const formatted = (value / 100).toLocaleString('pt-BR', { minimumFractionDigits: 2 })
  return new RegExp(`^R\\$\\s${formatted.replace(/\./g, '\\.')}$`)
}

test('a reactivated account orders; the rep sees the commission with the bonus, the manager invoices and pays it, and the statement shows it paid', async ({
  page,
  browser,
  world,
}) => {
  // The buyer of an account the portal reactivated weeks ago (a twin of the demo's) orders
  // online; the account belongs to a new rep at 3 %.
  const repUser = await world.rep()
  await world.loginAs(page, await world.buyer({ twinOf: 'acc_00005', repId: repUser.repId }))
  await quickOrder(page, 'CIM-0001 10')
  await page.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(page).toHaveURL(/\/orders\/\d+\?placed=1/)
  const orderId = /\/orders\/(\d+)/.exec(page.url())![1]!
  const total = cents((await page.getByTestId('order-total').textContent())!)
  // The rep's 3 % plus the 2 % reactivation bonus.
  const commission = Math.round((total * 500) / 10_000)

  // Another rep's account orders too.
  const other = await world.pageAs(browser, await world.buyer({ twinOf: 'acc_00002' }))
  await quickOrder(other, 'CIM-0001 10')
  await other.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(other).toHaveURL(/\/orders\/\d+\?placed=1/)
  const otherOrderId = /\/orders\/(\d+)/.exec(other.url())![1]!
  await other.context().close()

  const rep = await world.pageAs(browser, repUser)
  await rep.goto('/')
  await expect(rep).toHaveURL(/\/rep$/)
  const row = rep.getByTestId('rep-order').filter({ hasText: `#${orderId}` })
  await expect(row).toContainText('reativado')
  await expect(row.getByTestId('rep-order-commission')).toHaveText(brl(commission))
  await expect(row.getByTestId('rep-order-state')).toHaveText('Pendente')
  await expect(rep.getByTestId('rep-pending')).not.toHaveText('R$ 0,00')
  // Nothing of another rep's accounts, orders or commission.
  await expect(rep.getByTestId('rep-order').filter({ hasText: `#${otherOrderId}` })).toHaveCount(0)
  const mine = await (await rep.request.get('/rep/statement.csv')).text()
  expect(mine).not.toContain(`;${otherOrderId};`)
  // A rep has no business in the back office.
  expect((await rep.request.get('/admin/commission')).status()).toBe(403)

  // The manager invoices the order, then closes a payout.
  const manager = await world.pageAs(browser, await world.manager())
  await manager.goto(`/admin/orders/${orderId}`)
  await expect(manager.getByTestId('ledger-entry')).toHaveCount(1)
  await manager.getByLabel('Número da nota fiscal').fill('NF-1')
  await manager.getByRole('button', { name: 'Marcar faturado' }).click()
  await expect(manager.getByText('Situação do pedido atualizada.')).toBeVisible()
  await expect(manager.getByTestId('ledger-entry')).toHaveCount(3)
  await manager.goto('/admin/commission')
  await expect(manager.getByTestId('payout-row').filter({ hasText: repUser.repCode })).toBeVisible()
  // The demo closed a payout each month already.
  const batchesBefore = await manager.getByTestId('payout-batch').count()
  await manager.getByRole('button', { name: 'Fechar lote de pagamento' }).click()
  await expect(manager.getByText('Lote de pagamento fechado.')).toBeVisible()
  await expect(manager.getByTestId('payout-batch')).toHaveCount(batchesBefore + 1)
  await manager.context().close()

  // The rep's statement shows it paid, traceable to the order.
  await rep.reload()
  await expect(row.getByTestId('rep-order-state')).toHaveText('Paga')
  const statement = await (await rep.request.get('/rep/statement.csv')).text()
  const lines = statement.split('\r\n').filter((line) => line.includes(`;${orderId};`))
  // In Brazilian formats: the day in São Paulo, the entry types in Portuguese, decimal commas.
  const today = new Intl.DateTimeFormat('pt-BR', { timeZone: 'America/Sao_Paulo' }).format(
    new Date(),
  )
  expect(lines.map((line) => line.split(';').slice(7, 9).join(' '))).toEqual([
    'Crédito Pendente',
    'Liberação Pendente',
    'Liberação Liberada',
    'Pagamento Liberada',
    'Pagamento Paga',
  ])
  expect(lines.every((line) => line.startsWith(`${today};`))).toBe(true)
  expect(lines[0]!.split(';')[9]).toBe((commission / 100).toFixed(2).replace('.', ','))
  await rep.context().close()
})
