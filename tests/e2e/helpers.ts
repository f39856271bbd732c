import { expect, type Browser, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'reativa123'
export const BUYER_A = 'comprador@reativa.dev'
export const BUYER_B = 'compras@reativa.dev'
export const ADMIN = 'admin@reativa.dev'

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/auth/login')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Senha').fill(password)
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page).not.toHaveURL(/\/auth\/login/)
}

export async function emptyCart(page: Page) {
  await page.goto('/cart')
  const remove = page.getByRole('button', { name: /^Remover / })
  while ((await remove.count()) > 0) {
    const before = await remove.count()
    await remove.first().click()
    await expect(remove).toHaveCount(before - 1)
  }
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

/**
 * Reads the newest email to an address from the dev mailbox, as the admin who may see it.
 * Email goes out through the outbox a moment after the action that queued it: the mailbox is
 * reloaded until its newest message to `to` has `expectedSubject`.
 */
export async function latestMail(browser: Browser, to: string, expectedSubject: string) {
  const context = await browser.newContext({ locale: 'pt-BR' })
  const page = await context.newPage()
  await login(page, ADMIN)
  const newest = page.getByTestId('mail-row').first()
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`)
    await expect(newest).toContainText(expectedSubject, { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  await newest.getByRole('link').click()
  const subject = await page.getByTestId('mail-subject').textContent()
  const text = (await page.getByTestId('mail-text').textContent()) ?? ''
  await context.close()
  return { subject: subject ?? '', text: text.replace(/\s+/g, ' ') }
}
