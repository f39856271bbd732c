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

/** A valid CNPJ no other test uses: its first 12 digits at random, then its check digits. */
export function randomCnpj(): string {
  const digits = Array.from({ length: 12 }, () => Math.floor(Math.random() * 10))
  for (const length of [12, 13]) {
    let sum = 0
    for (let i = 0; i < length; i++) sum += digits[i]! * (((length - 1 - i) % 8) + 2)
    const rest = sum % 11
    digits.push(rest < 2 ? 0 : 11 - rest)
  }
  return digits.join('')
}
