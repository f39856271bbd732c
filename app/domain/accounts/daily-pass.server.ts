import { rebuildRevenueSummary } from './revenue-summary.server'
import { runExclusive } from '~/utils/jobs.server'
import { reclassifyIfDue, reclassifyPortfolio, type ReclassifyResult } from './reclassify.server'

// Longer than any pause between two renewals of a busy process.
const LEASE_MS = 120_000

/**
 * The daily pass: brings every account's status up to today, then recounts the dashboard's
 * revenue summary from the orders in case anything drifted. Every process may call it (each
 * checks hourly); the lease and the "last run" date it re-reads once holding the lease make it
 * run once a day, whatever the number of instances. `force` runs it even if it ran today (the
 * cron script). Null when it was not due or another process is running it.
 */
export async function runDailyPass({
  now = new Date(),
  force = false,
}: { now?: Date; force?: boolean } = {}): Promise<ReclassifyResult | null> {
  const outcome = await runExclusive(
    'daily-pass',
    async () => {
      const result = force
        ? await reclassifyPortfolio({ now, onlyDue: true })
        : await reclassifyIfDue(now)
      if (result) await rebuildRevenueSummary()
      return result
    },
    { ttlMs: LEASE_MS },
  )
  return outcome.ran ? outcome.value : null
}
