// Generates both Prisma clients: SQLite's (@prisma/client) and PostgreSQL's
// (node_modules/.prisma/client-postgresql, from the generated twin schema). The app loads the
// one DATABASE_URL names, so one install can run on either database (decision 009).
//
//   node scripts/generate-clients.mjs              generate both
//   node scripts/generate-clients.mjs --if-stale   only when a schema or Prisma changed since the
//                                                  last generation (npm start, npm run setup)
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'

// What the clients are generated from: both schemas and the installed Prisma.
const STAMP = 'node_modules/.prisma/reativa-clients.sha256'
const inputs = crypto.createHash('sha256')
for (const file of [
  'prisma/schema.prisma',
  'prisma/postgresql/schema.prisma',
  'node_modules/prisma/package.json',
  'node_modules/@prisma/client/package.json',
])
  inputs.update(fs.readFileSync(file))
const digest = inputs.digest('hex')
const generated = [
  'node_modules/.prisma/client/index.js',
  'node_modules/.prisma/client-postgresql/index.js',
]
if (
  process.argv.includes('--if-stale') &&
  generated.every((file) => fs.existsSync(file)) &&
  fs.existsSync(STAMP) &&
  fs.readFileSync(STAMP, 'utf8') === digest
) {
  console.log('Prisma clients are up to date.')
  process.exit(0)
}

// A generation cut short must not pass for a finished one next time.
fs.rmSync(STAMP, { force: true })
for (const url of ['file:./data/reativa.db', 'postgresql://localhost/reativa']) {
  // prisma.config.ts picks the schema by DATABASE_URL; generating connects to nothing.
  const result = spawnSync('npx', ['prisma', 'generate'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url, REATIVA_SKIP_DOTENV: '1' },
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

// A client generated to a custom folder gets its own copy of Prisma's runtime (the same file
// but for a comment). Two copies mean two `Prisma.sql` classes: raw queries built with the
// helpers imported from '@prisma/client' would not be recognised by the PostgreSQL client,
// nor would its errors be instances of `Prisma.PrismaClientKnownRequestError`. Share one.
const entry = 'node_modules/.prisma/client-postgresql/index.js'
const source = fs.readFileSync(entry, 'utf8')
const shared = source.replaceAll(
  "require('./runtime/client.js')",
  "require('@prisma/client/runtime/client.js')",
)
if (!shared.includes("require('@prisma/client/runtime/client.js')")) {
  console.error(
    `${entry}: Prisma's runtime import was not found; update scripts/generate-clients.mjs`,
  )
  process.exit(1)
}
fs.writeFileSync(entry, shared)
fs.writeFileSync(STAMP, digest)
