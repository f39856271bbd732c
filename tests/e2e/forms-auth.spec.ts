import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectFieldError, expectNoFieldError, recordPosts, snapshot } from './forms-helpers'

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })
const PASSWORD_LENGTH = 'A senha precisa ter pelo menos 8 caracteres.'

test('the login form refuses a malformed email and a missing password in the browser, wrong credentials on the form, then logs in', async ({
  page,
  world,
}) => {
  const buyer = await world.buyer()
  await page.goto('/auth/login')
  const posts = recordPosts(page)

  await field(page, 'E-mail').fill('nao-e-email')
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expectFieldError(field(page, 'E-mail'), 'Informe um e-mail válido.')
  await expectFieldError(field(page, 'Senha'), 'Campo obrigatório.')
  await snapshot(page, 'login-refused-in-browser')
  expect(posts).toEqual([])
  await expect(field(page, 'E-mail')).toHaveValue('nao-e-email')

  // Wrong credentials are the server's answer, about the form, the same whoever is asked for.
  await field(page, 'E-mail').fill(buyer.email)
  await expectNoFieldError(field(page, 'E-mail'))
  await field(page, 'Senha').fill('senha-errada')
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page.getByRole('alert')).toHaveText('E-mail ou senha incorretos.')
  expect(posts).toHaveLength(1)
  await expectNoFieldError(field(page, 'E-mail'))
  await expect(field(page, 'E-mail')).toHaveValue(buyer.email)

  await field(page, 'Senha').fill(buyer.password)
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page).toHaveURL(/\/catalog/)
})

test('the forgotten-password form refuses a malformed email in the browser, then sends the link', async ({
  page,
  world,
}) => {
  const buyer = await world.buyer()
  await page.goto('/auth/forgot-password')
  const posts = recordPosts(page)
  await field(page, 'E-mail').fill('loja@')
  await page.getByRole('button', { name: 'Enviar link' }).click()
  await expectFieldError(field(page, 'E-mail'), 'Informe um e-mail válido.')
  await snapshot(page, 'forgot-refused-in-browser')
  expect(posts).toEqual([])

  await field(page, 'E-mail').fill(buyer.email)
  await page.getByRole('button', { name: 'Enviar link' }).click()
  await expect(page.getByText(/Se houver uma conta com esse e-mail/)).toBeVisible()
})

test('the new-password form refuses a short password and a different repetition in the browser, each beside its field, then saves', async ({
  page,
  world,
}) => {
  const buyer = await world.buyer()
  const { path } = await world.call('passwordResetLink', { userId: buyer.id })
  await page.goto(path)
  const posts = recordPosts(page)
  await field(page, 'Nova senha').fill('curta')
  await field(page, 'Repita a nova senha').fill('outra')
  await page.getByRole('button', { name: 'Salvar senha' }).click()
  await expectFieldError(field(page, 'Nova senha'), PASSWORD_LENGTH)
  await expectFieldError(field(page, 'Repita a nova senha'), 'As senhas não conferem.')
  await snapshot(page, 'reset-refused-in-browser')
  expect(posts).toEqual([])

  await field(page, 'Nova senha').fill('nova-senha-forte')
  await expectNoFieldError(field(page, 'Nova senha'))
  await field(page, 'Repita a nova senha').fill('nova-senha-forte')
  await page.getByRole('button', { name: 'Salvar senha' }).click()
  await expect(page).toHaveURL(/\/auth\/login\?reset=1$/)
  await expect(page.getByText('Senha alterada. Entre com a nova senha.')).toBeVisible()
})

test('the invitation landing refuses a missing name, a short password and a different repetition in the browser, then lets the buyer in', async ({
  page,
  world,
}) => {
  const invitation = await world.call('invitation', {})
  await page.goto(invitation.path)
  const posts = recordPosts(page)
  await field(page, 'Nova senha').fill('curta')
  await field(page, 'Repita a nova senha').fill('outra')
  await page.getByRole('button', { name: 'Criar senha e entrar' }).click()
  await expectFieldError(field(page, 'Seu nome'), 'Informe seu nome.')
  await expectFieldError(field(page, 'Nova senha'), PASSWORD_LENGTH)
  await expectFieldError(field(page, 'Repita a nova senha'), 'As senhas não conferem.')
  await snapshot(page, 'invitation-refused-in-browser')
  expect(posts).toEqual([])

  await field(page, 'Seu nome').fill('Joana Formulários')
  await field(page, 'Nova senha').fill('voltei-para-ficar')
  await field(page, 'Repita a nova senha').fill('voltei-para-ficar')
  await page.getByRole('button', { name: 'Criar senha e entrar' }).click()
  await expect(page).toHaveURL(/\/catalog/)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the server refuses the login form beside its fields keeping the email, says wrong credentials on the form, then logs in', async ({
    page,
    world,
  }) => {
    const buyer = await world.buyer()
    await page.goto('/auth/login?redirectTo=%2Forders')
    await field(page, 'E-mail').fill('nao-e-email')
    await page.getByRole('button', { name: 'Entrar' }).click()
    await expect(page).toHaveURL(/\/auth\/login/)
    await expectFieldError(field(page, 'E-mail'), 'Informe um e-mail válido.')
    await expectFieldError(field(page, 'Senha'), 'Campo obrigatório.')
    await snapshot(page, 'login-refused-without-js')
    await expect(field(page, 'E-mail')).toHaveValue('nao-e-email')

    await field(page, 'E-mail').fill(buyer.email)
    await field(page, 'Senha').fill('senha-errada')
    await page.getByRole('button', { name: 'Entrar' }).click()
    await expect(page.getByRole('alert')).toHaveText('E-mail ou senha incorretos.')
    await expectNoFieldError(field(page, 'E-mail'))
    await expect(field(page, 'E-mail')).toHaveValue(buyer.email)
    // The password is never written back into the page.
    await expect(field(page, 'Senha')).toHaveValue('')

    await field(page, 'Senha').fill(buyer.password)
    await page.getByRole('button', { name: 'Entrar' }).click()
    await expect(page).toHaveURL(/\/orders$/)
  })

  test('the server refuses the forgotten-password and new-password forms beside their fields, then both go through', async ({
    page,
    world,
  }) => {
    const buyer = await world.buyer()
    await page.goto('/auth/forgot-password')
    await field(page, 'E-mail').fill('loja@')
    await page.getByRole('button', { name: 'Enviar link' }).click()
    await expectFieldError(field(page, 'E-mail'), 'Informe um e-mail válido.')
    await expect(field(page, 'E-mail')).toHaveValue('loja@')
    await field(page, 'E-mail').fill(buyer.email)
    await page.getByRole('button', { name: 'Enviar link' }).click()
    await expect(page.getByText(/Se houver uma conta com esse e-mail/)).toBeVisible()

    const { path } = await world.call('passwordResetLink', { userId: buyer.id })
    await page.goto(path)
    await field(page, 'Nova senha').fill('curta')
    await field(page, 'Repita a nova senha').fill('outra')
    await page.getByRole('button', { name: 'Salvar senha' }).click()
    await expectFieldError(field(page, 'Nova senha'), PASSWORD_LENGTH)
    await expectFieldError(field(page, 'Repita a nova senha'), 'As senhas não conferem.')
    await snapshot(page, 'reset-refused-without-js')

    await field(page, 'Nova senha').fill('nova-senha-forte')
    await field(page, 'Repita a nova senha').fill('nova-senha-forte')
    await page.getByRole('button', { name: 'Salvar senha' }).click()
    await expect(page.getByText('Senha alterada. Entre com a nova senha.')).toBeVisible()
  })

  test('the server refuses the invitation landing beside its fields keeping the name, and a wrong password beside it, then lets the buyer in', async ({
    page,
    world,
  }) => {
    const invitation = await world.call('invitation', {})
    await page.goto(invitation.path)
    await field(page, 'Seu nome').fill('J')
    await field(page, 'Nova senha').fill('curta')
    await field(page, 'Repita a nova senha').fill('outra')
    await page.getByRole('button', { name: 'Criar senha e entrar' }).click()
    await expectFieldError(field(page, 'Seu nome'), 'Informe seu nome.')
    await expectFieldError(field(page, 'Nova senha'), PASSWORD_LENGTH)
    await expectFieldError(field(page, 'Repita a nova senha'), 'As senhas não conferem.')
    await snapshot(page, 'invitation-refused-without-js')
    await expect(field(page, 'Seu nome')).toHaveValue('J')

    await field(page, 'Seu nome').fill('Joana Sem Script')
    await field(page, 'Nova senha').fill('voltei-para-ficar')
    await field(page, 'Repita a nova senha').fill('voltei-para-ficar')
    await page.getByRole('button', { name: 'Criar senha e entrar' }).click()
    await expect(page).toHaveURL(/\/catalog/)

    // A buyer who already logs in types their password; a wrong one is refused beside it.
    const buyer = await world.buyer()
    const again = await world.call('invitation', {
      email: buyer.email,
      accountId: buyer.accountId,
    })
    await page.context().clearCookies()
    await page.goto(again.path)
    await field(page, 'Senha').fill('senha-errada')
    await page.getByRole('button', { name: 'Entrar' }).click()
    await expectFieldError(field(page, 'Senha'), 'Senha incorreta.')
    await snapshot(page, 'invitation-wrong-password-without-js')
    await field(page, 'Senha').fill(buyer.password)
    await page.getByRole('button', { name: 'Entrar' }).click()
    await expect(page).toHaveURL(/\/catalog/)
  })
})
