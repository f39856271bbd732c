import { env } from '~/utils/env.server'
import { drainOutbox } from './outbox.server'
import { runDueCampaigns } from './campaigns.server'

const POLL_MS = 2_000
const CAMPAIGN_CHECK_MS = 60_000

/**
 * The in-process sender: every couple of seconds, queue campaigns that are due and drain the
 * outbox at the provider's rate. Everything it needs is in the database, so a restart picks
 * up where the last process stopped (a message it was sending is claimed again when its
 * lease runs out, and resent with the same idempotency key).
 */
export function startCampaignWorker(): () => void {
  let stopped = false
  let lastCampaignCheck = 0
  const loop = async () => {
    while (!stopped) {
      try {
        if (Date.now() - lastCampaignCheck >= CAMPAIGN_CHECK_MS) {
          lastCampaignCheck = Date.now()
          const queued = await runDueCampaigns()
          if (queued) console.log(`Queued ${queued} invitation(s) from scheduled campaigns.`)
        }
        const result = await drainOutbox({ ratePerSecond: env().RESEND_MAX_PER_SECOND })
        if (result.sent + result.failed + result.retried)
          console.log(
            `Outbox: ${result.sent} sent, ${result.retried} to retry, ${result.failed} failed, ${result.cancelled} cancelled.`,
          )
      } catch (error) {
        console.error('Outbox worker error', error)
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS).unref())
    }
  }
  void loop()
  return () => {
    stopped = true
  }
}
