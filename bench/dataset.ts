/**
 * Prints, as JSON, how much of the large dataset the database named by DATABASE_URL holds (so
 * bench/run.ts, which never loads the app's Prisma client itself, can tell whether it must
 * seed), and the database settings that matter for the figures.
 */
const SQLITE_SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA']

async function main() {
  const { prisma, dialect } = await import('../app/utils/db.server')
  try {
    const [accounts, orderLines, statusChanges] = await Promise.all([
      prisma.account.count(),
      prisma.orderLine.count(),
      prisma.accountStatusChange.count(),
    ])
    const read = async (statement: string) =>
      Object.values((await prisma.$queryRawUnsafe<Record<string, unknown>[]>(statement))[0] ?? {})
        .map(String)
        .join('')
    let settings: string
    if (dialect === 'postgresql') {
      const version = (await read('SHOW server_version')).split(' ')[0]
      const names = ['fsync', 'synchronous_commit', 'shared_buffers', 'work_mem']
      const values: string[] = []
      for (const name of names) values.push(`${name}=${await read(`SHOW ${name}`)}`)
      settings = `PostgreSQL ${version} over TCP on localhost (${values.join(', ')})`
    } else {
      const version = await read('SELECT sqlite_version()')
      const journal = await read('PRAGMA journal_mode')
      const synchronous = Number(await read('PRAGMA synchronous'))
      settings = `SQLite ${version} through libSQL, in process (journal_mode=${journal}, synchronous=${SQLITE_SYNCHRONOUS[synchronous] ?? synchronous})`
    }
    console.log(JSON.stringify({ accounts, orderLines, statusChanges, settings }))
  } finally {
    await prisma.$disconnect()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  // Open connections would keep the process alive.
  process.exit(1)
})
