// The data model has one source, prisma/schema.prisma (SQLite). This script keeps its
// PostgreSQL twin and both databases' migrations in step (decision 009).
//
//   npm run db:schema                      write prisma/postgresql/schema.prisma from the source
//   npm run db:schema -- --check           fail when the twin is out of date (CI)
//   npm run db:migration -- <name>         after editing prisma/schema.prisma: write the twin and
//                                          one migration per database, from the schema at HEAD
//                                          (or --from <git rev>) to the working tree's
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const source = path.join(root, 'prisma', 'schema.prisma')
const twin = path.join(root, 'prisma', 'postgresql', 'schema.prisma')

export function postgresSchema(sqliteSchema: string): string {
  const generator = /generator client \{\n/
  const provider = /(datasource db \{[^}]*provider\s*=\s*)"sqlite"/
  if (!generator.test(sqliteSchema) || !provider.test(sqliteSchema))
    throw new Error('prisma/schema.prisma: expected `generator client` and a sqlite datasource')
  const body = sqliteSchema
    .replace(
      generator,
      'generator client {\n  output     = "../../node_modules/.prisma/client-postgresql"\n',
    )
    .replace(provider, '$1"postgresql"')
  return (
    '// GENERATED from prisma/schema.prisma by scripts/db-schema.ts: do not edit by hand.\n' +
    '// Change prisma/schema.prisma, then run `npm run db:migration -- <name>`.\n\n' +
    body
  )
}

function writeTwin(): void {
  fs.mkdirSync(path.dirname(twin), { recursive: true })
  fs.writeFileSync(twin, postgresSchema(fs.readFileSync(source, 'utf8')))
}

function checkTwin(): void {
  const expected = postgresSchema(fs.readFileSync(source, 'utf8'))
  const current = fs.existsSync(twin) ? fs.readFileSync(twin, 'utf8') : ''
  if (current !== expected) {
    console.error(
      'prisma/postgresql/schema.prisma is out of date with prisma/schema.prisma: run `npm run db:schema`.',
    )
    process.exit(1)
  }
  console.log('prisma/postgresql/schema.prisma matches prisma/schema.prisma.')
}

/** `prisma migrate diff` between two schema files, as SQL (offline: it connects to nothing). */
function diff(from: string, to: string): string {
  return execFileSync(
    'npx',
    [
      'prisma',
      'migrate',
      'diff',
      '--from-schema-datamodel',
      from,
      '--to-schema-datamodel',
      to,
      '--script',
    ],
    // The SQLite setting keeps the CLI offline for both providers' diffs.
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: 'file:./data/reativa.db' },
    },
  )
}

function createMigrations(name: string, fromRev: string): void {
  if (!/^[a-z0-9_]+$/.test(name))
    throw new Error('Name the migration in snake_case, e.g. add_phones')
  writeTwin()
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reativa-migration-'))
  const previous = execFileSync('git', ['show', `${fromRev}:prisma/schema.prisma`], {
    cwd: root,
    encoding: 'utf8',
  })
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  const targets = [
    { dir: path.join(root, 'prisma', 'migrations'), before: previous, after: source },
    {
      dir: path.join(root, 'prisma', 'postgresql', 'migrations'),
      before: postgresSchema(previous),
      after: twin,
    },
  ]
  for (const [index, target] of targets.entries()) {
    const beforeFile = path.join(tmp, `before-${index}.prisma`)
    fs.writeFileSync(beforeFile, target.before)
    const sql = diff(beforeFile, target.after)
    if (!sql.replace(/^--.*$/gm, '').trim()) {
      console.log(`${path.relative(root, target.dir)}: no change since ${fromRev}.`)
      continue
    }
    const folder = path.join(target.dir, `${stamp}_${name}`)
    fs.mkdirSync(folder, { recursive: true })
    fs.writeFileSync(path.join(folder, 'migration.sql'), sql)
    console.log(`Wrote ${path.relative(root, folder)}/migration.sql`)
  }
  fs.rmSync(tmp, { recursive: true, force: true })
}

const [command, ...rest] = process.argv.slice(2)
if (command === 'migration') {
  const fromIndex = rest.indexOf('--from')
  const fromRev = fromIndex >= 0 ? rest[fromIndex + 1] : 'HEAD'
  const name = rest.find((arg, i) => !arg.startsWith('--') && rest[i - 1] !== '--from')
  if (!name || !fromRev) {
    console.error('Usage: npm run db:migration -- <name> [--from <git rev>]')
    process.exit(2)
  }
  createMigrations(name, fromRev)
} else if (rest.includes('--check') || command === '--check') {
  checkTwin()
} else {
  writeTwin()
  console.log(`Wrote ${path.relative(root, twin)}`)
}
