import { type Locator, type Page } from '@playwright/test'
import sharp from 'sharp'
import { expect, test } from './fixtures'
import { snapshot } from './forms-helpers'

/** A photo made now: a coloured block with a lighter band, `width` × `height` pixels. */
async function photo(width = 900, height = 700) {
  return sharp({ create: { width, height, channels: 3, background: '#b45309' } })
    .composite([
      {
        input: await sharp({
          create: { width, height: Math.round(height / 3), channels: 3, background: '#fde68a' },
        })
          .png()
          .toBuffer(),
        top: Math.round(height / 3),
        left: 0,
      },
    ])
    .png()
    .toBuffer()
}

/** Whether the image really loaded (a broken image has no natural width). */
async function expectLoaded(image: Locator) {
  // Retried whole: the page may render the image again (revalidation) while it is checked.
  await expect(async () => {
    await image.scrollIntoViewIfNeeded({ timeout: 5_000 })
    const width = await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)
    expect(width).toBeGreaterThan(0)
  }).toPass({ timeout: 30_000 })
}

const photoField = (page: Page) => page.getByLabel(/^(Foto do produto|Trocar a foto)$/)

test('a manager gives a product a photo; the buyer sees it in the catalog, on its page and in the cart', async ({
  page,
  browser,
  world,
}) => {
  test.setTimeout(3 * 60_000)
  const product = await world.call('catalogProduct')
  await world.loginAs(page, await world.manager())
  await page.goto(`/admin/catalog/${product.id}`)
  const name = await page.getByLabel('Nome', { exact: true }).inputValue()

  // Not an image, whatever its name: refused beside the field, the typed name kept, nothing saved.
  await page.getByLabel('Nome', { exact: true }).fill(`${name} novo`)
  await photoField(page).setInputFiles({
    name: 'foto.png',
    mimeType: 'image/png',
    buffer: Buffer.from('sku;nome\nA;B\n'),
  })
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByText('O arquivo não é uma imagem JPEG, PNG ou WebP.')).toBeVisible()
  await expect(photoField(page)).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Nome', { exact: true })).toHaveValue(`${name} novo`)
  await page.reload()
  await expect(page.getByLabel('Nome', { exact: true })).toHaveValue(name)

  // 20 MB: refused in the browser before sending…
  const huge = Buffer.alloc(20 * 1024 * 1024, 1)
  await photoField(page).setInputFiles({ name: 'enorme.png', mimeType: 'image/png', buffer: huge })
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByText('A imagem passa de 5 MB. Envie uma imagem menor.')).toBeVisible()
  // …and by the server, which reads the rest of the form and answers beside the field.
  const response = await page.request.post(`/admin/catalog/${product.id}`, {
    headers: { Origin: new URL(page.url()).origin },
    multipart: {
      intent: 'save',
      sku: product.sku,
      name: 'Trocado pelo envio enorme',
      image: { name: 'enorme.png', mimeType: 'image/png', buffer: huge },
    },
    maxRedirects: 0,
  })
  expect(response.status()).toBe(400)
  expect(await response.text()).toContain('A imagem passa de 5 MB')
  await page.reload()
  await expect(page.getByLabel('Nome', { exact: true })).toHaveValue(name)
  await expect(page.getByRole('img', { name })).toHaveAttribute('data-placeholder', '')

  // A real photo.
  await photoField(page).setInputFiles({
    name: 'cimento.png',
    mimeType: 'image/png',
    buffer: await photo(),
  })
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Alterações salvas.' })).toBeVisible()
  await expectLoaded(page.getByAltText(name, { exact: true }))
  await snapshot(page, 'product-image-form')

  const buyer = await world.pageAs(browser, await world.buyer())
  await buyer.goto(`/catalog?q=${product.sku}`)
  const card = buyer.getByTestId('product-card')
  await expect(card).toHaveCount(1)
  const cardImage = card.getByAltText(name)
  await expect(cardImage).toHaveAttribute('loading', 'lazy')
  await expect(cardImage).toHaveAttribute('srcset', /\/images\/\w+\/320\.webp 320w/)
  await expectLoaded(cardImage)
  await snapshot(buyer, 'catalog-with-image')

  await buyer.goto(`/products/${product.sku}`)
  const main = buyer.getByAltText(name)
  await expect(main).toHaveAttribute('loading', 'eager')
  await expect(main).toHaveAttribute('fetchpriority', 'high')
  await expect(main).toHaveAttribute('width', '320')
  await expectLoaded(main)
  await snapshot(buyer, 'product-page-image')
  // The variant is cached for a year under a URL that changes with the photo.
  const src = await main.evaluate((img: HTMLImageElement) => img.currentSrc)
  const served = await buyer.request.get(src)
  expect(served.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(served.headers()['content-type']).toBe('image/webp')

  await buyer
    .getByRole('button', { name: /Adicionar/ })
    .first()
    .click()
  // Added before the cart is opened (the add is a request of its own).
  await expect(buyer.getByText(/no carrinho\./)).toBeVisible()
  await buyer.goto('/cart')
  const line = buyer.getByTestId('cart-line').filter({ hasText: product.sku })
  await expectLoaded(line.getByAltText(name))
  await snapshot(buyer, 'cart-image')
  await buyer.context().close()

  // Removed: the store shows the placeholder again, and the old URL is gone.
  await page.getByLabel('Remover a foto').check()
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Alterações salvas.' })).toBeVisible()
  await expect(page.getByRole('img', { name })).toHaveAttribute('data-placeholder', '')
  expect((await page.request.get(src)).status()).toBe(404)
})

test('products without a photo show a placeholder, never a broken image', async ({
  page,
  world,
}) => {
  const product = await world.call('catalogProduct')
  await world.loginAs(page, await world.buyer())
  await page.goto(`/catalog?q=${product.sku}`)
  const card = page.getByTestId('product-card')
  await expect(card).toHaveCount(1)
  await expect(card.locator('[data-placeholder]')).toBeVisible()
  await expect(card.locator('img')).toHaveCount(0)
  await page.goto('/catalog')
  const broken = await page
    .locator('img')
    .evaluateAll(
      (images) =>
        images.filter(
          (img) => (img as HTMLImageElement).complete && !(img as HTMLImageElement).naturalWidth,
        ).length,
    )
  expect(broken).toBe(0)
  await snapshot(page, 'catalog-placeholders')
})

test('a buyer and a rep get 403 on the photo uploads; a manager on the logo', async ({
  browser,
  world,
  baseURL,
}) => {
  const headers = { Origin: new URL(baseURL!).origin }
  const product = await world.call('catalogProduct')
  const image = { name: 'a.png', mimeType: 'image/png', buffer: await photo(40, 40) }
  const uploads: [string, Record<string, string | typeof image>][] = [
    ['/admin/catalog/new', { intent: 'save', sku: 'X-1', name: 'Intruso', image }],
    [`/admin/catalog/${product.id}`, { intent: 'save', sku: product.sku, name: 'X', image }],
    [`/admin/catalog/${product.id}`, { intent: 'save', sku: product.sku, removeImage: 'on' }],
    ['/admin/settings', { intent: 'logo', logo: image }],
    ['/admin/settings', { intent: 'logo', remove: 'on' }],
  ]
  for (const user of [await world.buyer(), await world.rep()]) {
    const page = await world.pageAs(browser, user)
    for (const [url, multipart] of uploads) {
      const response = await page.request.post(url, { headers, multipart, maxRedirects: 0 })
      expect([url, response.status()]).toEqual([url, 403])
    }
    await page.context().close()
  }
  const manager = await world.pageAs(browser, await world.manager())
  for (const [url, multipart] of uploads.slice(3)) {
    const response = await manager.request.post(url, { headers, multipart, maxRedirects: 0 })
    expect([url, response.status()]).toEqual([url, 403])
  }
  await manager.context().close()
})

test('the image route refuses what it does not serve, never with a 500', async ({ request }) => {
  for (const path of [
    '/images/x/320.webp',
    '/images/x/321.webp',
    '/images/%00/320.webp',
    "/images/'or'1'='1/320.png",
    '/images/x/320.svg',
    '/images/x/99999999999999999999.webp',
    `/images/${'a'.repeat(500)}/320.webp`,
  ]) {
    const response = await request.get(path)
    expect([path, response.status()]).toEqual([path, 404])
    // A refusal is never kept by a shared cache (the photo may be shown later, or to staff).
    expect([path, response.headers()['cache-control']]).toEqual([path, 'no-store'])
  }
})
