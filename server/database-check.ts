import { databaseProvider, databaseUrl } from '../app/utils/database-url'
import { prisma } from '../app/utils/db.server'

/** Which database, for messages: the SQLite file, or PostgreSQL's host and database (no password). */
function describeDatabase(): string {
  const url = databaseUrl()
  if (databaseProvider(url) === 'sqlite') return `SQLite file ${url.slice('file:'.length)}`
  const parsed = new URL(url)
  return `PostgreSQL database ${parsed.pathname.slice(1)} on ${parsed.hostname}:${parsed.port || 5432}`
}

/**
 * Stops the process with one clear sentence when the database cannot be reached or is not
 * migrated, instead of a stack trace on the first request.
 */
export async function checkDatabase(): Promise<void> {
  try {
    // JobLease comes with the newest migration that every process relies on.
    await prisma.jobLease.findFirst({ select: { name: true } })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n').filter(Boolean).at(-1) : ''
    console.error(
      `Reativa cannot use the ${describeDatabase()}: ${reason}\nCheck DATABASE_URL, then run \`npm run setup\` to create and migrate it.`,
    )
    process.exit(1)
  }
}
