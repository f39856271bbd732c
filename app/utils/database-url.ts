import './load-dotenv'
import fs from 'node:fs'
import path from 'node:path'

export type DatabaseProvider = 'sqlite' | 'postgresql'

/**
 * Which database DATABASE_URL names: `postgres://` or `postgresql://` is PostgreSQL, anything
 * else (`file:…`, or nothing at all) the embedded SQLite file.
 */
export function databaseProvider(value = process.env.DATABASE_URL): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(value?.trim() ?? '') ? 'postgresql' : 'sqlite'
}

/**
 * The database URL. For SQLite, the file is resolved against the working directory (the
 * project root for every npm script) so the CLI, the server, the seed and the tests all open the
 * same file; a PostgreSQL URL is returned as it is.
 */
export function databaseUrl(
  value = process.env.DATABASE_URL,
  { createFolder = true }: { createFolder?: boolean } = {},
): string {
  const url = value && value.trim() !== '' ? value.trim() : 'file:./data/reativa.db'
  if (!url.startsWith('file:')) return url
  const file = path.resolve(process.cwd(), url.slice('file:'.length))
  // A fresh clone has no data/ folder yet; SQLite creates the file but not its folder. Only the
  // CLI (`npm run setup`) does: the app expects a migrated file and says so (server/database-check).
  if (createFolder) fs.mkdirSync(path.dirname(file), { recursive: true })
  return `file:${file}`
}

/** Where each provider's schema and migrations live (the PostgreSQL ones are generated). */
export function prismaPaths(provider: DatabaseProvider) {
  const dir = provider === 'postgresql' ? path.join('prisma', 'postgresql') : 'prisma'
  return { schema: path.join(dir, 'schema.prisma'), migrations: path.join(dir, 'migrations') }
}
