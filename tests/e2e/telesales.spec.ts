import { expect, test } from './fixtures'

/** A day from today in Brasília, as a date input takes it (yyyy-mm-dd). */
function brasiliaDay(offset: number) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(
    new Date(Date.now() + offset * 86_400_000),
  )
}

test('telesales work the queue: no answer, a call-back for tomorrow, then "not interested: price", which the dashboard counts', async ({
  page,
  browser,
  world,
}) => {
  const agent = await world.telesales()
  const rep = await world.rep()
  // Acre: no demo account is there, so the dashboard's row for AC is this account's alone.
  const shop = await world.buyer({
    repId: rep.repId,
    status: 'INACTIVE',
    state: 'AC',
    phone: '(68) 3224-5566',
    whatsapp: '+5568999887766',
  })
  await world.call('erpOrder', { accountId: shop.accountId, daysAgo: 150 })
  await world.call('callBackDue', { accountId: shop.accountId })
  await world.loginAs(page, agent)

  // The telesales team's back office opens on the queue, and stops there.
  await page.goto('/admin')
  await expect(page).toHaveURL('/admin/calls')
  await expect(page.getByRole('navigation', { name: 'Retaguarda' }).getByRole('link')).toHaveText([
    'Fila de ligações',
    'Clientes',
  ])
  await page.getByRole('link', { name: /^Retorno agendado \(\d+\)$/ }).click()
  const row = page.getByTestId('queue-row').filter({ hasText: shop.tradeName })
  await expect(row.locator('[data-reason]')).toHaveText(['Retorno agendado'])
  await expect(row.getByTestId('queue-phone')).toHaveText('(68) 3224-5566')
  await expect(row).toContainText('(68) 99988-7766')
  await expect(row).toContainText('há 150 dias')

  // One form for every outcome: nothing chosen is refused beside the choice.
  await row.getByText('Registrar contato').click()
  await row.getByRole('button', { name: 'Registrar' }).click()
  await expect(row.getByText('Escolha o resultado do contato.')).toBeVisible()
  await row.getByLabel('Não atendeu').check()
  await row.getByRole('button', { name: 'Registrar' }).click()
  await expect(page.getByTestId('contact-logged')).toHaveText(
    `Contato com ${shop.tradeName} registrado: Não atendeu.`,
  )
  // Worked: out of the queue for a week.
  await expect(page.getByTestId('queue-row').filter({ hasText: shop.tradeName })).toHaveCount(0)

  // On the account's page: a call-back for tomorrow, then "not interested" with its reason.
  await page.goto(`/admin/accounts/${shop.accountId}`)
  const form = page.getByRole('form', { name: `Registrar contato: ${shop.tradeName}` })
  await form.getByLabel('Retornar em uma data').check()
  await form.getByRole('button', { name: 'Registrar' }).click()
  await expect(form.getByText('Informe o dia do retorno.')).toBeVisible()
  await form.getByLabel('Dia do retorno').fill(brasiliaDay(-1))
  await form.getByRole('button', { name: 'Registrar' }).click()
  await expect(form.getByText('O retorno deve ser hoje ou depois.')).toBeVisible()
  await form.getByLabel('Dia do retorno').fill(brasiliaDay(1))
  await form.getByRole('button', { name: 'Registrar' }).click()
  await expect(page.getByTestId('contact-logged')).toContainText('Retornar em uma data')

  await form.getByLabel('Não tem interesse').check()
  await form.getByRole('button', { name: 'Registrar' }).click()
  await expect(form.getByText('Escolha por que o cliente parou de comprar.')).toBeVisible()
  await form.getByLabel('Por que parou de comprar').selectOption({ label: 'Preço' })
  await form.getByLabel('Observação').fill('O depósito da cidade vende mais barato.')
  await form.getByRole('button', { name: 'Registrar' }).click()
  await expect(page.getByTestId('contact-logged')).toContainText('Não tem interesse')

  const timeline = page.getByTestId('timeline')
  await expect(timeline.locator('li[data-kind="contact"]')).toHaveCount(3)
  await expect(timeline.locator('li[data-kind="contact"]').first()).toContainText(
    'Telefone: Não tem interesse, por Televendas Teste · Por que parou: Preço',
  )
  await page.getByLabel('Nota', { exact: true }).fill('Falar com o dono às sextas.')
  await page.getByRole('button', { name: 'Adicionar nota' }).click()
  await expect(page.getByText('Nota adicionada.')).toBeVisible()
  await expect(timeline.locator('li').first()).toContainText('Falar com o dono às sextas.')

  // Telesales fix contact data but do not move accounts between reps.
  await expect(page.getByRole('combobox', { name: 'Representante' })).toHaveCount(0)
  // Nor open the back office's order page (status changes, refunds).
  await expect(page.getByRole('link', { name: /^Ver pedido/ })).toHaveCount(0)
  await page.getByRole('textbox', { name: 'WhatsApp' }).fill('12345')
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByText('Informe um telefone com DDD, ex.: (11) 98765-4321.')).toBeVisible()

  // No settings, imports or commission for them.
  for (const path of [
    '/admin/settings',
    '/admin/imports',
    '/admin/commission',
    '/admin/accounts.csv',
    '/admin/stop-reasons.csv',
    `/admin/orders/1`,
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(403)
  }

  // The manager's dashboard counts the reason under the account's state.
  const manager = await world.pageAs(browser, await world.manager())
  await manager.goto('/admin?reasonsBy=state')
  const acre = manager.getByTestId('stop-reason-row').filter({ hasText: /^AC/ })
  await expect(acre.locator('[data-reason="PRICE"]')).toHaveText('1')
  const csv = await (await manager.request.get('/admin/stop-reasons.csv')).text()
  expect(csv).toContain(`${shop.tradeName};AC;`)
  expect(csv).toContain(';PRICE;CALL;O depósito da cidade vende mais barato.')
  await manager.context().close()
})

test('a WhatsApp invitation from the queue: the chat link carries a signed link that opens the shop’s invitation', async ({
  page,
  browser,
  world,
}) => {
  const agent = await world.telesales()
  const shop = await world.buyer({ status: 'INACTIVE', whatsapp: '+5568999001122' })
  await world.call('erpOrder', { accountId: shop.accountId, daysAgo: 200 })
  await world.call('callBackDue', { accountId: shop.accountId })
  await world.loginAs(page, agent)
  await page.goto('/admin/calls?reason=CALL_BACK')
  const row = page.getByTestId('queue-row').filter({ hasText: shop.tradeName })
  await row.getByRole('button', { name: 'Convidar por WhatsApp' }).click()
  await expect(page.getByTestId('invite-answer')).toContainText(
    `Convite por WhatsApp criado para ${shop.tradeName}.`,
  )
  const href = new URL((await page.getByTestId('whatsapp-link').getAttribute('href'))!)
  expect(`${href.origin}${href.pathname}`).toBe('https://wa.me/5568999001122')
  const link = /(https?:\/\/\S+\/invite\/\S+)$/.exec(href.searchParams.get('text')!)![1]!
  const shopPage = await (await browser.newContext()).newPage()
  await shopPage.goto(new URL(new URL(link).pathname, page.url()).toString())
  await expect(shopPage.getByText(shop.tradeName)).toBeVisible()
  // A tampered link changes nothing and says so.
  const tampered = await shopPage.goto(new URL(`${new URL(link).pathname}x`, page.url()).toString())
  expect(tampered?.status()).toBe(404)
  await shopPage.context().close()

  // The campaigns page's funnel counts it under its channel.
  const manager = await world.pageAs(browser, await world.manager())
  await manager.goto('/admin/campaigns')
  const whatsapp = manager.locator('[data-testid="channel-funnel-row"][data-key="WHATSAPP"]')
  await expect(whatsapp.locator('td').first()).toHaveText('WhatsApp')
  expect(Number(await whatsapp.locator('[data-step="sent"]').textContent())).toBeGreaterThan(0)
  expect(Number(await whatsapp.locator('[data-step="clicked"]').textContent())).toBeGreaterThan(0)
  await manager.context().close()
})

test('a rep works the queue of their own accounts only; buyers and reps get 403 on the back-office queue', async ({
  page,
  browser,
  world,
}) => {
  const repUser = await world.rep()
  const other = await world.rep()
  const mine = await world.buyer({ repId: repUser.repId, status: 'INACTIVE' })
  const theirs = await world.buyer({ repId: other.repId, status: 'INACTIVE' })
  for (const account of [mine, theirs]) {
    await world.call('callBackDue', { accountId: account.accountId })
  }
  await world.loginAs(page, repUser)
  await page.goto('/rep')
  await page.getByRole('link', { name: 'Quem contatar' }).click()
  await expect(page.getByTestId('queue-row')).toHaveCount(1)
  await expect(page.getByTestId('queue-row')).toContainText(mine.tradeName)
  await expect(page.getByRole('button', { name: 'Fazer pedido pelo cliente' })).toHaveCount(0)

  // A forged log on another rep's account: 404, nothing written.
  const forged = await page.request.post('/rep/calls', {
    form: { intent: 'contact', accountId: theirs.accountId, outcome: 'REACHED' },
    headers: { Origin: new URL(page.url()).origin },
  })
  expect(forged.status()).toBe(404)
  expect((await page.goto('/admin/calls'))?.status()).toBe(403)

  const buyerPage = await world.pageAs(browser, mine)
  expect((await buyerPage.goto('/admin/calls'))?.status()).toBe(403)
  expect((await buyerPage.goto('/rep/calls'))?.status()).toBe(403)
  await buyerPage.context().close()
})
