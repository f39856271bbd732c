import { expect, test } from './fixtures'
import { quickOrder } from './helpers'

test("a manager sets a rep's goals for the month; an order of the rep's account moves the rep's progress, the ranking and its CSV", async ({
  page,
  browser,
  world,
}) => {
  const repUser = await world.rep()
  await world.loginAs(page, await world.manager())
  await page.goto('/admin/goals')
  await expect(
    page.getByRole('heading', { name: 'Metas dos representantes', level: 1 }),
  ).toBeVisible()
  const form = page.getByRole('region', { name: /^Definir metas de / })
  await form.getByLabel('Representante').selectOption(repUser.repId)
  await form.getByLabel('Clientes positivados').fill('4')
  await form.getByLabel('Receita online').fill('muito')
  await form.getByRole('button', { name: 'Salvar' }).click()
  await expect(
    form.getByText('Informe um valor em reais de até 20.000.000,00, como 12.500,00.'),
  ).toBeVisible()
  await form.getByLabel('Receita online').fill('1.000,00')
  await form.getByRole('button', { name: 'Salvar' }).click()
  await expect(page.getByText('Metas salvas para 1 representante.')).toBeVisible()
  const row = page.getByTestId('goal-row').filter({ hasText: repUser.repCode })
  await expect(row.getByTestId('goal-onlineRevenueCents')).toContainText(
    /R\$\s0,00 de R\$\s1\.000,00/,
  )
  await expect(row.getByTestId('goal-reactivations')).toContainText('sem meta')

  // An account of the rep orders online.
  const buyer = await world.pageAs(
    browser,
    await world.buyer({ twinOf: 'acc_00002', repId: repUser.repId }),
  )
  await quickOrder(buyer, 'CIM-0001 10')
  await buyer.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(buyer).toHaveURL(/\/orders\/\d+\?placed=1/)
  // "R$ 1.234,50" → "1.234,50"
  const total = (await buyer.getByTestId('order-total').textContent())!.replace(/^R\$\s*/, '')
  await buyer.context().close()

  // The rep sees this month's goals and how far they are.
  const rep = await world.pageAs(browser, repUser)
  await rep.goto('/rep')
  const mine = rep.getByRole('region', { name: /^Suas metas de / })
  await expect(mine.getByTestId('goal-activeAccounts')).toContainText('1 de 4 (25%)')
  await expect(mine.getByRole('progressbar', { name: 'Clientes positivados' })).toHaveAttribute(
    'value',
    '25',
  )
  await expect(mine.getByTestId('goal-onlineRevenueCents')).toContainText(total)
  await expect(mine.getByTestId('goal-reactivations')).toHaveCount(0)
  expect((await rep.request.get('/admin/goals')).status()).toBe(403)
  expect((await rep.request.get('/admin/goals.csv')).status()).toBe(403)
  await rep.screenshot({ path: 'test-results/goals-rep.png', fullPage: true })
  await rep.context().close()

  // The ranking by active accounts: highest share of the goal first, reps without one last.
  await page.getByRole('link', { name: 'Clientes positivados' }).click()
  await expect(
    page.getByRole('heading', { name: 'Classificação por Clientes positivados' }),
  ).toBeVisible()
  const shares = (await page.getByTestId('goal-percent').allTextContents()).map((text) =>
    text === '—' ? -1 : Number(text.replace('%', '')),
  )
  expect(shares).toEqual([...shares].sort((a, b) => b - a))
  await expect(row.getByTestId('goal-activeAccounts')).toContainText('1 de 4')
  await expect(row.getByTestId('goal-percent')).toHaveText('25%')
  await expect(page.getByRole('img', { name: /Clientes positivados em / })).toBeVisible()
  await page.screenshot({ path: 'test-results/goals-admin.png', fullPage: true })
  const csv = await (await page.request.get('/admin/goals.csv')).text()
  const line = csv.split('\n').find((text) => text.includes(`;${repUser.repCode};`))
  expect(line).toMatch(/;0;;1;4;[\d.]+,\d\d;1000,00\s*$/)
})
