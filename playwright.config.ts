import { defineConfig } from '@playwright/test'

const PORT = 3100

/**
 * End-to-end tests drive Debian's Chromium (Playwright's own browser download is not used)
 * against the production build, on a database migrated and seeded for this run.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // One shared seeded database: run specs one after another.
  fullyParallel: false,
  workers: 1,
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
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
    },
  },
  webServer: {
    command: `node tests/e2e/start-server.mjs ${PORT}`,
    url: `http://localhost:${PORT}/auth/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
