import { expect, type Page } from '@playwright/test'

/** Logs in through the form (most tests log in by cookie: `world.loginAs`). */
export async function login(page: Page, email: string, password: string) {
  await page.goto('/auth/login')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Senha').fill(password)
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page).not.toHaveURL(/\/auth\/login/)
}

export async function quickOrder(page: Page, lines: string) {
  await page.goto('/cart')
  await page.getByLabel('Linhas do pedido rápido').fill(lines)
  await page.getByRole('button', { name: 'Adicionar ao carrinho' }).click()
}

/** The newest order ids on the buyer's order list, newest first. */
export async function orderIds(page: Page): Promise<number[]> {
  await page.goto('/orders')
  const links = await page.getByTestId('order-row').getByRole('link').allTextContents()
  return links.map((text) => Number(text.replace('#', '')))
}

/** An ADMIN creates a staff user on /admin/users/new; the set-password link goes out by email. */
export async function createStaffUser(
  page: Page,
  user: { name: string; email: string; role: string; repCode?: string },
) {
  await page.goto('/admin/users/new')
  await page.getByLabel('Nome', { exact: true }).fill(user.name)
  await page.getByLabel('E-mail', { exact: true }).fill(user.email)
  await page.getByLabel('Perfil', { exact: true }).selectOption({ label: user.role })
  if (user.repCode)
    await page.getByLabel('Código do representante', { exact: true }).fill(user.repCode)
  await page.getByRole('button', { name: 'Criar e enviar link de senha' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Usuário criado' })).toHaveText(
    `Usuário criado. Enviamos para ${user.email.toLowerCase()} um link para criar a senha.`,
  )
}
