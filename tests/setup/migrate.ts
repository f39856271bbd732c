import fs from 'node:fs'
import path from 'node:path'
import { createClient } from '@libsql/client'
import pg from 'pg'

function migrationFiles(root: string): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(root, entry.name, 'migration.sql'))
    .sort()
}

/** Applies every prisma/migrations/<name>/migration.sql, in order, to a new SQLite file. */
export async function createDatabaseFromMigrations(file: string): Promise<void> {
  fs.rmSync(file, { force: true })
  const client = createClient({ url: `file:${file}` })
  for (const migration of migrationFiles(path.resolve('prisma/migrations')))
    await client.executeMultiple(fs.readFileSync(migration, 'utf8'))
  client.close()
}

/** Runs `work` with a client on the given PostgreSQL URL. */
export async function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/** (Re)creates a PostgreSQL database and applies prisma/postgresql/migrations to it. */
export async function createPostgresDatabaseFromMigrations(adminUrl: string, name: string) {
  await withPostgres(adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${quote(name)}`)
  })
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  await withPostgres(url.toString(), async (client) => {
    for (const migration of migrationFiles(path.resolve('prisma/postgresql/migrations')))
      await client.query(fs.readFileSync(migration, 'utf8'))
  })
}

/**
 * A new database copied from a template. PostgreSQL refuses to copy a template while another
 * copy of it is being made ("being accessed by other users"), which parallel test files do:
 * wait and try again.
 */
export async function createPostgresDatabaseFromTemplate(
  adminUrl: string,
  name: string,
  template: string,
) {
  await withPostgres(adminUrl, async (admin) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`)
        return
      } catch (error) {
        const busy = (error as { code?: string }).code === '55006'
        if (!busy || attempt >= 50) throw error
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150))
      }
    }
  })
}

export async function dropPostgresDatabase(adminUrl: string, name: string) {
  await withPostgres(adminUrl, (admin) =>
    admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`),
  )
}
