import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectFieldError, expectNoFieldError, recordPosts, snapshot } from './forms-helpers'

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })

test('the offer form refuses bad input in the browser, every error beside its field, then the server checks the catalog, then it saves', async ({
  managerPage: page,
}) => {
  await page.goto('/admin/offers/new')
  const posts = recordPosts(page)

  await field(page, 'Código do cupom').fill('a b')
  await field(page, 'Desconto').selectOption('PERCENT')
  await field(page, 'Percentual (%)').fill('150')
  await field(page, 'Dias extras no prazo').fill('999')
  await field(page, 'Pedido mínimo (R$)').fill('abc')
  await field(page, 'Início').fill('2026-12-10')
  await field(page, 'Último dia').fill('2026-12-01')
  await field(page, 'Limite total de usos').fill('0')
  await field(page, 'Vale para').selectOption('FAMILIES')
  await page.getByRole('button', { name: 'Criar oferta' }).click()

  await expect(page.getByRole('alert')).toHaveText('Confira os campos destacados.')
  await expectFieldError(field(page, 'Nome'), 'Campo obrigatório.')
  await expectFieldError(field(page, 'Código do cupom'), 'Use de 3 a 30 letras, números, - ou _.')
  await expectFieldError(field(page, 'Percentual (%)'), 'Informe um percentual entre 0,01 e 100.')
  await expectFieldError(field(page, 'Dias extras no prazo'), 'Informe de 1 a 180 dias.')
  await expectFieldError(
    field(page, 'Pedido mínimo (R$)'),
    'Informe um valor em reais, ex.: 1.500,00.',
  )
  await expectFieldError(field(page, 'Último dia'), 'O último dia precisa ser depois do início.')
  await expectFieldError(
    field(page, 'Limite total de usos'),
    'Informe um número inteiro maior que zero.',
  )
  const families = page.getByRole('group', { name: 'Famílias (inclui as subfamílias)' })
  await expectFieldError(families.getByRole('checkbox').first(), 'Escolha ao menos uma família.')
  await snapshot(page, 'offer-refused-in-browser')
  // Refused before sending: nothing went to the server, the page and what was typed stay.
  expect(posts).toEqual([])
  await expect(page).toHaveURL(/\/admin\/offers\/new$/)
  await expect(field(page, 'Código do cupom')).toHaveValue('a b')
  await expect(field(page, 'Percentual (%)')).toHaveValue('150')
  await expect(field(page, 'Pedido mínimo (R$)')).toHaveValue('abc')

  // Fixed as typed, an error goes away; what only the server knows comes back beside its field.
  await field(page, 'Percentual (%)').fill('12,5')
  await expectNoFieldError(field(page, 'Percentual (%)'))
  await field(page, 'Nome').fill('Formulários: 12,5% nas famílias')
  await field(page, 'Código do cupom').fill('volta10')
  await field(page, 'Dias extras no prazo').fill('')
  await field(page, 'Pedido mínimo (R$)').fill('1.500,00')
  await field(page, 'Último dia').fill('2026-12-31')
  await field(page, 'Limite total de usos').fill('')
  await families.getByRole('checkbox').first().check()
  await field(page, 'Bonificação: SKU do brinde').fill('NAO-EXISTE-9')
  await page.getByRole('button', { name: 'Criar oferta' }).click()
  await expectFieldError(field(page, 'Código do cupom'), 'Já existe uma oferta com esse código.')
  await expectFieldError(
    field(page, 'Bonificação: SKU do brinde'),
    'SKU do brinde não encontrado ou fora de linha.',
  )
  await snapshot(page, 'offer-refused-by-server')
  expect(posts).toHaveLength(1)
  await expect(page).toHaveURL(/\/admin\/offers\/new$/)
  await expect(field(page, 'Nome')).toHaveValue('Formulários: 12,5% nas famílias')
  await expect(field(page, 'Código do cupom')).toHaveValue('volta10')

  await field(page, 'Código do cupom').fill('forms125')
  await field(page, 'Bonificação: SKU do brinde').fill('')
  await page.getByRole('button', { name: 'Criar oferta' }).click()
  await expect(page.getByText('Oferta salva.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Formulários: 12,5% nas famílias',
  )
  // The edit form shows what was saved.
  await expect(field(page, 'Código do cupom')).toHaveValue('FORMS125')
  await expect(field(page, 'Percentual (%)')).toHaveValue('12,5')
  await expect(field(page, 'Pedido mínimo (R$)')).toHaveValue('1500,00')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the server refuses the offer form with every error beside its field and what was typed, then saves it', async ({
    managerPage: page,
  }) => {
    await page.goto('/admin/offers/new')
    await field(page, 'Código do cupom').fill('a b')
    await field(page, 'Dias extras no prazo').fill('999')
    await field(page, 'Pedido mínimo (R$)').fill('abc')
    await field(page, 'Bonificação: SKU do brinde').fill('NAO-EXISTE-9')
    await page.getByRole('button', { name: 'Criar oferta' }).click()

    await expect(page).toHaveURL(/\/admin\/offers\/new$/)
    await expect(page.getByRole('alert')).toHaveText('Confira os campos destacados.')
    await expectFieldError(field(page, 'Nome'), 'Campo obrigatório.')
    await expectFieldError(field(page, 'Código do cupom'), 'Use de 3 a 30 letras, números, - ou _.')
    await expectFieldError(field(page, 'Dias extras no prazo'), 'Informe de 1 a 180 dias.')
    await expectFieldError(
      field(page, 'Pedido mínimo (R$)'),
      'Informe um valor em reais, ex.: 1.500,00.',
    )
    await expectFieldError(
      field(page, 'Bonificação: SKU do brinde'),
      'SKU do brinde não encontrado ou fora de linha.',
    )
    await snapshot(page, 'offer-refused-without-js')
    await expect(field(page, 'Código do cupom')).toHaveValue('a b')
    await expect(field(page, 'Dias extras no prazo')).toHaveValue('999')
    await expect(field(page, 'Bonificação: SKU do brinde')).toHaveValue('NAO-EXISTE-9')

    await field(page, 'Nome').fill('Sem JavaScript: +30 dias')
    await field(page, 'Código do cupom').fill('semjs30')
    await field(page, 'Dias extras no prazo').fill('30')
    await field(page, 'Pedido mínimo (R$)').fill('')
    await field(page, 'Bonificação: SKU do brinde').fill('')
    await page.getByRole('button', { name: 'Criar oferta' }).click()
    await expect(page).toHaveURL(/\/admin\/offers\/\w+\?saved=1$/)
    await expect(page.getByText('Oferta salva.')).toBeVisible()
    await expect(field(page, 'Código do cupom')).toHaveValue('SEMJS30')
  })
})
