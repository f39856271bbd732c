/**
 * The back office's portfolio-wide settings (inactivity thresholds, payment methods, the
 * reactivation bonus): every test puts back what it changed. Listed in SHARED_STATE
 * (playwright.config.ts), so it runs alone.
 */
import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectFieldError, expectNoFieldError, recordPosts, snapshot } from './forms-helpers'

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })
const AT_RISK = 'Em risco após (dias)'
const INACTIVE = 'Inativo após (dias)'
const LOST = 'Perdido após (dias)'
const DAYS = 'Use um número inteiro de 7 a 3650.'
const ORDER = 'Os limites precisam ser crescentes: em risco < inativo < perdido.'
const METHODS = ['Cartão', 'Boleto', 'PIX']
const PERCENT = 'Informe um percentual de 0 a 100, com até duas casas decimais.'
const WINDOW = 'Informe de 1 a 730 dias.'

async function thresholds(page: Page) {
  return {
    atRisk: await field(page, AT_RISK).inputValue(),
    inactive: await field(page, INACTIVE).inputValue(),
    lost: await field(page, LOST).inputValue(),
  }
}

async function saveThresholds(
  page: Page,
  values: { atRisk: string; inactive: string; lost: string },
) {
  await field(page, AT_RISK).fill(values.atRisk)
  await field(page, INACTIVE).fill(values.inactive)
  await field(page, LOST).fill(values.lost)
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByText(/Limites salvos; carteira reclassificada/)).toBeVisible()
}

async function checkedMethods(page: Page) {
  const checked: string[] = []
  for (const name of METHODS) {
    if (await page.getByRole('checkbox', { name, exact: true }).isChecked()) checked.push(name)
  }
  return checked
}

async function saveMethods(page: Page, names: string[]) {
  for (const name of METHODS) {
    await page.getByRole('checkbox', { name, exact: true }).setChecked(names.includes(name))
  }
  await page.getByRole('button', { name: 'Salvar meios de pagamento' }).click()
  await expect(page.getByText('Meios de pagamento salvos.')).toBeVisible()
}

test('the settings refuse bad thresholds and no payment method in the browser, each error beside its field, then save', async ({
  page,
  world,
}) => {
  await world.loginAs(page, await world.admin())
  await page.goto('/admin/settings')
  const original = await thresholds(page)
  const methods = await checkedMethods(page)
  const posts = recordPosts(page)

  await field(page, AT_RISK).fill('5')
  await field(page, LOST).fill('99999')
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('Confira os campos destacados.')
  await expectFieldError(field(page, AT_RISK), DAYS)
  await expectFieldError(field(page, LOST), DAYS)
  await expectNoFieldError(field(page, INACTIVE))
  await snapshot(page, 'thresholds-refused-in-browser')

  // Each number is fine, but they do not grow: the form as a whole is refused.
  await field(page, AT_RISK).fill(original.atRisk)
  await field(page, LOST).fill(original.inactive)
  await page.getByRole('button', { name: 'Salvar', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText(ORDER)
  await expectNoFieldError(field(page, AT_RISK))

  for (const name of METHODS) await page.getByRole('checkbox', { name, exact: true }).uncheck()
  await page.getByRole('button', { name: 'Salvar meios de pagamento' }).click()
  await expectFieldError(
    page.getByRole('checkbox', { name: 'Cartão', exact: true }),
    'Escolha ao menos um meio de pagamento.',
  )
  await snapshot(page, 'settings-refused-in-browser')
  expect(posts).toEqual([])

  await saveMethods(page, ['Cartão', 'PIX'])
  await page.reload()
  expect(await checkedMethods(page)).toEqual(['Cartão', 'PIX'])
  await saveMethods(page, methods)

  await saveThresholds(page, { ...original, lost: String(Number(original.lost) + 1) })
  await page.reload()
  await expect(field(page, LOST)).toHaveValue(String(Number(original.lost) + 1))
  await saveThresholds(page, original)
})

test('the reactivation bonus form refuses a bad percentage and window in the browser, then saves', async ({
  page,
  world,
}) => {
  await world.loginAs(page, await world.admin())
  await page.goto('/admin/commission')
  const bonus = await field(page, 'Bônus (%)').inputValue()
  const window = await field(page, 'Janela (dias)').inputValue()
  const posts = recordPosts(page)
  const save = page.getByRole('button', { name: 'Salvar', exact: true })

  await field(page, 'Bônus (%)').fill('2,125')
  await field(page, 'Janela (dias)').fill('0')
  await save.click()
  await expect(page.getByRole('alert')).toHaveText('Confira os campos destacados.')
  await expectFieldError(field(page, 'Bônus (%)'), PERCENT)
  await expectFieldError(field(page, 'Janela (dias)'), WINDOW)
  await snapshot(page, 'bonus-refused-in-browser')
  expect(posts).toEqual([])

  await field(page, 'Bônus (%)').fill(bonus)
  await field(page, 'Janela (dias)').fill(window)
  await save.click()
  await expect(page.getByText('Bônus de reativação salvo.')).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the server refuses bad thresholds and no payment method beside their fields, keeping what was typed, then saves', async ({
    page,
    world,
  }) => {
    await world.loginAs(page, await world.admin())
    await page.goto('/admin/settings')
    const original = await thresholds(page)
    const methods = await checkedMethods(page)

    await field(page, AT_RISK).fill('5')
    await page.getByRole('button', { name: 'Salvar', exact: true }).click()
    await expect(page.getByRole('alert')).toHaveText('Confira os campos destacados.')
    await expectFieldError(field(page, AT_RISK), DAYS)
    await expect(field(page, AT_RISK)).toHaveValue('5')
    await snapshot(page, 'thresholds-refused-without-js')

    await field(page, AT_RISK).fill(original.atRisk)
    await field(page, INACTIVE).fill(original.lost)
    await page.getByRole('button', { name: 'Salvar', exact: true }).click()
    await expect(page.getByRole('alert')).toHaveText(ORDER)
    await expect(field(page, INACTIVE)).toHaveValue(original.lost)

    for (const name of METHODS) await page.getByRole('checkbox', { name, exact: true }).uncheck()
    await page.getByRole('button', { name: 'Salvar meios de pagamento' }).click()
    await expectFieldError(
      page.getByRole('checkbox', { name: 'Cartão', exact: true }),
      'Escolha ao menos um meio de pagamento.',
    )
    await snapshot(page, 'methods-refused-without-js')
    // The thresholds form was not the one sent: it shows what is saved.
    await expect(field(page, INACTIVE)).toHaveValue(original.inactive)

    await saveMethods(page, methods)
    await saveThresholds(page, original)
  })

  test('the server refuses a bad bonus beside its fields, keeping what was typed, then saves', async ({
    page,
    world,
  }) => {
    await world.loginAs(page, await world.admin())
    await page.goto('/admin/commission')
    const bonus = await field(page, 'Bônus (%)').inputValue()
    const window = await field(page, 'Janela (dias)').inputValue()
    const save = page.getByRole('button', { name: 'Salvar', exact: true })

    await field(page, 'Bônus (%)').fill('muito')
    await field(page, 'Janela (dias)').fill('731')
    await save.click()
    await expectFieldError(field(page, 'Bônus (%)'), PERCENT)
    await expectFieldError(field(page, 'Janela (dias)'), WINDOW)
    await snapshot(page, 'bonus-refused-without-js')
    await expect(field(page, 'Bônus (%)')).toHaveValue('muito')
    await expect(field(page, 'Janela (dias)')).toHaveValue('731')

    await field(page, 'Bônus (%)').fill(bonus)
    await field(page, 'Janela (dias)').fill(window)
    await save.click()
    await expect(page.getByText('Bônus de reativação salvo.')).toBeVisible()
  })
})
