/**
 * The benchmark databases, for bench/run.ts: where each lives, and the few things that are
 * done to a whole database rather than through the app's Prisma client (create, drop, copy),
 * which differ between SQLite (a file) and PostgreSQL (an admin connection).
 */
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { startPostgres, withDatabase } from '../scripts/postgres-cluster.mjs'

export type Dialect = 'sqlite' | 'postgresql'

export type BenchDatabase = {
  dialect: Dialect
  /** Where the data is, for the output. */
  label: string
  /** DATABASE_URL of the seeded benchmark database. */
  url: string
  /** Whether a seeded dataset outlives this run (a throwaway cluster's does not). */
  persistent: boolean
  exists(): Promise<boolean>
  /** Removes the database (if any) and leaves an empty one, ready for the migrations. */
  recreate(): Promise<void>
  /** A copy of the benchmark database for the campaign part, which changes it; `drop()` after. */
  copy(): Promise<{ url: string; drop(): Promise<void> }>
  close(): Promise<void>
}

const SQLITE_FILE = path.resolve('data/bench.db')
const SQLITE_COPY = path.resolve('data/bench-campaigns.db')
const PG_DATABASE = 'reativa_bench'
const PG_COPY = 'reativa_bench_campaigns'

function removeSqlite(file: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    fs.rmSync(`${file}${suffix}`, { force: true })
}

export function sqliteDatabase(): BenchDatabase {
  return {
    dialect: 'sqlite',
    label: 'SQLite, data/bench.db',
    url: `file:${SQLITE_FILE}`,
    persistent: true,
    exists: async () => fs.existsSync(SQLITE_FILE),
    recreate: async () => removeSqlite(SQLITE_FILE),
    async copy() {
      removeSqlite(SQLITE_COPY)
      fs.copyFileSync(SQLITE_FILE, SQLITE_COPY)
      return { url: `file:${SQLITE_COPY}`, drop: async () => removeSqlite(SQLITE_COPY) }
    },
    close: async () => undefined,
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/**
 * `reativa_bench` on the server of BENCH_POSTGRES_URL (an admin URL, kept between runs like
 * data/bench.db), or else on a throwaway cluster started here and removed by `close()`.
 */
export async function postgresDatabase(): Promise<BenchDatabase> {
  const given = process.env.BENCH_POSTGRES_URL?.trim()
  const cluster = given ? null : await startPostgres()
  const adminUrl = given || cluster!.url
  const server = new URL(adminUrl).host
  const url = withDatabase(adminUrl, PG_DATABASE)
  const exists = (name: string) =>
    withAdmin(adminUrl, async (admin) => {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
      return (found.rowCount ?? 0) > 0
    })
  const drop = (name: string): Promise<void> =>
    withAdmin(adminUrl, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)
    })

  return {
    dialect: 'postgresql',
    label: cluster
      ? `PostgreSQL, ${PG_DATABASE} on a throwaway cluster at ${server} (seeded on every run; set BENCH_POSTGRES_URL to keep it)`
      : `PostgreSQL, ${PG_DATABASE} on ${server} (BENCH_POSTGRES_URL)`,
    url,
    persistent: !cluster,
    exists: () => exists(PG_DATABASE),
    async recreate() {
      await drop(PG_DATABASE)
      await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${quote(PG_DATABASE)}`))
    },
    async copy() {
      await drop(PG_COPY)
      await withAdmin(adminUrl, async (admin) => {
        const version = Number(
          (await admin.query('SHOW server_version_num')).rows[0].server_version_num,
        )
        // Since PostgreSQL 15 a copy goes through the WAL by default, which is slow for a
        // database this size; copying the files is what older servers always did.
        const strategy = version >= 150_000 ? ' STRATEGY FILE_COPY' : ''
        for (let attempt = 1; ; attempt++) {
          try {
            await admin.query(
              `CREATE DATABASE ${quote(PG_COPY)} TEMPLATE ${quote(PG_DATABASE)}${strategy}`,
            )
            return
          } catch (error) {
            // "source database is being accessed by other users": the measuring process's
            // connections may take a moment to close.
            if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error
            await new Promise((resolve) => setTimeout(resolve, 500))
          }
        }
      })
      return { url: withDatabase(adminUrl, PG_COPY), drop: () => drop(PG_COPY) }
    },
    async close() {
      cluster?.stop()
    },
  }
}
