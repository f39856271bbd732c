import { createRequire } from 'node:module'
import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { PrismaClient } from '@prisma/client'
import { databaseProvider, databaseUrl, type DatabaseProvider } from './database-url'
import { env } from './env.server'
import { ReativaPg } from './postgres.server'

/** Counts SQL statements, so `npm run bench` can report queries per request. */
export type QueryStats = { count: number }

const globalStore = globalThis as unknown as {
  __reativaPrisma?: ReturnType<typeof createPrismaClient>
  __reativaQueryStats?: QueryStats
}

export const queryStats: QueryStats = (globalStore.__reativaQueryStats ??= { count: 0 })

/** The database this process talks to, from DATABASE_URL (decision 009). */
export const dialect: DatabaseProvider = databaseProvider()

// Interactive transactions wait for a pooled connection up to this long (Prisma's default, 2 s,
// fails a burst of concurrent checkouts on PostgreSQL's pool) and may run up to `timeout`.
const transactionOptions = { maxWait: 15_000, timeout: 30_000 }

type Adapter = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>['adapter']>

function newClient(Client: typeof PrismaClient, adapter: Adapter) {
  return new Client({ adapter, log: [{ emit: 'event', level: 'query' }], transactionOptions })
}

/** A client for `url`; the app uses the one below, the start-up check a short-lived one. */
export function createPrismaClient(url = databaseUrl(undefined, { createFolder: false })) {
  let client: ReturnType<typeof newClient>
  if (databaseProvider(url) === 'postgresql') {
    // The PostgreSQL client is generated from prisma/postgresql/schema.prisma (the same models),
    // and loaded only here so a SQLite install never touches it. Its API is the same.
    const require = createRequire(import.meta.url)
    const { PrismaClient: PostgresClient } = require('.prisma/client-postgresql') as {
      PrismaClient: typeof PrismaClient
    }
    client = newClient(PostgresClient, new ReativaPg(url, { poolSize: env().DATABASE_POOL_SIZE }))
  } else {
    client = newClient(PrismaClient, new PrismaLibSQL({ url }))
  }
  client.$on('query', () => {
    queryStats.count += 1
  })
  return client
}

// One client per process, also across dev-server rebuilds.
export const prisma = (globalStore.__reativaPrisma ??= createPrismaClient())

export type Db = typeof prisma
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

/** True when a write failed on a unique constraint (Prisma P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code?: unknown }).code === 'P2002'
  )
}

/**
 * Runs reads together outside a transaction, and one after another inside one: a transaction
 * is a single connection, on which PostgreSQL's driver takes one query at a time (it warns, and
 * its next major version refuses, when asked for two at once).
 */
export async function readAll<T extends readonly (() => PromiseLike<unknown>)[]>(
  db: object,
  reads: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = []
  if ('$transaction' in db) results.push(...(await Promise.all(reads.map((read) => read()))))
  else for (const read of reads) results.push(await read())
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }
}
