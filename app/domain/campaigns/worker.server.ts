import { env } from '~/utils/env.server'
import { runExclusive } from '~/utils/jobs.server'
import { drainOutbox, releaseAbandonedSends } from './outbox.server'
import { runDueCampaigns } from './campaigns.server'

// A sender that dies is replaced this long after its last heartbeat.
const OUTBOX_LEASE_MS = 10_000

/**
 * One round of the campaign worker: queue the campaigns that are due, then send what the
 * outbox holds at the provider's rate. Each part is held by one process at a time (a lease in
 * the database), so however many workers run, a campaign run is queued once and the provider
 * sees one sender: the rate limit is global. A process that dies mid-send loses its lease; the
 * next holder resends its claimed messages with the same idempotency keys (decision 008, 009);
 * the same instance restarting takes them back at once (server/background.ts).
 */
export async function campaignRound({
  checkCampaigns,
  signal,
}: {
  checkCampaigns: boolean
  signal?: AbortSignal
}) {
  if (checkCampaigns) {
    const due = await runExclusive('campaigns', () => runDueCampaigns())
    if (due.ran && due.value)
      console.log(`Queued ${due.value} invitation(s) from scheduled campaigns.`)
  }
  const drained = await runExclusive(
    'outbox',
    async (lease) => {
      // Holding the outbox means no other process is sending: whatever is still marked as
      // being sent was left by a sender that died, and goes out again now (same keys).
      await releaseAbandonedSends()
      return drainOutbox({
        ratePerSecond: env().RESEND_MAX_PER_SECOND,
        shouldStop: () => !lease.held() || !!signal?.aborted,
      })
    },
    { ttlMs: OUTBOX_LEASE_MS },
  )
  if (!drained.ran) return
  const result = drained.value
  if (result.sent + result.failed + result.retried)
    console.log(
      `Outbox: ${result.sent} sent, ${result.retried} to retry, ${result.failed} failed, ${result.cancelled} cancelled.`,
    )
}
