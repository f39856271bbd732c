import { runDailyPass } from '../app/domain/accounts/daily-pass.server'
import { writeConfirmedImports } from '../app/domain/imports/import.server'
import { releaseClaimsOfPreviousRun } from '../app/domain/campaigns/outbox.server'
import { campaignRound } from '../app/domain/campaigns/worker.server'
import { instanceName, releaseLeasesOfPreviousRun } from '../app/utils/jobs.server'
import { sleep, type Topic } from '../app/utils/wake.server'

/**
 * The background work of a `worker` (or `all`) process: the daily inactivity pass, scheduled
 * campaigns and the email outbox, and confirmed imports. Each loop polls the database, where
 * all of its work lives, and each job is claimed there (app/utils/jobs.server.ts), so any number
 * of processes may run these loops and every job still runs once (decision 009).
 */
const HOUR = 60 * 60_000
const CAMPAIGN_CHECK_MS = 60_000
const POLL_MS = 2_000

type Loop = {
  name: string
  everyMs: number
  firstAfterMs?: number
  /** Woken early when a request queues work of this kind in this process. */
  topic?: Topic
  run: () => Promise<void>
}

export function startBackgroundJobs(): { stop(): Promise<void> } {
  const controller = new AbortController()
  const { signal } = controller
  let lastCampaignCheck = 0

  const loops: Loop[] = [
    {
      name: 'daily pass',
      everyMs: HOUR,
      firstAfterMs: 10_000,
      run: async () => {
        const result = await runDailyPass()
        if (result)
          console.log(
            `Reclassified ${result.accounts} accounts: ${result.updated} updated, ${result.statusChanges} status changes.`,
          )
      },
    },
    {
      name: 'campaigns and outbox',
      everyMs: POLL_MS,
      topic: 'outbox',
      run: async () => {
        const checkCampaigns = Date.now() - lastCampaignCheck >= CAMPAIGN_CHECK_MS
        if (checkCampaigns) lastCampaignCheck = Date.now()
        await campaignRound({ checkCampaigns, signal })
      },
    },
    {
      name: 'imports',
      everyMs: POLL_MS,
      topic: 'imports',
      run: async () => {
        const written = await writeConfirmedImports()
        if (written) console.log(`Wrote ${written} confirmed import(s).`)
      },
    },
  ]

  const ready = takeBackWorkOfPreviousRun()
  const running = loops.map(async (loop) => {
    await ready
    if (loop.firstAfterMs) await sleep(loop.firstAfterMs, { signal })
    while (!signal.aborted) {
      try {
        await loop.run()
      } catch (error) {
        console.error(`Background job "${loop.name}" failed`, error)
      }
      if (signal.aborted) break
      await sleep(loop.everyMs, { topic: loop.topic, signal })
    }
  })

  return {
    /** Stops the loops after the round in progress; the leases they hold are released. */
    async stop() {
      controller.abort()
      await Promise.all(running)
    },
  }
}

/**
 * Before any loop runs: a previous run of this instance that died left its outbox claims and
 * job leases behind; nobody else can be using them (one live process per instance name), so
 * they are taken back now instead of after their leases run out. Other instances' are left.
 */
async function takeBackWorkOfPreviousRun() {
  try {
    const messages = await releaseClaimsOfPreviousRun()
    const jobs = await releaseLeasesOfPreviousRun()
    if (messages || jobs.length)
      console.log(
        `Took back what the previous run of ${instanceName()} held: ${messages} email(s) being sent, job(s) ${jobs.join(', ') || 'none'}.`,
      )
  } catch (error) {
    // Not fatal: those leases run out on their own.
    console.error('Could not take back the work of the previous run', error)
  }
}
