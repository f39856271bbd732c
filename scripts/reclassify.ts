// `npm run job:reclassify`: the daily inactivity pass, for an external scheduler (cron). It
// takes the same lease as the processes' own daily check, so it never runs twice at once.
import { runDailyPass } from '../app/domain/accounts/daily-pass.server'
import { prisma } from '../app/utils/db.server'

const started = Date.now()
runDailyPass({ force: true })
  .then((result) => {
    if (!result) {
      console.log('The daily pass is running in another process: nothing to do.')
      return
    }
    console.log(
      `Reclassified ${result.accounts} accounts in ${Date.now() - started} ms: ${result.updated} updated, ${result.statusChanges} status changes, ${result.reactivations} reactivations.`,
    )
  })
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => prisma.$disconnect())
