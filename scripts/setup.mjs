// `npm run setup`: generate the Prisma clients (when a schema changed since), create the
// PostgreSQL database when it does not exist yet, apply the migrations, and seed the demo into
// an empty database (unless REATIVA_DEMO=off).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import pg from 'pg'

if (process.env.REATIVA_SKIP_DOTENV !== '1' && fs.existsSync('.env')) process.loadEnvFile('.env')

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

/** On PostgreSQL, `prisma migrate deploy` needs the database to exist: create it if we may. */
async function ensurePostgresDatabase(url) {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  if (!name) return
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  try {
    await client.connect()
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (rowCount) return
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`)
    console.log(`Created the PostgreSQL database ${name}.`)
  } catch (error) {
    // No right to create databases, or no `postgres` database: migrate will say what is wrong.
    console.warn(`Could not check or create the database ${name}: ${error.message}`)
  } finally {
    await client.end().catch(() => undefined)
  }
}

// REATIVA_DEMO=off: a real install starts empty, and its first visit opens /setup.
const demo = (process.env.REATIVA_DEMO ?? 'on').trim().toLowerCase()
if (!['on', 'off'].includes(demo)) {
  console.error(`REATIVA_DEMO must be "on" or "off", not "${process.env.REATIVA_DEMO}".`)
  process.exit(1)
}
run('node', ['scripts/generate-clients.mjs', '--if-stale'])
const url = process.env.DATABASE_URL ?? ''
if (/^postgres(ql)?:\/\//i.test(url.trim())) await ensurePostgresDatabase(url.trim())
run('npx', ['prisma', 'migrate', 'deploy'])
if (demo === 'on') run('npx', ['tsx', 'prisma/seed.ts', '--if-empty'])
else console.log('REATIVA_DEMO=off: no demo data.')
