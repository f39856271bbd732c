import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll } from 'vitest'
import { databaseProvider } from '../../app/utils/database-url'
import { createPostgresDatabaseFromTemplate, dropPostgresDatabase } from './migrate'

// A fresh copy of the migrated template for every test file, so files never see each
// other's data. Runs before the file imports app code, which then opens this database.
const adminUrl = process.env.REATIVA_TEST_ADMIN_URL ?? process.env.DATABASE_URL
const onPostgres = databaseProvider(adminUrl) === 'postgresql'
const name = `test_${process.env.VITEST_POOL_ID ?? '0'}_${crypto.randomUUID().replaceAll('-', '')}`
const file = path.resolve('tests/.tmp', `${name}.db`)

if (onPostgres) {
  process.env.REATIVA_TEST_ADMIN_URL = adminUrl
  await createPostgresDatabaseFromTemplate(adminUrl!, name, 'reativa_test_template')
  const url = new URL(adminUrl!)
  url.pathname = `/${name}`
  process.env.DATABASE_URL = url.toString()
} else {
  fs.copyFileSync(path.resolve('tests/.tmp/template.db'), file)
  process.env.DATABASE_URL = `file:${file}`
}
process.env.NODE_ENV = 'test'

// Forks reuse processes: drop any client a previous file left open on its own database.
const store = globalThis as { __reativaPrisma?: { $disconnect(): Promise<void> } }
store.__reativaPrisma = undefined

afterAll(async () => {
  await store.__reativaPrisma?.$disconnect()
  store.__reativaPrisma = undefined
  if (onPostgres) await dropPostgresDatabase(adminUrl!, name)
  else fs.rmSync(file, { force: true })
})
