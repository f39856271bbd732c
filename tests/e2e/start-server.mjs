// Starts the built app for the e2e run on a fresh database: migrate, seed the demo, serve it
// with the endpoint through which tests create their own data (tests/e2e/world/server.ts).
// Ports come from playwright.config.ts (E2E_PORT, E2E_STRIPE_PORT, E2E_WORLD_PORT).
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import pg from 'pg'

const port = process.env.E2E_PORT ?? '3100'
// Pay now goes to a local stand-in for Stripe's API and hosted page (tests/support/fake-stripe.ts).
const stripe = JSON.parse(fs.readFileSync('tests/e2e/fake-stripe.json', 'utf8'))
const stripePort = process.env.E2E_STRIPE_PORT ?? '12111'
const env = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: port,
  APP_URL: `http://localhost:${port}`,
  DATABASE_URL: await e2eDatabase(process.env.DATABASE_URL),
  // Every spec logs in from 127.0.0.1: keep the per-address limits out of the way.
  LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
  RESET_MAX_REQUESTS_PER_IP: '100000',
  ACCESS_REQUEST_MAX_PER_IP: '100000',
  REATIVA_SKIP_DOTENV: '1',
  STRIPE_SECRET_KEY: stripe.secretKey,
  STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
  STRIPE_API_URL: `http://127.0.0.1:${stripePort}`,
}
delete env.RESEND_API_KEY

/**
 * A fresh database for the run: data/e2e-<port>.db, or, when DATABASE_URL names a PostgreSQL server
 * (`npm test` sets it for its PostgreSQL pass), a database `reativa_e2e_<port>` made anew on it.
 */
async function e2eDatabase(url) {
  if (!/^postgres(ql)?:\/\//.test(url ?? '')) {
    fs.mkdirSync('data', { recursive: true })
    // One file per port, so two runs on one machine (E2E_PORT) do not share a database.
    const file = `data/e2e-${port}.db`
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(`${file}${suffix}`, { force: true })
    return `file:./${file}`
  }
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const name = `reativa_e2e_${port}`
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const target = new URL(url)
  target.pathname = `/${name}`
  return target.toString()
}

// REATIVA_DEMO=off: an empty install, for the set-up spec (tests/e2e/setup.empty.spec.ts).
const demo = process.env.REATIVA_DEMO !== 'off'
for (const [command, args] of [
  ['npx', ['prisma', 'migrate', 'deploy']],
  ...(demo ? [['npx', ['tsx', 'prisma/seed.ts']]] : []),
]) {
  const result = spawnSync(command, args, { env, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
const fakeStripe = spawn('npx', ['tsx', 'tests/support/fake-stripe-server.ts', stripePort], {
  env,
  stdio: 'inherit',
})
const server = spawn('npx', ['tsx', 'tests/e2e/world/server.ts'], { env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    fakeStripe.kill(signal)
    server.kill(signal)
  })
}
server.on('exit', (code) => {
  fakeStripe.kill('SIGTERM')
  process.exit(code ?? 0)
})
