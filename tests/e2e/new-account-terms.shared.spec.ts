/**
 * What new accounts get (settings): it changes every account created while it is set, so it
 * runs alone (SHARED_STATE) and puts the settings back as it found them.
 */
import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { randomCnpj } from './helpers'

const panel = (page: Page) => page.getByRole('region', { name: 'Novos clientes' })

test('a manager chooses what new accounts get; an account created by hand starts with it', async ({
  managerPage: page,
}) => {
  await page.goto('/admin/settings')
  const settings = panel(page)
  await settings.getByLabel('Tabela de preços').selectOption({ label: 'Tabela Sudeste (-3%)' })
  await settings.getByLabel('Pedido mínimo').fill('250,00')
  await settings.getByRole('checkbox', { name: /^Boleto faturado 28\/56 dias$/ }).check()
  await settings.getByRole('button', { name: 'Salvar condições para novos clientes' }).click()
  await expect(settings.getByText('Condições para novos clientes salvas.')).toBeVisible()

  try {
    await page.goto('/admin/accounts/new')
    await page.getByLabel('CNPJ', { exact: true }).fill(randomCnpj())
    await page.getByLabel('Razão social', { exact: true }).fill('Casa Nova Materiais Ltda')
    await page.getByLabel('Nome fantasia', { exact: true }).fill('Casa Nova')
    await page.getByLabel('Cidade', { exact: true }).fill('Sorocaba')
    await page.getByLabel('UF', { exact: true }).fill('SP')
    await page.getByRole('button', { name: 'Criar cliente' }).click()
    await expect(page).toHaveURL(/\/admin\/accounts\/[^/]+\?created=1$/)
    const terms = page.locator('#account-commercial')
    await expect(terms.getByLabel('Tabela de preços')).toHaveValue(/.+/)
    await expect(terms.getByLabel('Tabela de preços').locator('option:checked')).toHaveText(
      'Tabela Sudeste (-3%)',
    )
    await expect(terms.getByLabel('Pedido mínimo')).toHaveValue('250,00')
    await expect(
      terms.getByRole('checkbox', { name: /^Boleto faturado 28\/56 dias$/ }),
    ).toBeChecked()
    await expect(
      terms.getByRole('checkbox', { name: /^Boleto faturado 28 dias$/ }),
    ).not.toBeChecked()
  } finally {
    await page.goto('/admin/settings')
    await panel(page).getByLabel('Tabela de preços').selectOption('')
    await panel(page).getByLabel('Pedido mínimo').fill('0,00')
    await panel(page)
      .getByRole('checkbox', { name: /^Boleto faturado 28\/56 dias$/ })
      .uncheck()
    await panel(page).getByRole('button', { name: 'Salvar condições para novos clientes' }).click()
    await expect(panel(page).getByText('Condições para novos clientes salvas.')).toBeVisible()
  }
})
