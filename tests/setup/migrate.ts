import fs from 'node:fs'
import path from 'node:path'
import { createClient } from '@libsql/client'

/** Applies every prisma/migrations/<name>/migration.sql, in order, to a new SQLite file. */
export async function createDatabaseFromMigrations(file: string): Promise<void> {
  fs.rmSync(file, { force: true })
  const client = createClient({ url: `file:${file}` })
  const root = path.resolve('prisma/migrations')
  const folders = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  for (const folder of folders) {
    await client.executeMultiple(fs.readFileSync(path.join(root, folder, 'migration.sql'), 'utf8'))
  }
  client.close()
}
