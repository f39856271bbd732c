import './load-dotenv'
import path from 'node:path'

/**
 * The SQLite file URL, resolved against the project root so the CLI, the server, the seed
 * and the tests all open the same file whatever their working directory.
 */
export function databaseUrl(value = process.env.DATABASE_URL): string {
  const url = value && value.trim() !== '' ? value : 'file:./data/reativa.db'
  if (!url.startsWith('file:')) return url
  const file = url.slice('file:'.length)
  return `file:${path.resolve(process.cwd(), file)}`
}
