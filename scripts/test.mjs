// `npm test`: the whole suite on SQLite, then again on PostgreSQL, then the multi-instance
// cluster test on PostgreSQL (decision 009).
//
// PostgreSQL comes from TEST_POSTGRES_URL (an admin URL of a server you run; the suite creates
// and drops its own databases there) or else from a throwaway cluster started from the local
// PostgreSQL install (scripts/postgres-cluster.mjs). Without either, the PostgreSQL passes are
// skipped with a warning, except under CI, where that is a failure.
import { spawnSync } from 'node:child_process'
import { findPostgresBin, startPostgres } from './postgres-cluster.mjs'

const started = Date.now()
const results = []

function step(name, command, args, env = {}) {
  console.log(`\n=== ${name} ===\n`)
  const t0 = Date.now()
  const { status } = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - t0) / 1000) })
  return status === 0
}

function finish() {
  console.log('\n=== Summary ===')
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`)
  console.log(`Total ${Math.round((Date.now() - started) / 1000)} s.`)
  const failed = results.filter((r) => !r.ok).length
  console.log(`${results.length - failed} passed, ${failed} failed`)
  process.exit(failed ? 1 : 0)
}

// SQLite, the embedded default. DATABASE_URL is cleared so a developer's .env cannot point the
// suite at a real database.
const sqlite = { DATABASE_URL: '', REATIVA_SKIP_DOTENV: '1' }
step('Unit and server tests on SQLite (Vitest)', 'npx', ['vitest', 'run'], sqlite)
step('Build', 'npm', ['run', 'build'], sqlite)
// The hostile-input probes run on the PostgreSQL pass only, the stricter database (decision 020);
// without PostgreSQL they run here instead, so a machine without it still runs them once.
const postgresReachable = !!process.env.TEST_POSTGRES_URL || !!findPostgresBin()
step(
  'End-to-end tests on SQLite (Playwright)',
  'npx',
  ['playwright', 'test', ...(postgresReachable ? ['--grep-invert', '@hostile'] : [])],
  sqlite,
)

let cluster = null
let postgresUrl = process.env.TEST_POSTGRES_URL
if (!postgresUrl && findPostgresBin()) {
  try {
    cluster = await startPostgres()
    postgresUrl = cluster.url
  } catch (error) {
    console.error(`Could not start PostgreSQL: ${error instanceof Error ? error.message : error}`)
  }
}
if (!postgresUrl) {
  const message =
    "PostgreSQL is not available (install Debian's `postgresql` or set TEST_POSTGRES_URL): the PostgreSQL passes did not run."
  if (process.env.CI) {
    console.error(message)
    results.push({ name: 'PostgreSQL passes', ok: false, seconds: 0 })
  } else {
    console.warn(`\nWARNING: ${message}`)
  }
  finish()
}

try {
  const pgEnv = { DATABASE_URL: postgresUrl, REATIVA_SKIP_DOTENV: '1' }
  // The PostgreSQL migrations, applied to a throwaway database, must give the PostgreSQL schema.
  step(
    'PostgreSQL migrations match the schema',
    'npx',
    [
      'prisma',
      'migrate',
      'diff',
      '--from-migrations',
      'prisma/postgresql/migrations',
      '--to-schema-datamodel',
      'prisma/postgresql/schema.prisma',
      '--exit-code',
    ],
    pgEnv,
  )
  step('Unit and server tests on PostgreSQL (Vitest)', 'npx', ['vitest', 'run'], pgEnv)
  step('End-to-end tests on PostgreSQL (Playwright)', 'npx', ['playwright', 'test'], pgEnv)
  step(
    'Cluster test: 3 web instances and 2 workers on PostgreSQL',
    'npx',
    ['tsx', 'tests/cluster/run.ts'],
    pgEnv,
  )
} finally {
  cluster?.stop()
}
finish()
