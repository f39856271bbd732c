import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectFieldError, recordPosts, snapshot } from './forms-helpers'
import { randomCnpj } from './helpers'

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })
const saveContact = (page: Page) => page.getByRole('button', { name: 'Salvar', exact: true })
const saveTerms = (page: Page) => page.getByRole('button', { name: 'Salvar condições' })

/** Adds a choice the page does not offer, as a stale page or a forged request would send. */
async function addOption(page: Page, label: string, value: string) {
  await field(page, label).evaluate((select, value) => {
    select.append(new Option(`Inexistente (${value})`, value))
  }, value)
  await field(page, label).selectOption(value)
}

test("the account page's forms refuse bad input in the browser, then the server checks the rep, price list and terms, each on its field, then they save", async ({
  managerPage: page,
  world,
}) => {
  const { accountId } = await world.buyer({ twinOf: 'acc_00020' })
  await page.goto(`/admin/accounts/${accountId}`)
  const posts = recordPosts(page)

  await field(page, 'Nome fantasia').fill('X')
  await field(page, 'E-mail').fill('nao-e-um-email')
  await field(page, 'Cidade').fill('')
  await field(page, 'UF').fill('XX')
  await saveContact(page).click()
  await expect(page.getByRole('alert')).toHaveText('Confira os campos destacados.')
  await expectFieldError(field(page, 'Nome fantasia'), 'Use pelo menos 2 caracteres.')
  await expectFieldError(
    field(page, 'E-mail'),
    'Informe um e-mail válido, ex.: compras@loja.com.br.',
  )
  await expectFieldError(field(page, 'Cidade'), 'Campo obrigatório.')
  await expectFieldError(field(page, 'UF'), 'Use a sigla de um estado, ex.: SP.')
  await snapshot(page, 'account-refused-in-browser')
  expect(posts).toEqual([])
  await expect(field(page, 'Nome fantasia')).toHaveValue('X')
  await expect(field(page, 'E-mail')).toHaveValue('nao-e-um-email')
  await expect(field(page, 'UF')).toHaveValue('XX')

  await field(page, 'Pedido mínimo').fill('muito')
  await saveTerms(page).click()
  await expectFieldError(
    field(page, 'Pedido mínimo'),
    'Pedido mínimo inválido: use um valor em reais, ex.: 300,00.',
  )
  expect(posts).toEqual([])

  // What only the database knows: a rep, a price list and a payment term that do not exist.
  await field(page, 'Nome fantasia').fill('Loja dos Formulários')
  await field(page, 'E-mail').fill('formularios@loja.example')
  await field(page, 'Cidade').fill('Campinas')
  await field(page, 'UF').fill('sp')
  await addOption(page, 'Representante', 'rep_inexistente')
  await saveContact(page).click()
  await expectFieldError(field(page, 'Representante'), 'Representante não encontrado.')
  expect(posts).toHaveLength(1)
  await expect(field(page, 'Nome fantasia')).toHaveValue('Loja dos Formulários')

  await field(page, 'Pedido mínimo').fill('450,00')
  await addOption(page, 'Tabela de preços', 'lista_inexistente')
  const terms = page.getByRole('group', { name: 'Prazos' })
  await terms.evaluate((group) => {
    const unknown = Object.assign(document.createElement('input'), {
      type: 'checkbox',
      name: 'termCodes',
      value: '99/999',
      checked: true,
      hidden: true,
    })
    unknown.setAttribute('form', 'account-commercial')
    group.append(unknown)
  })
  const term = terms.getByRole('checkbox').first()
  await saveTerms(page).click()
  await expectFieldError(field(page, 'Tabela de preços'), 'Lista de preços não encontrada.')
  await expectFieldError(term, 'Condição de pagamento desconhecida.')
  await snapshot(page, 'account-refused-by-server')
  expect(posts).toHaveLength(2)
  await expect(field(page, 'Pedido mínimo')).toHaveValue('450,00')

  // Correct input saves, and the page shows it after a reload.
  await page.reload()
  await field(page, 'Telefone').fill('(19) 3333-2222')
  await field(page, 'UF').fill('sp')
  await saveContact(page).click()
  await expect(page.getByText('Cadastro salvo.')).toBeVisible()
  await field(page, 'Pedido mínimo').fill('450,00')
  await saveTerms(page).click()
  await expect(
    page.getByRole('form', { name: 'Condições comerciais' }).getByText('Cadastro salvo.'),
  ).toBeVisible()
  await page.reload()
  await expect(field(page, 'Telefone')).toHaveValue('(19) 3333-2222')
  await expect(field(page, 'Pedido mínimo')).toHaveValue('450,00')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test("the server refuses the account page's forms with every error beside its field and what was typed, then saves", async ({
    managerPage: page,
    world,
  }) => {
    const { accountId } = await world.buyer({ twinOf: 'acc_00021' })
    await page.goto(`/admin/accounts/${accountId}`)
    await field(page, 'Nome fantasia').fill('X')
    await field(page, 'E-mail').fill('nao-e-um-email')
    await field(page, 'UF').fill('XX')
    await saveContact(page).click()

    await expect(page.getByRole('alert')).toHaveText('Confira os campos destacados.')
    await expectFieldError(field(page, 'Nome fantasia'), 'Use pelo menos 2 caracteres.')
    await expectFieldError(
      field(page, 'E-mail'),
      'Informe um e-mail válido, ex.: compras@loja.com.br.',
    )
    await expectFieldError(field(page, 'UF'), 'Use a sigla de um estado, ex.: SP.')
    await snapshot(page, 'account-refused-without-js')
    await expect(field(page, 'Nome fantasia')).toHaveValue('X')
    await expect(field(page, 'E-mail')).toHaveValue('nao-e-um-email')
    await expect(field(page, 'UF')).toHaveValue('XX')

    await field(page, 'Nome fantasia').fill('Loja Sem Script')
    await field(page, 'E-mail').fill('')
    await field(page, 'UF').fill('MG')
    await saveContact(page).click()
    await expect(page.getByText('Cadastro salvo.')).toBeVisible()
    await expect(field(page, 'Nome fantasia')).toHaveValue('Loja Sem Script')

    await field(page, 'Pedido mínimo').fill('muito')
    await saveTerms(page).click()
    await expectFieldError(
      field(page, 'Pedido mínimo'),
      'Pedido mínimo inválido: use um valor em reais, ex.: 300,00.',
    )
    await expect(field(page, 'Pedido mínimo')).toHaveValue('muito')
    await field(page, 'Pedido mínimo').fill('320,00')
    await saveTerms(page).click()
    await expect(page.getByText('Cadastro salvo.')).toBeVisible()
    await expect(field(page, 'Pedido mínimo')).toHaveValue('320,00')
  })
})

test('a manager creates an account by hand: bad and taken CNPJs are refused beside the field, then it opens on its page', async ({
  managerPage: page,
  world,
}) => {
  const taken = await world.buyer()
  const rep = await world.rep()
  await page.goto('/admin/accounts')
  await page.getByRole('link', { name: 'Novo cliente' }).click()
  await expect(page.getByRole('heading', { name: 'Novo cliente' })).toBeVisible()
  const posts = recordPosts(page)
  await field(page, 'CNPJ').fill('12.345.678/0001-00')
  await field(page, 'Razão social').fill('Depósito Bela Vista Ltda')
  await field(page, 'Nome fantasia').fill('Depósito Bela Vista')
  await field(page, 'Cidade').fill('Araraquara')
  await field(page, 'UF').fill('sp')
  await page.getByRole('button', { name: 'Criar cliente' }).click()
  await expectFieldError(field(page, 'CNPJ'), /Informe um CNPJ válido/)
  expect(posts).toEqual([])

  // Only the server knows the CNPJ is taken.
  await field(page, 'CNPJ').fill(taken.cnpj)
  await page.getByRole('button', { name: 'Criar cliente' }).click()
  await expectFieldError(field(page, 'CNPJ'), 'Já existe um cliente com este CNPJ.')
  await expect(field(page, 'Razão social')).toHaveValue('Depósito Bela Vista Ltda')
  await snapshot(page, 'account-new-refused')

  const cnpj = randomCnpj()
  await field(page, 'CNPJ').fill(cnpj)
  await field(page, 'Representante').selectOption(rep.repId)
  await page.getByRole('button', { name: 'Criar cliente' }).click()
  await expect(page).toHaveURL(/\/admin\/accounts\/[^/]+\?created=1$/)
  await expect(page.getByText('Cliente criado. Agora defina as condições comerciais')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Depósito Bela Vista')
  await expect(
    page.getByText(
      `Depósito Bela Vista Ltda · ${cnpj.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5')} · Araraquara / SP`,
    ),
  ).toBeVisible()
  await expect(page.getByTestId('account-status')).toHaveText('Nunca comprou')
  await snapshot(page, 'account-new-created')
})

test('a buyer and a rep get 403 on the new-account page and its action', async ({
  browser,
  world,
  baseURL,
}) => {
  const headers = { Origin: new URL(baseURL!).origin }
  for (const user of [await world.buyer(), await world.rep()]) {
    const page = await world.pageAs(browser, user)
    const response = await page.request.get('/admin/accounts/new', { maxRedirects: 0 })
    expect(response.status()).toBe(403)
    const post = await page.request.post('/admin/accounts/new', {
      headers,
      form: {
        cnpj: randomCnpj(),
        legalName: 'Intrusa Ltda',
        tradeName: 'Intrusa',
        city: 'X',
        state: 'SP',
      },
      maxRedirects: 0,
    })
    expect(post.status()).toBe(403)
    await page.context().close()
  }
})
