import { defineConfig } from '@playwright/test'

// Ports of one run; set E2E_PORT to run a second suite on the same machine. Worker processes
// inherit these from the runner, which reads this file first.
const PORT = Number(process.env.E2E_PORT ?? 3100)
process.env.E2E_PORT = String(PORT)
process.env.E2E_STRIPE_PORT ??= String(PORT + 9011)
process.env.E2E_WORLD_PORT ??= String(PORT + 1)

/**
 * Specs that read portfolio-wide figures (dashboard counts, campaign segments, a rep's ledger)
 * or change settings every page reads (thresholds, payment methods). They run one at a time,
 * after the others, so no parallel test moves the figures they compare.
 */
const SHARED_STATE = [
  'back-office.spec.ts',
  'campaigns.spec.ts',
  'commission.spec.ts',
  'payments.spec.ts',
  'forms-settings.spec.ts',
]

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
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
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
