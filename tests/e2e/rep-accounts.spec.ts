import { expect, test } from './fixtures'

test("a rep opens one of their accounts and sees its contacts, orders and status; another rep's account is 404", async ({
  page,
  world,
}) => {
  const repUser = await world.rep()
  const otherRep = await world.rep()
  const mine = await world.buyer({
    repId: repUser.repId,
    status: 'INACTIVE',
    phone: '(19) 3232-4545',
  })
  const order = await world.call('erpOrder', { accountId: mine.accountId, daysAgo: 120 })
  const theirs = await world.buyer({ repId: otherRep.repId, status: 'INACTIVE' })
  await world.loginAs(page, repUser)

  await page.goto('/rep/accounts')
  await page.getByRole('link', { name: mine.tradeName }).click()
  await expect(page).toHaveURL(`/rep/accounts/${mine.accountId}`)
  await expect(page.getByRole('heading', { level: 1, name: mine.tradeName })).toBeVisible()
  await expect(page.getByTestId('account-status')).toHaveText('Inativo')
  await expect(page.getByTestId('account-phone')).toContainText('(19) 3232-4545')
  await expect(page.getByTestId('account-email')).toContainText(mine.accountEmail)
  const row = page.getByTestId('account-order')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(`#${order.id}`)
  await expect(row).toContainText(order.externalRef)
  // Read-only: the rep has no order page, so the number is not a link.
  await expect(row.getByRole('link')).toHaveCount(0)

  const response = await page.goto(`/rep/accounts/${theirs.accountId}`)
  expect(response?.status()).toBe(404)
  await expect(page.getByText(theirs.tradeName)).toHaveCount(0)
  expect((await page.goto('/rep/accounts/acc_that_does_not_exist'))?.status()).toBe(404)
})

test('a rep invites an inactive account from its page; a recently active one is refused with the reason', async ({
  page,
  world,
}) => {
  const repUser = await world.rep()
  const inactive = await world.buyer({ repId: repUser.repId, status: 'INACTIVE' })
  await world.call('erpOrder', { accountId: inactive.accountId, daysAgo: 150 })
  const buying = await world.buyer({ repId: repUser.repId, status: 'ACTIVE' })
  await world.call('erpOrder', { accountId: buying.accountId, daysAgo: 5 })
  await world.loginAs(page, repUser)

  await page.goto(`/rep/accounts/${inactive.accountId}`)
  await page.getByRole('button', { name: 'Convidar por e-mail' }).click()
  await expect(page.getByTestId('invite-answer')).toHaveText('Convite na fila de envio.')
  await expect(page.getByTestId('account-invitation')).toHaveCount(1)
  await expect(page.getByTestId('account-invitation')).toContainText(inactive.accountEmail)

  await page.goto(`/rep/accounts/${buying.accountId}`)
  await page.getByRole('button', { name: 'Convidar por e-mail' }).click()
  await expect(page.getByTestId('invite-answer')).toHaveText(
    'Este cliente está ativo e comprou recentemente: um convite de “sentimos sua falta” não faz sentido agora.',
  )
  await expect(
    page.getByRole('button', { name: 'Convidar por e-mail' }),
  ).toHaveAccessibleDescription(/comprou recentemente/)
  await expect(page.getByText('Nenhum convite enviado ainda.')).toBeVisible()
})

test('a rep invites an account by WhatsApp: the chat opens with the message and a link that works', async ({
  page,
  browser,
  world,
}) => {
  const repUser = await world.rep()
  const shop = await world.buyer({
    repId: repUser.repId,
    status: 'INACTIVE',
    phone: '(19) 99876-5432',
  })
  await world.call('erpOrder', { accountId: shop.accountId, daysAgo: 200 })
  const silent = await world.buyer({ repId: repUser.repId, status: 'INACTIVE' })
  await world.loginAs(page, repUser)

  // No phone, no WhatsApp button.
  await page.goto(`/rep/accounts/${silent.accountId}`)
  await expect(page.getByRole('button', { name: 'Convidar por e-mail' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Convidar por WhatsApp' })).toHaveCount(0)

  await page.goto(`/rep/accounts/${shop.accountId}`)
  await expect(
    page.getByRole('button', { name: 'Convidar por WhatsApp' }),
  ).toHaveAccessibleDescription(/Abre o seu WhatsApp/)
  await page.getByRole('button', { name: 'Convidar por WhatsApp' }).click()
  await expect(page.getByTestId('invite-answer')).toContainText('Convite criado.')
  const chat = page.getByRole('link', { name: 'Abrir o WhatsApp para enviar' })
  const href = new URL((await chat.getAttribute('href'))!)
  expect(`${href.origin}${href.pathname}`).toBe('https://wa.me/5519998765432')
  const text = href.searchParams.get('text')!
  expect(text).toContain(shop.tradeName)
  await expect(page.getByTestId('account-invitation')).toHaveCount(1)
  await expect(page.getByTestId('account-invitation')).toContainText('WhatsApp')
  // The same day, no second invitation by either channel.
  await page.getByRole('button', { name: 'Convidar por e-mail' }).click()
  await expect(page.getByTestId('invite-answer')).toHaveText(
    'Este cliente já recebeu um convite nas últimas 24 horas.',
  )

  // The shop opens the link from the message (here, on this server): the invitation's page.
  const link = /(https?:\/\/\S+\/invite\/\S+)$/.exec(text)![1]!
  const shopPage = await (await browser.newContext()).newPage()
  await shopPage.goto(new URL(new URL(link).pathname, page.url()).toString())
  await expect(shopPage.getByText(shop.tradeName)).toBeVisible()
  await shopPage.context().close()
})
