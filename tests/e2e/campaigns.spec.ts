import { expect, test } from './fixtures'

test('tampered and unknown invitation links get a clear page', async ({ page }) => {
  const response = await page.goto(
    '/invite/00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  )
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Link de convite inválido' })).toBeVisible()
  await page.goto('/invite/qualquer-coisa')
  await expect(page.getByTestId('invite-refused')).toContainText('Este link não é válido')
})

test('a rep sends an invitation to one of their accounts, once a day', async ({ page, world }) => {
  const repUser = await world.rep()
  const { tradeName } = await world.buyer({ repId: repUser.repId, status: 'INACTIVE' })
  await world.loginAs(page, repUser)
  await page.goto('/rep/accounts')
  await expect(page.getByRole('button', { name: /^Enviar convite para / })).toHaveAccessibleName(
    new RegExp(tradeName),
  )
  const button = page.getByRole('button', { name: /^Enviar convite para / }).first()
  const label = await button.getAttribute('aria-label')
  await button.click()
  await expect(page.getByText('Convite na fila de envio.')).toBeVisible()
  await page.getByRole('button', { name: label! }).click()
  await expect(
    page.getByText('Este cliente já recebeu um convite nas últimas 24 horas.'),
  ).toBeVisible()
})

test('a manager schedules a campaign for tomorrow, sees it waiting, and cancels it', async ({
  managerPage: page,
}) => {
  await page.goto('/admin/campaigns/new')
  await page.getByRole('checkbox', { name: 'Perdido' }).check()
  await page.getByLabel('Nome da campanha').fill('Perdidos — amanhã')
  await page.getByRole('radio', { name: 'Em uma data' }).check()
  // A date in the past is refused, beside the field (forms-campaigns.spec.ts has the details).
  await page.getByLabel('Data e hora do envio').fill('2020-01-01T09:00')
  await page.getByRole('button', { name: 'Agendar' }).click()
  await expect(page.getByRole('alert')).toHaveText('Confira os campos destacados.')
  await expect(page.getByText('A data de envio precisa estar no futuro.')).toBeVisible()
  const tomorrow = new Date(Date.now() + 86_400_000)
  const local = `${tomorrow.toISOString().slice(0, 10)}T09:00`
  await page.getByLabel('Data e hora do envio').fill(local)
  await page.getByRole('button', { name: 'Agendar' }).click()
  await expect(page.getByText('Campanha agendada.')).toBeVisible()
  await expect(page.getByTestId('campaign-state')).toContainText('Agendada para')
  await expect(page.getByText('Nenhum convite ainda: a campanha está agendada.')).toBeVisible()
  await page.getByRole('button', { name: 'Cancelar campanha' }).click()
  await expect(page.getByText('Campanha cancelada; não havia convites na fila.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Cancelar campanha' })).toHaveCount(0)
})
