import crypto from 'node:crypto'
import { expect, test } from './fixtures'
import { expectFieldError, snapshot } from './forms-helpers'
import { quickOrder } from './helpers'

const tag = () => crypto.randomUUID().slice(0, 6).toUpperCase()

test("a manager's price list and payment term are what the buyer pays and checks out on", async ({
  page,
  browser,
  world,
}) => {
  test.setTimeout(120_000)
  const buyer = await world.buyer()
  await world.loginAs(page, await world.manager())

  // A price list, with bad input refused beside its fields first.
  await page.goto('/admin/price-lists')
  await page.getByRole('link', { name: 'Tabelas de preço' }).first().click()
  await expect(page).toHaveURL(/\/admin\/price-lists$/)
  const code = `E2E-${tag()}`
  const name = `Tabela ${code}`
  await page.getByLabel('Código').fill(code)
  await page.getByLabel('Nome').fill(name)
  await page.getByRole('button', { name: 'Criar tabela' }).click()
  await expect(page.getByText('Tabela criada. Agora defina seus preços.')).toBeVisible()
  const listUrl = page.url().replace(/\?.*$/, '')

  await page.goto('/admin/price-lists')
  await page.getByLabel('Código').fill(code.toLowerCase())
  await page.getByLabel('Nome').fill('Outra')
  await page.getByRole('button', { name: 'Criar tabela' }).click()
  await expectFieldError(page.getByLabel('Código'), /Já existe uma tabela de preço com o código/)
  await expect(page.getByTestId('price-list-row').filter({ hasText: 'Outra' })).toHaveCount(0)

  await page.goto(listUrl)
  const setForm = page
    .locator('form')
    .filter({ has: page.getByRole('button', { name: 'Salvar preço' }) })
  const sku = setForm.getByLabel('SKU')
  const price = setForm.getByLabel('Preço (R$)')
  await sku.fill('NAO-EXISTE-1')
  await price.fill('9,87')
  await page.getByRole('button', { name: 'Salvar preço' }).click()
  await expectFieldError(sku, 'Nenhum produto tem o SKU NAO-EXISTE-1.')
  await sku.fill('CIM-0001')
  await price.fill('0')
  await page.getByRole('button', { name: 'Salvar preço' }).click()
  await expectFieldError(price, 'Informe um preço acima de zero, como 12,50.')
  await snapshot(page, 'price-list-refused')
  await expect(page.getByTestId('price-item-row')).toHaveCount(0)

  await price.fill('9,87')
  await page.getByRole('button', { name: 'Salvar preço' }).click()
  await expect(page.getByText('Preço salvo.')).toBeVisible()
  await expect(page.getByTestId('price-item-row')).toHaveCount(1)
  await expect(page.getByTestId('price-item-row')).toContainText('CIM-0001')
  await expect(page.getByTestId('price-item-row')).toContainText('9,87')

  // A quantity tier: a minimum of 1 refused beside the field, then added and removed.
  const tierForm = page
    .locator('form')
    .filter({ has: page.getByRole('button', { name: 'Adicionar faixa' }) })
  await tierForm.getByLabel('SKU').fill('CIM-0001')
  await tierForm.getByLabel('A partir de (unidades)').fill('1')
  await tierForm.getByLabel('Preço (R$)').fill('8,50')
  await tierForm.getByRole('button', { name: 'Adicionar faixa' }).click()
  await expectFieldError(
    tierForm.getByLabel('A partir de (unidades)'),
    'Informe um número inteiro de unidades, 2 ou mais.',
  )
  await expect(page.getByTestId('price-tier-row')).toHaveCount(0)
  await tierForm.getByLabel('A partir de (unidades)').fill('500')
  await tierForm.getByRole('button', { name: 'Adicionar faixa' }).click()
  await expect(page.getByText('Faixa adicionada.')).toBeVisible()
  await expect(page.getByTestId('price-tier-row')).toContainText('8,50')
  await page
    .getByRole('button', { name: 'Remover a faixa de CIM-0001 a partir de 500 unidades' })
    .click()
  await expect(page.getByTestId('price-tier-row')).toHaveCount(0)

  // A payment term, a malformed code refused first.
  await page.getByRole('link', { name: 'Prazos de pagamento' }).click()
  const termCode = page.getByLabel('Código')
  await termCode.fill('60/30')
  await page.getByRole('button', { name: 'Criar prazo' }).click()
  await expectFieldError(termCode, /Informe os dias de cada parcela, crescentes/)
  const days = `${crypto.randomInt(2, 40)}/${crypto.randomInt(41, 99)}/${crypto.randomInt(100, 365)}`
  await termCode.fill(days)
  await page.getByRole('button', { name: 'Criar prazo' }).click()
  await expect(page.getByText('Prazo criado.', { exact: false })).toBeVisible()
  const termRow = page.getByTestId('payment-term-row').filter({ hasText: days })
  await expect(termRow).toContainText(`Boleto faturado ${days} dias`)
  await expect(termRow.getByRole('cell').nth(2)).toHaveText('0')
  await snapshot(page, 'payment-terms')

  // The account: on the list, and allowed the new term.
  await page.goto(`/admin/accounts/${buyer.accountId}`)
  await page.getByRole('combobox', { name: 'Tabela de preços' }).selectOption({ label: name })
  await page.getByLabel(`Boleto faturado ${days} dias`).check()
  await page.getByRole('button', { name: 'Salvar condições' }).click()
  await expect(page.getByText('Cadastro salvo.')).toBeVisible()
  await page.goto(listUrl)
  await expect(page.getByTestId('price-list-accounts').getByRole('link')).toHaveText(
    buyer.tradeName,
  )
  await snapshot(page, 'price-list')

  // A term in use cannot be deleted.
  await page.goto('/admin/payment-terms')
  await termRow.getByRole('button', { name: `Excluir o prazo ${days}` }).click()
  await expect(page.getByText('1 cliente pode usá-lo')).toBeVisible()
  await expect(termRow).toHaveCount(1)

  // The buyer sees the list's price in the catalog and the cart, and orders on the term.
  const store = await world.pageAs(browser, buyer)
  await store.goto('/products/CIM-0001')
  await expect(store.getByRole('main')).toContainText('9,87')
  await quickOrder(store, 'CIM-0001 10')
  const line = store.locator('[data-testid="cart-line"][data-sku="CIM-0001"]')
  await expect(line.getByRole('cell').nth(1)).toContainText('9,87')
  await store.getByLabel(`Boleto faturado ${days} dias`).check()
  await store.getByRole('button', { name: 'Fazer pedido' }).click()
  await expect(store).toHaveURL(/\/orders\/\d+\?placed=1/)
  await expect(store.getByText(`Boleto ${days} dias`)).toBeVisible()
  await store.context().close()
})

test('a buyer and a rep get 403 on the price-list and payment-term pages and actions', async ({
  browser,
  world,
  baseURL,
}) => {
  const headers = { Origin: new URL(baseURL!).origin }
  const manager = await world.pageAs(browser, await world.manager())
  await manager.goto('/admin/price-lists')
  const code = `E2E-${tag()}`
  await manager.getByLabel('Código').fill(code)
  await manager.getByLabel('Nome').fill('Intocada')
  await manager.getByRole('button', { name: 'Criar tabela' }).click()
  await expect(manager).toHaveURL(/created=1/)
  const listPath = new URL(manager.url()).pathname

  for (const user of [await world.buyer(), await world.rep()]) {
    const page = await world.pageAs(browser, user)
    for (const url of ['/admin/price-lists', listPath, '/admin/payment-terms']) {
      const response = await page.request.get(url, { maxRedirects: 0 })
      expect([url, response.status()]).toEqual([url, 403])
    }
    const posts: [string, Record<string, string>][] = [
      ['/admin/price-lists', { code: `X-${tag()}`, name: 'Intrusa' }],
      [listPath, { intent: 'rename', name: 'Trocada' }],
      [listPath, { intent: 'set', sku: 'CIM-0001', price: '0,01' }],
      ['/admin/payment-terms', { intent: 'create', code: '1/2/3/4' }],
      ['/admin/payment-terms', { intent: 'delete', termId: 'x' }],
    ]
    for (const [url, form] of posts) {
      const response = await page.request.post(url, { headers, form, maxRedirects: 0 })
      expect([url, form.intent, response.status()]).toEqual([url, form.intent, 403])
    }
    await page.context().close()
  }
  // Nothing changed.
  await manager.reload()
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText(`${code} · Intocada`)
  await expect(manager.getByTestId('price-item-row')).toHaveCount(0)
  await manager.context().close()
})
