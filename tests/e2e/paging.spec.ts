import { expect, test } from './fixtures'

// The list sizes of the back office (ACCOUNTS_PAGE_SIZE, CAMPAIGNS_PAGE_SIZE).
const ACCOUNTS_PAGE = 50
const CAMPAIGNS_PAGE = 20

test('the accounts list goes to page 2 and back, and a page that makes no sense shows one that does', async ({
  page,
  world,
}) => {
  const { state, names } = await world.call('accountsInOwnState', { count: ACCOUNTS_PAGE + 3 })
  await world.loginAs(page, await world.manager())
  const rows = page.getByTestId('account-row')
  const pageLabel = page.getByRole('navigation', { name: /^Página \d+ de \d+$/ })

  await page.goto(`/admin/accounts?state=${state}`)
  await expect(page.getByTestId('accounts-total')).toHaveText(`${ACCOUNTS_PAGE + 3} clientes`)
  await expect(rows).toHaveCount(ACCOUNTS_PAGE)
  await expect(rows.first()).toContainText(names[0]!)
  await expect(pageLabel).toHaveAccessibleName('Página 1 de 2')

  await page.getByRole('link', { name: 'Próxima' }).click()
  await expect(page).toHaveURL(/[?&]page=2\b/)
  await expect(pageLabel).toHaveAccessibleName('Página 2 de 2')
  await expect(rows).toHaveCount(3)
  for (const [index, name] of names.slice(ACCOUNTS_PAGE).entries())
    await expect(rows.nth(index)).toContainText(name)
  // The filter stays on while paging.
  await expect(page).toHaveURL(new RegExp(`state=${state}`))

  await page.getByRole('link', { name: 'Anterior' }).click()
  await expect(page).toHaveURL(/[?&]page=1\b/)
  await expect(rows).toHaveCount(ACCOUNTS_PAGE)
  await expect(rows.first()).toContainText(names[0]!)

  for (const [silly, shown] of [
    ['abc', 1],
    ['0', 1],
    ['-3', 1],
    ['1.5', 1],
    ['', 1],
    ['9999', 2],
  ] as const) {
    const response = await page.goto(`/admin/accounts?state=${state}&page=${silly}`)
    expect(response?.status(), `page=${silly}`).toBe(200)
    await expect(pageLabel).toHaveAccessibleName(`Página ${shown} de 2`)
    await expect(rows.first()).toContainText(names[(shown - 1) * ACCOUNTS_PAGE]!)
  }
  // Another filter value out of range is left out, not a server error.
  const response = await page.goto(`/admin/accounts?state=${state}&minDays=muitos`)
  expect(response?.status()).toBe(200)
  await expect(page.getByTestId('accounts-total')).toHaveText(`${ACCOUNTS_PAGE + 3} clientes`)
})

test('the campaigns list shows the newest first and pages through the rest', async ({
  page,
  world,
}) => {
  // One more than a page: the newest of them opens page 1, the oldest is on page 2.
  const { names } = await world.call('sentCampaigns', { count: CAMPAIGNS_PAGE + 1 })
  const newest = names[0]!
  const oldest = names.at(-1)!
  await world.loginAs(page, await world.manager())
  const rows = page.getByTestId('campaign-row')

  await page.goto('/admin/campaigns')
  await expect(rows).toHaveCount(CAMPAIGNS_PAGE)
  await expect(rows.filter({ hasText: newest })).toHaveCount(1)
  await expect(rows.filter({ hasText: oldest })).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('campaigns-list.png'), fullPage: true })

  await page.getByRole('link', { name: 'Próxima' }).click()
  await expect(page).toHaveURL(/[?&]page=2\b/)
  await expect(rows.filter({ hasText: oldest })).toHaveCount(1)
  await expect(rows.filter({ hasText: newest })).toHaveCount(0)

  await page.getByRole('link', { name: 'Anterior' }).click()
  await expect(rows.filter({ hasText: newest })).toHaveCount(1)

  for (const silly of ['abc', '0', '1.25', '99999']) {
    const response = await page.goto(`/admin/campaigns?page=${silly}`)
    expect(response?.status(), `page=${silly}`).toBe(200)
    await expect(rows.first()).toBeVisible()
  }
})

test('the account page lists an invitation once a campaign sends it, linking to the campaign', async ({
  page,
  world,
}) => {
  const state = `Z${Math.random().toString(36).slice(2, 7).toUpperCase()}`
  const buyer = await world.buyer({ status: 'INACTIVE', state })
  await world.loginAs(page, await world.manager())
  const invitationsHeading = page.getByRole('heading', { name: 'Convites enviados' })
  const invitations = page.getByTestId('account-invitation')

  await page.goto(`/admin/accounts/${buyer.accountId}`)
  await expect(invitationsHeading).toBeVisible()
  await expect(page.getByText('Nenhum convite enviado ainda.')).toBeVisible()
  await expect(invitations).toHaveCount(0)

  // A campaign to the inactive accounts of this test's own state: this account alone.
  const campaignName = `Convite da paginação ${state}`
  await page.goto('/admin/campaigns/new')
  await page.getByRole('combobox', { name: 'UF' }).selectOption(state)
  await page.getByLabel('Nome da campanha').fill(campaignName)
  await page.getByRole('button', { name: 'Enviar convites' }).click()
  await expect(page).toHaveURL(/\/admin\/campaigns\/\w+\?created=1$/)
  const campaignPath = new URL(page.url()).pathname

  await page.goto(`/admin/accounts/${buyer.accountId}`)
  await expect(page.getByText('Nenhum convite enviado ainda.')).toHaveCount(0)
  await expect(invitations).toHaveCount(1)
  await expect(invitations.first()).toContainText(buyer.accountEmail)
  await expect(invitations.first()).toContainText(/Na fila|Enviado|Entregue/)
  await expect(invitations.first()).toContainText(/Link válido até \d{2}\/\d{2}\/\d{4}/)
  await page.screenshot({ path: test.info().outputPath('account-invitations.png'), fullPage: true })
  await invitations
    .first()
    .getByRole('link', { name: `Campanha “${campaignName}”` })
    .click()
  await expect(page).toHaveURL(campaignPath)
  await expect(page.getByRole('heading', { name: campaignName })).toBeVisible()
})
