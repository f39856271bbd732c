// `npm run worker`: the background work alone (daily pass, campaigns and outbox, imports),
// for deployments that run web instances with REATIVA_ROLE=web (decision 009).
import '../app/utils/load-dotenv'
import { prisma } from '../app/utils/db.server'
import { checkDatabase, settingsOrExit } from './database-check'
import { startBackgroundJobs } from './background'

settingsOrExit()
await checkDatabase()
const jobs = startBackgroundJobs()
// The loops sleep on unref'd timers and hold no connection between rounds: without a handle of
// its own, this process would simply end.
const keepAlive = setInterval(() => undefined, 60 * 60_000)
console.log('Reativa worker started.')

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`Worker stopping (${signal})...`)
    clearInterval(keepAlive)
    void jobs
      .stop()
      .then(() => prisma.$disconnect())
      .finally(() => process.exit(0))
  })
}
