import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll } from 'vitest'

// A fresh copy of the migrated template for every test file, so files never see each
// other's data. Runs before the file imports app code, which then opens this database.
const dir = path.resolve('tests/.tmp')
const file = path.join(dir, `test-${process.env.VITEST_POOL_ID ?? '0'}-${crypto.randomUUID()}.db`)
fs.copyFileSync(path.join(dir, 'template.db'), file)
process.env.DATABASE_URL = `file:${file}`
process.env.NODE_ENV = 'test'

// Forks reuse processes: drop any client a previous file left open on its own database.
const store = globalThis as { __reativaPrisma?: { $disconnect(): Promise<void> } }
store.__reativaPrisma = undefined

afterAll(async () => {
  await store.__reativaPrisma?.$disconnect()
  store.__reativaPrisma = undefined
  fs.rmSync(file, { force: true })
})
