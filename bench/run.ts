/**
 * `npm run bench`: server time and SQL statements per request on the large dataset of
 * PRODUCT.md (20,000 accounts, 2,000 products, 500,000 imported order lines, 50 reps), on
 * SQLite (the default), PostgreSQL, or both side by side.
 *
 * Options:
 *   --db sqlite|postgresql|both   which database (default sqlite: data/bench.db). PostgreSQL
 *                                 uses the database reativa_bench on the server of
 *                                 BENCH_POSTGRES_URL (an admin URL), kept between runs, or else
 *                                 on a throwaway cluster, seeded on every run.
 *   --requests N                  measured requests per storefront scenario (default 200)
 *   --reseed                      rebuild the dataset
 *   --only requests|import|campaigns  one part: requests and back office in process
 *                                 (bench/measure.ts), the storefront over HTTP while an import
 *                                 is confirmed (bench/import-under-load.ts), or campaigns
 *
 * This process never loads the app: the Prisma client picks its database from DATABASE_URL
 * when first imported, so each database is measured by child processes started with it set
 * (bench/measure.ts in-process through the Remix build, then bench/campaigns.ts on a copy).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { postgresDatabase, sqliteDatabase, type BenchDatabase, type Dialect } from './databases'
import { appendFigures, readFigures, sideBySide, type Figure } from './figures'

const args = process.argv.slice(2)
const option = (name: string) => {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : undefined
}
const reseed = args.includes('--reseed')
const REQUESTS = Number(option('--requests') ?? 200)
const dbOption = option('--db') ?? 'sqlite'
if (!['sqlite', 'postgresql', 'both'].includes(dbOption)) {
  throw new Error(`--db ${dbOption}: expected sqlite, postgresql or both`)
}
if (!Number.isInteger(REQUESTS) || REQUESTS < 1) throw new Error('--requests expects a number')
const PARTS = ['requests', 'import', 'campaigns'] as const
const only = option('--only')
if (only && !(PARTS as readonly string[]).includes(only)) {
  throw new Error(`--only ${only}: expected ${PARTS.join(', ')}`)
}
const runs = (part: (typeof PARTS)[number]) => !only || only === part
const dialects: Dialect[] = dbOption === 'both' ? ['sqlite', 'postgresql'] : [dbOption as Dialect]
const NAMES: Record<Dialect, string> = { sqlite: 'SQLite', postgresql: 'PostgreSQL' }

const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  REATIVA_SKIP_DOTENV: '1',
  LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
}
delete baseEnv.RESEND_API_KEY
delete baseEnv.DATABASE_URL

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = baseEnv) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env })
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed`)
}

type Inspection = { accounts: number; orderLines: number; statusChanges: number; settings: string }

/** What the database holds and how it is set up (bench/dataset.ts), or null if unreadable. */
function inspect(env: NodeJS.ProcessEnv): Inspection | null {
  const result = spawnSync('npx', ['tsx', 'bench/dataset.ts'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  if (result.status !== 0) return null
  try {
    return JSON.parse(result.stdout.trim().split('\n').pop() ?? '') as Inspection
  } catch {
    return null
  }
}

// The seed aims at 500,000 lines and lands within a few hundred of it.
const seeded = (found: Inspection | null): found is Inspection =>
  !!found && found.statusChanges > 0 && found.accounts >= 20_000 && found.orderLines >= 490_000

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')

/** Seeds if needed, then measures one database; returns its figures. */
async function bench(database: BenchDatabase): Promise<Figure[]> {
  const env = { ...baseEnv, DATABASE_URL: database.url }
  const results = path.join(os.tmpdir(), `reativa-bench-${database.dialect}-${process.pid}.json`)
  fs.rmSync(results, { force: true })
  console.log(`\n=== ${database.label} ===`)

  // Bring an existing benchmark database up to the current migrations first.
  let found: Inspection | null = null
  if (await database.exists()) {
    run('npx', ['prisma', 'migrate', 'deploy'], env)
    found = inspect(env)
  }
  if (reseed || !seeded(found)) {
    console.log(
      database.persistent
        ? 'Seeding the large dataset (a few minutes, once)…'
        : 'Seeding the large dataset into the throwaway cluster (a few minutes, on every run)…',
    )
    const started = performance.now()
    await database.recreate()
    run('npx', ['prisma', 'migrate', 'deploy'], env)
    run('npx', ['tsx', 'prisma/seed.ts', '--large'], env)
    const seconds = (performance.now() - started) / 1000
    console.log(`Seeded in ${seconds.toFixed(0)} s (migrations and seed).`)
    appendFigures(results, [
      { section: 'dataset', name: 'seed the large dataset', value: seconds, unit: 's', digits: 0 },
    ])
    found = inspect(env)
  }
  if (!seeded(found))
    throw new Error(`The benchmark dataset is incomplete: ${JSON.stringify(found)}`)
  console.log(found.settings)
  // Derived data (next reviews, revenue summary) caught up, as the nightly job does.
  run('npx', ['tsx', 'scripts/reclassify.ts'], env)

  if (runs('requests')) run('npx', ['tsx', 'bench/measure.ts', results, String(REQUESTS)], env)
  // The built server in its own process, this one sending requests from outside.
  if (runs('import')) run('npx', ['tsx', 'bench/import-under-load.ts', results], env)
  // Its own process: it points the Resend SDK at a local stand-in, and works on a copy.
  if (runs('campaigns')) {
    const copy = await database.copy()
    try {
      run('npx', ['tsx', 'bench/campaigns.ts', results], { ...env, DATABASE_URL: copy.url })
    } finally {
      await copy.drop()
    }
  }
  const figures = readFigures(results)
  fs.rmSync(results, { force: true })
  return figures
}

async function main() {
  console.log(
    `Load average (1/5/15 min) at the start: ${loadAverage()} on ${os.cpus().length} CPUs.`,
  )
  console.log('Building the production bundle…')
  run('npm', ['run', 'build'])

  const figures = new Map<Dialect, Figure[]>()
  for (const dialect of dialects) {
    const database = dialect === 'sqlite' ? sqliteDatabase() : await postgresDatabase()
    // A throwaway cluster must not outlive an interrupted run.
    const stop = () => {
      void database.close().finally(() => process.exit(130))
    }
    process.once('SIGINT', stop)
    try {
      figures.set(dialect, await bench(database))
    } finally {
      process.off('SIGINT', stop)
      await database.close()
    }
  }

  if (dialects.length === 2) {
    console.log(
      `\n=== ${NAMES.sqlite} and ${NAMES.postgresql} side by side (PG/SQLite above 1: more time, memory or statements on PostgreSQL, or a higher rate for emails/s) ===`,
    )
    console.table(sideBySide(figures.get('sqlite') ?? [], figures.get('postgresql') ?? []))
  }
  console.log(`Load average (1/5/15 min) at the end: ${loadAverage()}.`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
