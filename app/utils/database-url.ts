import './load-dotenv'
import fs from 'node:fs'
import path from 'node:path'

/**
 * The SQLite file URL, resolved against the working directory (the project root for every
 * npm script) so the CLI, the server, the seed and the tests all open the same file.
 */
export function databaseUrl(value = process.env.DATABASE_URL): string {
  const url = value && value.trim() !== '' ? value : 'file:./data/reativa.db'
  if (!url.startsWith('file:')) return url
  const file = path.resolve(process.cwd(), url.slice('file:'.length))
  // A fresh clone has no data/ folder yet; SQLite creates the file but not its folder.
  fs.mkdirSync(path.dirname(file), { recursive: true })
  return `file:${file}`
}
