import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectFieldError, recordPosts, snapshot } from './forms-helpers'

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })

function slug() {
  return Math.random().toString(36).slice(2, 8)
}

async function createFamily(page: Page, name: string, parent?: string) {
  const form = page.getByRole('region', { name: 'Nova família' })
  await form.getByLabel('Nome', { exact: true }).fill(name)
  if (parent) await form.getByLabel('Dentro de').selectOption({ label: parent })
  await form.getByRole('button', { name: 'Criar família' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Família criada.' })).toBeVisible()
  await expect(page.getByTestId('family-row').filter({ hasText: name }).first()).toBeVisible()
}

test('a manager builds families and a product, the buyer finds it, and deactivating the family hides it', async ({
  page,
  browser,
  world,
}) => {
  test.setTimeout(3 * 60_000)
  const tag = slug()
  const family = `Família ${tag}`
  const sub = `Sub ${tag}`
  const sku = `E2E-${tag}`.toUpperCase()
  await world.loginAs(page, await world.manager())
  await page.goto('/admin')
  await page.getByRole('navigation').getByRole('link', { name: 'Catálogo' }).click()
  await expect(page).toHaveURL(/\/admin\/catalog$/, { timeout: 15_000 })
  await expect(page.getByRole('heading', { name: 'Catálogo', level: 1 })).toBeVisible()
  await page.getByRole('link', { name: 'Famílias' }).click()
  await createFamily(page, family)
  await createFamily(page, sub, family)
  await snapshot(page, 'catalog-families')

  await page.goto('/admin/catalog/new')
  await field(page, 'SKU').fill(sku.toLowerCase())
  await field(page, 'Nome').fill(`Argamassa ${tag}`)
  await field(page, 'Família').selectOption({ label: `\u00a0\u00a0${sub}` })
  await field(page, 'Unidade').fill('sc')
  await field(page, 'Quantidade por embalagem').fill('4')
  await field(page, 'Preço de lista (R$)').fill('1.234,50')
  await field(page, 'Estoque').fill('80')
  await field(page, 'Descrição').fill('Saco de 20 kg')
  await page.getByRole('button', { name: 'Criar produto' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Produto criado.' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(sku)
  const productUrl = page.url()

  // Edited: a new name and price, kept after the save.
  await field(page, 'Nome').fill(`Argamassa Forte ${tag}`)
  await field(page, 'Preço de lista (R$)').fill('99,90')
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Alterações salvas.' })).toBeVisible()
  await expect(field(page, 'Preço de lista (R$)')).toHaveValue('99,90')
  await snapshot(page, 'catalog-product')

  // On the list, found by SKU.
  await page.goto(`/admin/catalog?q=${tag}`)
  await expect(page.getByTestId('product-row')).toHaveCount(1)
  await expect(page.getByTestId('product-row')).toContainText(`Argamassa Forte ${tag}`)
  await expect(page.getByTestId('products-total')).toHaveText('1 produto')

  // The buyer finds it in the store.
  const buyer = await world.pageAs(browser, await world.buyer())
  await buyer.goto(`/catalog?q=${tag}`)
  await expect(buyer.getByTestId('product-card')).toHaveCount(1)
  await expect(buyer.getByTestId('product-card')).toContainText(`Argamassa Forte ${tag}`)

  // The parent family deactivated: the sub-family's product leaves the store.
  await page.goto('/admin/catalog/families')
  await page.getByRole('button', { name: `Desativar ${family}`, exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Família desativada.' })).toBeVisible()
  await buyer.goto(`/catalog?q=${tag}`)
  await expect(buyer.getByTestId('product-card')).toHaveCount(0)
  await buyer.goto(`/products/${sku}`)
  await expect(buyer.getByText(`Argamassa Forte ${tag}`)).toHaveCount(0)

  // Reactivated, it is back.
  await page.getByRole('button', { name: `Reativar ${family}`, exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Família reativada.' })).toBeVisible()
  await buyer.goto(`/catalog?q=${tag}`)
  await expect(buyer.getByTestId('product-card')).toHaveCount(1)
  await buyer.context().close()

  // The product deactivated is hidden too.
  await page.goto(productUrl)
  await page.getByRole('button', { name: 'Desativar produto' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Produto desativado.' })).toBeVisible()
  await expect(field(page, 'Ativo (aparece na loja)')).not.toBeChecked()
})

test('bad product input shows errors beside the fields and writes nothing', async ({
  page,
  world,
  baseURL,
}) => {
  const tag = slug()
  await world.loginAs(page, await world.manager())
  await page.goto('/admin/catalog/new')
  const posts = recordPosts(page)
  await field(page, 'SKU').fill('cim-0001')
  await field(page, 'Nome').fill(`Errado ${tag}`)
  await field(page, 'Família').selectOption({ index: 1 })
  await field(page, 'Quantidade por embalagem').fill('0')
  await field(page, 'Preço de lista (R$)').fill('-5,00')
  await page.getByRole('button', { name: 'Criar produto' }).click()
  await expectFieldError(
    field(page, 'Quantidade por embalagem'),
    'Informe um número inteiro de 1 a 100000.',
  )
  await expectFieldError(
    field(page, 'Preço de lista (R$)'),
    'Informe um preço maior que zero, por exemplo 35,90.',
  )
  expect(posts).toEqual([])

  // Only the server knows the SKU is taken (in other capitals).
  await field(page, 'Quantidade por embalagem').fill('1')
  await field(page, 'Preço de lista (R$)').fill('10,00')
  await page.getByRole('button', { name: 'Criar produto' }).click()
  await expectFieldError(field(page, 'SKU'), 'SKU já usado por outro produto.')
  await expect(field(page, 'Nome')).toHaveValue(`Errado ${tag}`)
  await snapshot(page, 'catalog-product-refused')

  // What a browser without these checks sends is refused by the server.
  const familyId = await field(page, 'Família').inputValue()
  const response = await page.request.post('/admin/catalog/new', {
    headers: { Origin: new URL(baseURL!).origin },
    form: {
      intent: 'save',
      sku: `NEW-${tag}`,
      name: `Errado ${tag}`,
      familyId,
      unit: 'UN',
      packSize: '0',
      listPrice: '-1',
    },
    maxRedirects: 0,
  })
  expect(response.status()).toBe(400)

  await page.goto(`/admin/catalog?q=${tag}`)
  await expect(page.getByTestId('product-row')).toHaveCount(0)
})

test('a buyer and a rep get 403 on the catalog screens and their actions', async ({
  browser,
  world,
  baseURL,
}) => {
  const headers = { Origin: new URL(baseURL!).origin }
  const manager = await world.pageAs(browser, await world.manager())
  await manager.goto('/admin/catalog')
  const productUrl = await manager
    .getByTestId('product-row')
    .first()
    .getByRole('link')
    .getAttribute('href')
  await manager.goto('/admin/catalog/families')
  const familyName = (await manager
    .getByTestId('family-row')
    .first()
    .locator('p')
    .first()
    .textContent())!
  await manager.context().close()
  for (const user of [await world.buyer(), await world.rep()]) {
    const page = await world.pageAs(browser, user)
    for (const url of [
      '/admin/catalog',
      '/admin/catalog/new',
      '/admin/catalog/families',
      productUrl!,
    ]) {
      const response = await page.request.get(url, { maxRedirects: 0 })
      expect([url, response.status()]).toEqual([url, 403])
    }
    const posts: [string, Record<string, string>][] = [
      [
        '/admin/catalog/new',
        {
          intent: 'save',
          sku: `X-${slug()}`,
          name: 'Intruso',
          unit: 'UN',
          packSize: '1',
          listPrice: '1',
        },
      ],
      [productUrl!, { intent: 'deactivate' }],
      [productUrl!, { intent: 'save', sku: 'X', name: 'Trocado' }],
      ['/admin/catalog/families', { intent: 'create', name: 'Intrusa' }],
      ['/admin/catalog/families', { intent: 'deactivate', familyId: 'x' }],
    ]
    for (const [url, form] of posts) {
      const response = await page.request.post(url, { headers, form, maxRedirects: 0 })
      expect([url, form.intent, response.status()]).toEqual([url, form.intent, 403])
    }
    await page.context().close()
  }
  expect(familyName).toBeTruthy()
})
