import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectFieldError, recordPosts, snapshot } from './forms-helpers'

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })
const minDays = (page: Page) => page.getByLabel('Dias sem comprar, de')

function tomorrowAtNine() {
  return `${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T09:00`
}

/** Cancels the campaign just scheduled, so that no other test meets it. */
async function cancelScheduled(page: Page) {
  await expect(page.getByText('Campanha agendada.')).toBeVisible()
  await page.getByRole('button', { name: 'Cancelar campanha' }).click()
  await expect(page.getByText(/Campanha cancelada/)).toBeVisible()
}

test('the campaign form reports every problem at once in the browser, then the offer and the segment on the server, then schedules', async ({
  managerPage: page,
}) => {
  await page.goto('/admin/campaigns/new')
  const posts = recordPosts(page)

  await minDays(page).fill('-5')
  await field(page, 'Nome da campanha').fill('ab')
  await field(page, 'Assunto').fill('Oi {lojja}, volte!')
  await field(page, 'Mensagem').fill('Curta')
  await page.getByRole('radio', { name: 'Em uma data' }).check()
  await field(page, 'Data e hora do envio').fill('2020-01-01T09:00')
  await page.getByRole('button', { name: 'Agendar' }).click()

  await expect(page.getByRole('alert')).toHaveText('Confira os campos destacados.')
  await expectFieldError(minDays(page), 'Informe um número inteiro de dias, de 0 a 100.000.')
  await expectFieldError(field(page, 'Nome da campanha'), 'Use pelo menos 3 caracteres.')
  await expectFieldError(
    field(page, 'Assunto'),
    'Marcador desconhecido: {lojja}. Use {loja} e {representante}.',
  )
  await expectFieldError(field(page, 'Mensagem'), 'Use pelo menos 10 caracteres.')
  await expectFieldError(
    field(page, 'Data e hora do envio'),
    'A data de envio precisa estar no futuro.',
  )
  await snapshot(page, 'campaign-refused-in-browser')
  expect(posts).toEqual([])
  await expect(page).toHaveURL(/\/admin\/campaigns\/new$/)
  await expect(field(page, 'Nome da campanha')).toHaveValue('ab')
  await expect(field(page, 'Assunto')).toHaveValue('Oi {lojja}, volte!')
  await expect(minDays(page)).toHaveValue('-5')

  // An offer paused or deleted since the page was opened: the server says so on the field.
  await minDays(page).fill('')
  await field(page, 'Nome da campanha').fill('Formulários — amanhã')
  await field(page, 'Assunto').fill('{loja}, temos novidades')
  await field(page, 'Mensagem').fill('Olá, {loja}! {representante} separou condições para você.')
  await field(page, 'Data e hora do envio').fill(tomorrowAtNine())
  await field(page, 'Oferta anexada').evaluate((select: HTMLSelectElement) =>
    select.append(new Option('Oferta que não existe mais', 'offer_gone')),
  )
  await field(page, 'Oferta anexada').selectOption('offer_gone')
  await page.getByRole('button', { name: 'Agendar' }).click()
  await expectFieldError(
    field(page, 'Oferta anexada'),
    'Essa oferta não existe mais ou está pausada.',
  )
  expect(posts).toHaveLength(1)
  await expect(field(page, 'Nome da campanha')).toHaveValue('Formulários — amanhã')

  // A segment nobody in it can be invited: a problem of the whole form, above it.
  await field(page, 'Oferta anexada').selectOption('')
  await page.getByLabel('Cidade').fill('Cidade Que Não Existe')
  await page.getByRole('button', { name: 'Agendar' }).click()
  await expect(page.getByRole('alert')).toHaveText(/Nenhum cliente deste segmento pode receber/)
  await snapshot(page, 'campaign-refused-by-server')
  expect(posts).toHaveLength(2)

  await page.getByLabel('Cidade').fill('')
  await page.getByRole('button', { name: 'Agendar' }).click()
  await cancelScheduled(page)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the server refuses the campaign form with every error beside its field and what was typed, then schedules it', async ({
    managerPage: page,
  }) => {
    await page.goto('/admin/campaigns/new')
    await minDays(page).fill('-5')
    await field(page, 'Nome da campanha').fill('ab')
    await page.getByRole('radio', { name: 'Em uma data' }).check()
    // Without JavaScript the button still says "send now"; the date field comes with the reply.
    await page.getByRole('button', { name: 'Enviar convites' }).click()

    await expect(page).toHaveURL(/\/admin\/campaigns\/new$/)
    await expect(page.getByRole('alert')).toHaveText('Confira os campos destacados.')
    await expectFieldError(minDays(page), 'Informe um número inteiro de dias, de 0 a 100.000.')
    await expectFieldError(field(page, 'Nome da campanha'), 'Use pelo menos 3 caracteres.')
    await expectFieldError(field(page, 'Data e hora do envio'), 'Informe quando enviar.')
    await snapshot(page, 'campaign-refused-without-js')
    await expect(field(page, 'Nome da campanha')).toHaveValue('ab')
    await expect(minDays(page)).toHaveValue('-5')
    await expect(page.getByRole('radio', { name: 'Em uma data' })).toBeChecked()
    await expect(field(page, 'Assunto')).toHaveValue(/sentimos sua falta/)

    await minDays(page).fill('')
    await field(page, 'Nome da campanha').fill('Sem JavaScript — amanhã')
    await field(page, 'Data e hora do envio').fill(tomorrowAtNine())
    await page.getByRole('button', { name: 'Agendar' }).click()
    await cancelScheduled(page)
  })
})
