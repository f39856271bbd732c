import { test as base, expect } from '@playwright/test'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import type * as actions from './world/actions'

type Actions = typeof actions
type ActionName = {
  [K in keyof Actions]: Actions[K] extends (options: never) => Promise<unknown> ? K : never
}[keyof Actions]
type Options<K extends ActionName> = Parameters<Actions[K]>[0]
type Result<K extends ActionName> = Awaited<ReturnType<Actions[K]>>

/**
 * The data a test makes for itself, through the e2e server's world endpoint
 * (tests/e2e/world/actions.ts), and logging in by cookie instead of through the form.
 */
export class World {
  constructor(
    private readonly baseURL: string,
    /** The world endpoint of the server at baseURL (another one for setup.empty-install.spec). */
    private readonly worldPort = process.env.E2E_WORLD_PORT,
  ) {}

  async call<K extends ActionName>(name: K, options?: Options<K>): Promise<Result<K>> {
    const response = await fetch(`http://127.0.0.1:${this.worldPort}/world/${name}`, {
      method: 'POST',
      body: JSON.stringify(options ?? {}),
    })
    if (!response.ok) throw new Error(`world/${name}: ${response.status} ${await response.text()}`)
    return (await response.json()) as Result<K>
  }

  buyer(options?: Options<'buyer'>) {
    return this.call('buyer', options)
  }

  manager() {
    return this.call('staff', { role: 'MANAGER' })
  }

  admin() {
    return this.call('staff', { role: 'ADMIN' })
  }

  telesales() {
    return this.call('staff', { role: 'TELESALES' })
  }

  rep() {
    return this.call('rep')
  }

  /** Opens a session for `user` and puts its cookie in the page's (or context's) browser. */
  async loginAs(target: Page | BrowserContext, user: { id: string }) {
    const context = 'context' in target ? target.context() : target
    const cookie = await this.call('session', { userId: user.id })
    await context.addCookies([{ ...cookie, url: this.baseURL, httpOnly: true, sameSite: 'Lax' }])
  }

  /** A new browser context logged in as `user`, and a page in it. */
  async pageAs(browser: Browser, user: { id: string }) {
    const context = await browser.newContext()
    await this.loginAs(context, user)
    return context.newPage()
  }

  /**
   * Reads the newest email to an address from the dev mailbox, as an admin who may see it.
   * Email goes out through the outbox a moment after the action that queued it: the mailbox is
   * reloaded until its newest message to `to` has `expectedSubject`.
   */
  async latestMail(browser: Browser, to: string, expectedSubject: string) {
    const page = await this.pageAs(browser, await this.admin())
    const newest = page.getByTestId('mail-row').first()
    await expect(async () => {
      await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`)
      await expect(newest).toContainText(expectedSubject, { timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
    await newest.getByRole('link').click()
    const subject = await page.getByTestId('mail-subject').textContent()
    const from = (await page.getByTestId('mail-from').textContent()) ?? ''
    const text = (await page.getByTestId('mail-text').textContent()) ?? ''
    await page.context().close()
    return { subject: subject ?? '', from, text: text.replace(/\s+/g, ' ') }
  }
}

type Fixtures = {
  world: World
  /** The test's page, logged in as a new manager. */
  managerPage: Page
}

export const test = base.extend<Fixtures>({
  // Playwright calls the second argument `use`; named otherwise so React's hook rule keeps quiet.
  world: async ({ baseURL }, provide) => {
    await provide(new World(baseURL!))
  },
  managerPage: async ({ page, world }, provide) => {
    await world.loginAs(page, await world.manager())
    await provide(page)
  },
})

export { expect }
