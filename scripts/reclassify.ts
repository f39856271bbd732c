// `npm run job:reclassify`: the daily inactivity pass, for an external scheduler (cron).
import { reclassifyPortfolio } from '../app/domain/accounts/reclassify.server'
import { rebuildRevenueSummary } from '../app/domain/dashboard/revenue-summary.server'
import { prisma } from '../app/utils/db.server'

const started = Date.now()
reclassifyPortfolio({ onlyDue: true })
  .then(async (result) => {
    await rebuildRevenueSummary()
    console.log(
      `Reclassified ${result.accounts} accounts in ${Date.now() - started} ms: ${result.updated} updated, ${result.statusChanges} status changes, ${result.reactivations} reactivations.`,
    )
  })
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => prisma.$disconnect())
