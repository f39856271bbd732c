import { expect, test } from './fixtures'
import { expectFieldError } from './forms-helpers'

// The invitation funnel counts every invitation of the portfolio, and the unsubscribe test reads
// the campaign the first one sends: these run alone, in order, after the parallel specs
// (playwright.config.ts).

test('a manager invites the inactive accounts of one state with a coupon; a buyer comes back through the link and orders; the funnel counts it', async ({
  page,
  browser,
  world,
}) => {
  test.setTimeout(120_000)
  // The manager builds the segment, checks its size, attaches CONVITE5 and sends. The demo's
  // campaigns already brought shops back: the dashboard's funnel goes up by one.
  await world.loginAs(page, await world.manager())
  await page.goto('/admin')
  const firstOrdersBefore = Number(
    await page
      .getByTestId('dashboard-funnel')
      .getByTestId('funnel-firstOrder')
      .getByTestId('funnel-value')
      .textContent(),
  )
  await page.goto('/admin/campaigns/new')
  await page.getByRole('combobox', { name: 'UF' }).selectOption('PE')
  await page.getByRole('button', { name: 'Calcular tamanho' }).click()
  await expect(page.getByTestId('segment-size')).toContainText(
    /\d+ clientes no segmento; [1-9]\d* podem receber/,
  )
  await page.getByLabel('Nome da campanha').fill('Volta Pernambuco')
  await page
    .getByRole('combobox', { name: 'Oferta anexada' })
    .selectOption({ label: 'CONVITE5 · Convite de volta: 5% no pedido' })
  await page.getByRole('button', { name: 'Enviar convites' }).click()
  await expect(page).toHaveURL(/\/admin\/campaigns\/\w+\?created=\d+/)
  await expect(page.getByText(/Campanha criada: \d+ convites? na fila de envio\./)).toBeVisible()
  const campaignUrl = page.url().split('?')[0]!
  const firstRow = page.getByTestId('invitation-row').first()
  const email = (await firstRow.getByRole('cell').nth(1).textContent())!.trim()
  const accountName = (await firstRow.getByRole('link').textContent())!.trim()

  // The worker sends in the background; the invitation lands in the dev mailbox.
  const admin = await world.pageAs(browser, await world.admin())
  await expect(async () => {
    await admin.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`)
    await expect(admin.getByTestId('mail-row')).toHaveCount(1, { timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  await admin.getByTestId('mail-row').first().getByRole('link').click()
  await expect(admin.getByTestId('mail-subject')).toHaveText(
    `${accountName}, sentimos sua falta: condições especiais para voltar`,
  )
  const text = (await admin.getByTestId('mail-text').textContent()) ?? ''
  expect(text).toContain('CONVITE5')
  expect(text).toMatch(/\/unsubscribe\?e=/)
  const link = /(https?:\/\/\S+\/invite\/[\w.-]+)/.exec(text)![1]!
  await admin.context().close()

  // The buyer opens the link in a fresh browser, sets a password and lands with the coupon.
  const buyerContext = await browser.newContext()
  const buyer = await buyerContext.newPage()
  const invitePath = new URL(link).pathname
  await buyer.goto(invitePath)
  await expect(
    buyer.getByRole('heading', { name: `${accountName}, bem-vindo ao portal` }),
  ).toBeVisible()
  await expect(buyer.getByTestId('invite-offer')).toContainText('CONVITE5')
  await buyer.getByLabel('Seu nome').fill('Joana Compras')
  await buyer.getByLabel('Nova senha', { exact: true }).fill('curta')
  await buyer.getByLabel('Repita a nova senha').fill('curta')
  await buyer.getByRole('button', { name: 'Criar senha e entrar' }).click()
  await expectFieldError(
    buyer.getByLabel('Nova senha', { exact: true }),
    'A senha precisa ter pelo menos 8 caracteres.',
  )
  await buyer.getByLabel('Nova senha', { exact: true }).fill('voltei-para-ficar')
  await buyer.getByLabel('Repita a nova senha').fill('voltei-para-ficar')
  await buyer.getByRole('button', { name: 'Criar senha e entrar' }).click()
  await expect(buyer).toHaveURL(/\/cart\?welcome=CONVITE5/)
  await expect(
    buyer.getByText('Bem-vindo de volta! O cupom CONVITE5 já está no seu carrinho.'),
  ).toBeVisible()

  // The coupon applies to the order; the buyer orders.
  await buyer.getByLabel('Linhas do pedido rápido').fill('TIN-0002 3')
  await buyer.getByRole('button', { name: 'Adicionar ao carrinho' }).click()
  await expect(buyer.locator('[data-code="CONVITE5"]')).toBeVisible()
  await expect(buyer.getByTestId('cart-discount')).toBeVisible()
  await buyer.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(buyer).toHaveURL(/\/orders\/\d+\?placed=1/)

  // The link is single-use: opening it again says so.
  await buyer.goto(invitePath)
  await expect(buyer.getByTestId('invite-refused')).toContainText('Convite já utilizado')
  // The welcome banner names only a coupon that is really in the cart.
  await buyer.goto('/cart?welcome=FALSO99')
  await expect(buyer.getByRole('heading', { name: 'Carrinho' })).toBeVisible()
  await expect(buyer.getByText(/Bem-vindo de volta/)).toHaveCount(0)
  await buyerContext.close()

  // The account shows as reactivated by the campaign, and the funnel counts one order.
  await page.goto(campaignUrl)
  await expect(
    page.getByTestId('campaign-funnel').getByTestId('funnel-activated').getByTestId('funnel-value'),
  ).toHaveText('1')
  await expect(
    page
      .getByTestId('campaign-funnel')
      .getByTestId('funnel-firstOrder')
      .getByTestId('funnel-value'),
  ).toHaveText('1')
  await expect(
    page
      .getByTestId('campaign-funnel')
      .getByTestId('funnel-reactivated')
      .getByTestId('funnel-value'),
  ).toHaveText('1')
  const campaignId = campaignUrl.split('/').pop()!
  const csv = await (
    await page.request.get(`/admin/campaigns/funnel.csv?campaign=${campaignId}`)
  ).text()
  const totals = csv
    .split('\r\n')
    .find((line) => line.startsWith('TOTAL'))!
    .split(';')
  // TOTAL;;sent;delivered;bounced;clicked;activated;first;repeat;reactivated;orders;revenue
  expect(totals.slice(6, 11)).toEqual(['1', '1', '0', '1', '1'])
  const row = page.getByTestId('invitation-row').filter({ hasText: email })
  await expect(row).toContainText('Comprou')
  await row.getByRole('link', { name: accountName }).click()
  await expect(page.getByTestId('reactivated')).toContainText(
    'trazido pela campanha Volta Pernambuco',
  )
  // The dashboard's funnel of every invitation counts it too.
  await page.goto('/admin')
  await expect(
    page
      .getByTestId('dashboard-funnel')
      .getByTestId('funnel-firstOrder')
      .getByTestId('funnel-value'),
  ).toHaveText(String(firstOrdersBefore + 1))
})

test('the unsubscribe link asks first, then stops further invitations', async ({
  page,
  browser,
  world,
}) => {
  await world.loginAs(page, await world.manager())
  await page.goto('/admin/campaigns')
  const campaign = page.getByTestId('campaign-row').first()
  await campaign.getByRole('link').click()
  const email = (await page
    .getByTestId('invitation-row')
    .last()
    .getByRole('cell')
    .nth(1)
    .textContent())!.trim()
  const admin = await world.pageAs(browser, await world.admin())
  await admin.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`)
  await admin.getByTestId('mail-row').first().getByRole('link').click()
  const text = (await admin.getByTestId('mail-text').textContent()) ?? ''
  const unsubscribe = /(https?:\/\/\S+\/unsubscribe\?e=[\w-]+&s=[\w-]+)/.exec(text)![1]!
  await admin.context().close()

  const visitor = await browser.newContext()
  const tab = await visitor.newPage()
  const url = new URL(unsubscribe)
  await tab.goto(`${url.pathname}${url.search}`)
  await expect(tab.getByText(`Parar de enviar convites e ofertas para ${email}?`)).toBeVisible()
  await tab.getByRole('button', { name: 'Cancelar inscrição' }).click()
  await expect(
    tab.getByText(`Pronto: ${email} não recebe mais convites nem ofertas.`),
  ).toBeVisible()
  // Then, optionally, why the shop stopped buying: a comment needs a reason, and the answer
  // reaches the sales team's CSV.
  await tab.getByLabel('Comentário').fill('O atacadista entrega no mesmo dia.')
  await tab.getByRole('button', { name: 'Enviar resposta' }).click()
  await expect(tab.getByText('Escolha um motivo da lista para enviar o comentário.')).toBeVisible()
  await tab
    .getByLabel('Por que deixou de comprar')
    .selectOption({ label: 'Comprou de concorrente ou atacadista' })
  await tab.getByRole('button', { name: 'Enviar resposta' }).click()
  await expect(tab.getByText('Obrigado pela resposta.')).toBeVisible()
  const csv = await (await page.request.get('/admin/stop-reasons.csv')).text()
  expect(csv).toContain(';COMPETITOR;UNSUBSCRIBE;O atacadista entrega no mesmo dia.')
  await tab.goto(`${url.pathname}?e=${url.searchParams.get('e')}&s=forjado`)
  await expect(tab.getByText('Este link de descadastro não é válido.')).toBeVisible()
  await visitor.close()
})
