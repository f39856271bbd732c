import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { parse } from 'pg-connection-string'

// PostgreSQL's catalog types `name` (oid 19) and `"char"` (oid 18) are plain text to us, but
// the driver adapter refuses to read them. Only the CLI meets them (migrate introspects
// pg_catalog); reporting them as `text` (oid 25) is all it takes.
const CATALOG_TEXT_TYPES = new Set([18, 19])
const TEXT_OID = 25

function asText(result: pg.QueryResult | undefined) {
  for (const field of result?.fields ?? [])
    if (CATALOG_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT_OID
  return result
}

class CatalogTextClient extends pg.Client {
  // pg's query() has many overloads: the adapter uses the promise form, pg.Pool the callback.
  query(...args: unknown[]): never {
    const last = args.length - 1
    const callback = args[last]
    if (typeof callback === 'function')
      args[last] = (error: Error, result: pg.QueryResult) => callback(error, asText(result))
    const result = (super.query as (...a: unknown[]) => unknown)(...args)
    if (result instanceof Promise) return result.then(asText) as never
    return result as never
  }
}

export type PostgresOptions = { poolSize?: number }

/**
 * Pool settings from a postgres:// URL, as separate fields: pg lets a connectionString win
 * over `database`, which would point a throwaway database's pool at the real one.
 */
export function poolConfig(url: string, { poolSize = 10 }: PostgresOptions = {}): pg.PoolConfig {
  const parsed = parse(url)
  return {
    host: parsed.host ?? undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    user: parsed.user ?? undefined,
    password: parsed.password ?? undefined,
    database: parsed.database ?? undefined,
    ssl: parsed.ssl as pg.PoolConfig['ssl'],
    max: poolSize,
    // Wait for a free connection rather than fail: a burst of checkouts queues for a moment.
    connectionTimeoutMillis: 15_000,
    idleTimeoutMillis: 30_000,
    // Idle connections do not keep a script (the CLI, the seed) alive once its work is done.
    allowExitOnIdle: true,
    Client: CatalogTextClient,
  }
}

/**
 * The driver adapter for PostgreSQL. Its throwaway ("shadow") database, which `migrate diff
 * --from-migrations` uses, is created and dropped here: the stock adapter drops it while its
 * own pool is still connected to it.
 */
export class ReativaPg extends PrismaPg {
  private readonly pgConfig: pg.PoolConfig

  constructor(url: string, options: PostgresOptions = {}) {
    const config = poolConfig(url, options)
    super(config)
    this.pgConfig = config
  }

  async connectToShadowDb() {
    const name = `reativa_shadow_${crypto.randomUUID().replaceAll('-', '')}`
    const admin = new pg.Client({ ...this.pgConfig, Client: undefined } as pg.ClientConfig)
    await admin.connect()
    try {
      await admin.query(`CREATE DATABASE "${name}"`)
    } finally {
      await admin.end()
    }
    const adapter = await new PrismaPg({ ...this.pgConfig, database: name }).connect()
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = async () => {
      await dispose()
      const dropper = new pg.Client({ ...this.pgConfig, Client: undefined } as pg.ClientConfig)
      await dropper.connect()
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      } finally {
        await dropper.end()
      }
    }
    return adapter
  }
}
