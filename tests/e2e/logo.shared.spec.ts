import sharp from 'sharp'
import { expect, test } from './fixtures'
import { snapshot } from './forms-helpers'

// The logo is the whole portal's: it runs alone. It replaces the demo company's logo, then
// removes its own, so the name shows as text again.
test('an admin uploads a logo; the storefront header and the login page show it', async ({
  page,
  browser,
  world,
}) => {
  test.setTimeout(2 * 60_000)
  await world.loginAs(page, await world.admin())
  await page.goto('/admin/settings')
  const region = page.getByRole('region', { name: 'Logotipo' })
  await expect(region.getByTestId('settings-logo')).toBeVisible()

  // Not an image: refused beside the field.
  await region.getByLabel('Arquivo do logotipo').setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  })
  await region.getByRole('button', { name: 'Enviar logotipo' }).click()
  await expect(region.getByText('O arquivo não é uma imagem JPEG, PNG ou WebP.')).toBeVisible()

  const logo = await sharp({
    create: { width: 360, height: 90, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .composite([
      {
        input: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="90"><rect x="0" y="10" width="70" height="70" rx="12" fill="#1d4ed8"/><text x="85" y="62" font-size="44" font-family="sans-serif" font-weight="bold" fill="#1e293b">Aurora</text></svg>',
        ),
      },
    ])
    .png()
    .toBuffer()
  await region.getByLabel('Arquivo do logotipo').setInputFiles({
    name: 'aurora.png',
    mimeType: 'image/png',
    buffer: logo,
  })
  await region.getByRole('button', { name: 'Enviar logotipo' }).click()
  await expect(region.getByText('Logotipo salvo.')).toBeVisible()
  await expect(region.getByTestId('settings-logo')).toBeVisible()

  try {
    const buyer = await world.pageAs(browser, await world.buyer())
    await buyer.goto('/catalog')
    const header = buyer.getByRole('banner').getByTestId('company-logo')
    await expect(header).toBeVisible()
    await expect
      .poll(() => header.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0)
    await expect(buyer.getByRole('banner').getByTestId('company-name')).toHaveCount(0)
    await snapshot(buyer, 'store-header-logo')
    await buyer.context().close()

    const visitor = await browser.newPage()
    await visitor.goto('/auth/login')
    const onLogin = visitor.getByTestId('company-logo')
    await expect
      .poll(() => onLogin.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0)
    await snapshot(visitor, 'login-logo')
    await visitor.close()
  } finally {
    await region.getByRole('button', { name: 'Remover logotipo' }).click()
    await expect(region.getByText('Logotipo removido.')).toBeVisible()
    await expect(region.getByText('Nenhum logotipo enviado.')).toBeVisible()
  }
  const visitor = await browser.newPage()
  await visitor.goto('/auth/login')
  await expect(visitor.getByTestId('company-name')).toBeVisible()
  await visitor.close()
})
