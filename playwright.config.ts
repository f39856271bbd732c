import fs from 'node:fs'
import { defineConfig } from '@playwright/test'

// Ports of one run; set E2E_PORT to run a second suite on the same machine. Worker processes
// inherit these from the runner, which reads this file first.
const PORT = Number(process.env.E2E_PORT ?? 3100)
process.env.E2E_PORT = String(PORT)
process.env.E2E_STRIPE_PORT ??= String(PORT + 9011)
process.env.E2E_WORLD_PORT ??= String(PORT + 1)

/**
 * Specs named `*.shared.spec.ts` read portfolio-wide figures (dashboard counts, the invitation
 * funnel, payout batches) or change settings every page reads (thresholds, payment methods).
 * They run one at a time, after the others, so no parallel test moves what they compare.
 */
const SHARED_STATE = /\.shared\.spec\.ts$/

/**
 * Debian's headless shell, the lighter build Playwright itself runs headless tests in (about a
 * third less time than the full browser on a two-core machine), else the full Chromium.
 */
const CHROMIUM =
  process.env.CHROMIUM_PATH ||
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => fs.existsSync(path))

/**
 * End-to-end tests drive Debian's Chromium (Playwright's own browser download is not used)
 * against the production build, on a database migrated and seeded for this run. Tests make
 * their own users and accounts (tests/e2e/fixtures.ts) and run in parallel.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 3,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-gpu',
      ],
    },
  },
  projects: [
    { name: 'parallel', testIgnore: SHARED_STATE, fullyParallel: true },
    {
      name: 'shared-state',
      testMatch: SHARED_STATE,
      workers: 1,
      fullyParallel: false,
      dependencies: ['parallel'],
    },
  ],
  webServer: {
    command: 'node tests/e2e/start-server.mjs',
    url: `http://localhost:${PORT}/auth/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
