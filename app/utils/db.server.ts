import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { PrismaClient } from '@prisma/client'
import { databaseUrl } from './database-url'

/** Counts SQL statements, so `npm run bench` can report queries per request. */
export type QueryStats = { count: number }

const globalStore = globalThis as unknown as {
  __reativaPrisma?: PrismaClient
  __reativaQueryStats?: QueryStats
}

export const queryStats: QueryStats = (globalStore.__reativaQueryStats ??= { count: 0 })

function createPrismaClient() {
  const client = new PrismaClient({
    adapter: new PrismaLibSQL({ url: databaseUrl() }),
    log: [{ emit: 'event', level: 'query' }],
  })
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
