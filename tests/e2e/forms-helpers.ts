import { expect, type Locator, type Page } from '@playwright/test'

/**
 * The field is marked invalid and its `aria-describedby` points at an error list that says
 * `text`: the error is beside the field for everyone, screen readers included.
 */
export async function expectFieldError(field: Locator, text: string | RegExp) {
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAttribute('aria-describedby', /-error\b/)
  const describedBy = (await field.getAttribute('aria-describedby')) ?? ''
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'))!
  await expect(field.page().locator(`[id="${errorId}"]`)).toHaveText(text)
}

export async function expectNoFieldError(field: Locator) {
  await expect(field).not.toHaveAttribute('aria-invalid', 'true')
}

/** Every POST the page sends from now on: empty when the browser refused before sending. */
export function recordPosts(page: Page): string[] {
  const posts: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url())
  })
  return posts
}

/** A full-page picture of a refused form, to read how its errors look (tests/.tmp/forms). */
export async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `tests/.tmp/forms/${name}.png`, fullPage: true })
}
