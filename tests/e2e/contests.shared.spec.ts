import { expect, test } from './fixtures'
import { quickOrder } from './helpers'

// Closing a payout takes every rep's earned commission: this spec runs alone, after the
// parallel ones (playwright.config.ts).

test("a manager sets a goal and a two-month contest; a reactivated account's order moves the rep's progress and standing; closing posts the prize once and the next payout pays it", async ({
  page,
  browser,
  world,
}) => {
  const repUser = await world.rep()
  const rival = await world.rep()
  const manager = await world.manager()
  await world.loginAs(page, manager)

  // A goal of two reactivations this month.
  await page.goto('/admin/goals')
  const goals = page.getByRole('region', { name: /^Definir metas de / })
  await goals.getByLabel('Representante').selectOption(repUser.repId)
  await goals.getByLabel('Reativações').fill('2')
  await goals.getByRole('button', { name: 'Salvar' }).click()
  await expect(page.getByText('Metas salvas para 1 representante.')).toBeVisible()

  // A two-month contest (the form's default period) for the two reps: R$ 50,00 per account
  // silent for more than 180 days, R$ 300,00 to the first.
  await page.goto('/admin/contests')
  await page.getByRole('link', { name: 'Novo concurso' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Novo concurso' })).toBeVisible()
  const name = `Desafio ${repUser.repCode}`
  await page.getByLabel('Nome').fill(name)
  const taking = page.getByRole('group', { name: 'Representantes que participam' })
  for (const box of await taking.getByRole('checkbox').all()) await box.uncheck()
  await taking.getByLabel(new RegExp(`^${repUser.repCode} · `)).check()
  await taking.getByLabel(new RegExp(`^${rival.repCode} · `)).check()
  await page.getByLabel('Valor por cliente reativado').fill('cinquenta')
  await page.getByLabel('Só clientes parados há mais de (dias)').fill('180')
  await page.getByLabel('Bônus para os primeiros (quantos)').fill('1')
  await page.getByRole('button', { name: 'Criar concurso' }).click()
  // Refused beside the field, nothing lost.
  await expect(
    page.getByText('Informe um valor em reais de até 10.000,00, como 50,00.'),
  ).toBeVisible()
  await expect(page.getByText('Informe quantos colocados e o valor do bônus')).toBeVisible()
  await expect(page.getByLabel('Nome')).toHaveValue(name)
  await page.getByLabel('Valor por cliente reativado').fill('50,00')
  await page.getByLabel('Bônus para cada um deles').fill('300,00')
  await page.getByRole('button', { name: 'Criar concurso' }).click()
  await expect(page.getByText('Concurso criado.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByTestId('contest-phase')).toHaveText('Em andamento')
  const contestUrl = new URL(page.url()).pathname
  await expect(page.getByTestId('contest-standing-row')).toHaveCount(2)

  // An account of the rep, silent for 400 days, comes back and orders online.
  const lapsed = await world.buyer({ repId: repUser.repId, status: 'INACTIVE' })
  await world.call('erpOrder', { accountId: lapsed.accountId, daysAgo: 400 })
  const buyer = await world.pageAs(browser, lapsed)
  await quickOrder(buyer, 'CIM-0001 10')
  await buyer.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(buyer).toHaveURL(/\/orders\/\d+\?placed=1/)
  await buyer.context().close()

  // The rep sees the goal move and their place in the contest.
  const rep = await world.pageAs(browser, repUser)
  await rep.goto('/rep')
  await expect(
    rep.getByRole('region', { name: /^Suas metas de / }).getByTestId('goal-reactivations'),
  ).toContainText('1 de 2 (50%)')
  const mine = rep.getByTestId('rep-contest').filter({ hasText: name })
  await expect(mine.getByTestId('contest-phase')).toHaveText('Em andamento')
  await expect(mine.getByTestId('rep-contest-mine')).toHaveText(
    /^Você está em 1º de 2 participantes e ganhou até agora R\$\s350,00\.$/,
  )
  await expect(mine.getByTestId('contest-standing-row')).toHaveCount(2)
  const myRow = mine.locator('[data-testid="contest-standing-row"][aria-current="true"]')
  await expect(myRow.getByTestId('contest-reactivations')).toHaveText('1')
  expect((await rep.request.get('/admin/contests')).status()).toBe(403)
  expect((await rep.request.get(contestUrl)).status()).toBe(403)
  await rep.screenshot({ path: test.info().outputPath('contest-rep.png'), fullPage: true })

  // The manager closes it before its last day, on purpose: the prizes are posted once.
  await page.reload()
  const first = page.getByTestId('contest-standing-row').first()
  await expect(first).toContainText(repUser.repCode)
  await expect(first.getByTestId('contest-total')).toHaveText(/R\$\s350,00/)
  await page.screenshot({ path: test.info().outputPath('contest-admin.png'), fullPage: true })
  await page.getByLabel('Encerrar antes do último dia').check()
  await page.getByRole('button', { name: 'Encerrar concurso' }).click()
  await expect(
    page.getByText('Concurso encerrado: R$ 350,00 lançados para 1 representante.'),
  ).toBeVisible()
  await expect(page.getByTestId('contest-phase')).toHaveText('Encerrado')
  await expect(page.getByTestId('contest-posted')).toContainText('R$ 350,00')
  // Closing again (a second tab, a replayed request) posts nothing more.
  const again = await page.request.post(contestUrl, {
    headers: { Origin: new URL(page.url()).origin },
    form: { intent: 'close', early: 'on' },
  })
  expect(again.status()).toBe(409)
  await page.reload()
  await expect(page.getByTestId('contest-posted')).toHaveText(
    /^R\$\s350,00 lançados no extrato em 2 lançamentos\.$/,
  )

  // The next payout pays the prize with the rep's earned commission.
  await page.goto('/admin/commission')
  await expect(page.getByTestId('payout-row').filter({ hasText: repUser.name })).toContainText(
    /R\$\s350,00/,
  )
  await page.getByRole('button', { name: 'Fechar lote de pagamento' }).click()
  await expect(page.getByText('Lote de pagamento fechado.')).toBeVisible()

  // The rep's statement: the prize, in Portuguese, paid.
  await rep.reload()
  await expect(rep.getByTestId('rep-paid')).toHaveText(/R\$\s350,00/)
  await expect(rep.getByTestId('rep-contest-mine').filter({ hasText: 'terminou' })).toHaveText(
    /^Você terminou em 1º de 2 participantes e ganhou R\$\s350,00\.$/,
  )
  const statement = await (await rep.request.get('/rep/statement.csv')).text()
  const prizes = statement.split('\r\n').filter((line) => line.includes(`;${name};`))
  expect(prizes.map((line) => line.split(';').slice(7, 10).join(' ')).sort()).toEqual([
    'Pagamento Liberada -350,00',
    'Pagamento Paga 350,00',
    'Prêmio de concurso Liberada 300,00',
    'Prêmio de concurso Liberada 50,00',
  ])
  await rep.context().close()
})
