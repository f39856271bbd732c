import { createCampaign, SegmentFilters } from '~/domain/campaigns/campaigns.server'
import { outboxCounts } from '~/domain/campaigns/outbox.server'
import { prisma } from '~/utils/db.server'
import { RESEND_MAX_PER_SECOND, pidOfHolder } from '../cluster'
import { reachableAccounts, userIdOf } from '../fixtures'
import { waitFor } from '../processes'
import { busiestSecond, type Context, type Report, type Scenario, seconds, tally } from '../report'

/** A campaign to `size` new reachable accounts, queued now by the manager (decision 008). */
async function queueCampaign(segment: string, size: number) {
  const emails = await reachableAccounts(size, segment)
  const managerId = await userIdOf('gerente@reativa.dev')
  const created = await createCampaign(managerId, SegmentFilters.parse({ segment }), {
    name: `Cluster ${segment}`,
    locale: 'pt-BR',
    subject: '{loja}, sentimos sua falta',
    message: 'Olá, {loja}! {representante} separou condições especiais para a sua volta.',
    offerId: null,
    schedule: 'NOW',
  })
  if (!created.ok) throw new Error(`the campaign was refused: ${created.code}`)
  if (created.queued !== size) throw new Error(`${created.queued} invitations queued, not ${size}`)
  const messages = await prisma.outboxMessage.findMany({
    where: { invitation: { campaignId: created.campaignId } },
    select: { idempotencyKey: true },
  })
  return {
    campaignId: created.campaignId,
    emails,
    keys: new Set(messages.map((m) => m.idempotencyKey)),
    queuedAt: Date.now(),
  }
}

type Queued = Awaited<ReturnType<typeof queueCampaign>>

async function waitUntilSettled(
  campaignId: string,
  timeoutMs: number,
  onPoll?: () => Promise<void>,
) {
  return waitFor(
    'the campaign to be sent',
    async () => {
      await onPoll?.()
      const counts = await outboxCounts(campaignId)
      return counts.PENDING + counts.SENDING === 0 ? counts : undefined
    },
    { timeoutMs, intervalMs: 250 },
  )
}

/** What Resend saw of a campaign: each key delivered once, to the right people, at the right pace. */
function checkDeliveries(
  { fake }: Context,
  report: Report,
  campaign: Queued,
  size: number,
  { callsPerKey }: { callsPerKey: 'once' | 'any' },
) {
  const calls = fake.calls.filter((c) => c.idempotencyKey && campaign.keys.has(c.idempotencyKey))
  // By recipient, not by key: Resend drops a replayed key by itself, but an email sent again
  // under a new key would reach the shop twice.
  const recipients = new Set(campaign.emails)
  const deliveries = fake.deliveries.filter((d) => recipients.has(d.to))
  const perRecipient = tally(deliveries.map((d) => d.to))
  report.equal('accounts of the segment that received their invitation', perRecipient.size, size)
  report.equal(
    'accounts that received it more than once',
    [...perRecipient.values()].filter((n) => n > 1).length,
    0,
  )
  report.equal(
    "deliveries under the invitations' own keys",
    deliveries.filter((d) => d.idempotencyKey && campaign.keys.has(d.idempotencyKey)).length,
    size,
  )
  const callsPerKeyTally = tally(calls.map((c) => c.idempotencyKey))
  if (callsPerKey === 'once') {
    report.equal('requests to Resend for the campaign', calls.length, size)
    report.equal(
      'keys Resend received exactly once',
      [...callsPerKeyTally.values()].filter((n) => n === 1).length,
      size,
    )
  } else {
    report.note('requests to Resend for the campaign', calls.length)
    report.note(
      'keys sent again after the kill (same key, replayed by Resend)',
      [...callsPerKeyTally.values()].filter((n) => n > 1).length,
    )
  }
  if (!calls.length) return
  // The limit is the provider's, whatever the email: every request in the period counts.
  const first = Math.min(...calls.map((c) => c.at))
  const last = Math.max(...calls.map((c) => c.at))
  const inPeriod = fake.calls.filter((c) => c.at >= first - 1000 && c.at <= last + 1000)
  report.atMost(
    'most requests to Resend within one second',
    busiestSecond(inPeriod.map((c) => c.at)),
    RESEND_MAX_PER_SECOND,
  )
  report.note('first to last request', seconds(last - first))
}

export const campaignSentOncePaced: Scenario = {
  id: 'c',
  title:
    'a 500-invitation campaign reaches Resend once per invitation, never faster than RESEND_MAX_PER_SECOND, with two workers running',
  timeoutMs: 120_000,
  async run(context, report) {
    const SIZE = 500
    const campaign = await queueCampaign(`cluster-${context.runId}-c`, SIZE)
    const counts = await waitUntilSettled(campaign.campaignId, 90_000)
    report.note('queued to all sent', seconds(Date.now() - campaign.queuedAt))
    report.equal('outbox messages SENT', counts.SENT, SIZE)
    report.equal(
      'invitations marked as sent',
      await prisma.invitation.count({
        where: { campaignId: campaign.campaignId, sentAt: { not: null } },
      }),
      SIZE,
    )
    checkDeliveries(context, report, campaign, SIZE, { callsPerKey: 'once' })
  },
}

export const sendSurvivesKilledWorker: Scenario = {
  id: 'f',
  title:
    'when the worker sending a campaign is killed (SIGKILL), the other takes over and every invitation is delivered exactly once',
  timeoutMs: 150_000,
  async run(context, report) {
    const { cluster, group } = context
    const SIZE = 300
    const campaign = await queueCampaign(`cluster-${context.runId}-f`, SIZE)

    // Let the sender get going, then kill whichever worker holds the outbox.
    await waitFor(
      'the first invitations to go out',
      async () => ((await outboxCounts(campaign.campaignId)).SENT >= 40 ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 100 },
    )
    const lease = await prisma.jobLease.findUnique({ where: { name: 'outbox' } })
    const victim = lease ? group.byPid(pidOfHolder(lease.holder) ?? -1) : undefined
    if (!victim || !cluster.liveWorkers().includes(victim))
      throw new Error(
        `the outbox lease is not held by a worker of this test (${lease?.holder ?? 'no lease'})`,
      )
    victim.signal('SIGKILL')
    const killedAt = Date.now()
    const exit = await victim.exited
    const sentAtKill = (await outboxCounts(campaign.campaignId)).SENT
    report.note('worker killed', `${victim.name} (pid ${victim.pid}, ${exit.signal ?? exit.code})`)
    report.truthy(
      'the worker was killed in the middle of the campaign',
      sentAtKill > 0 && sentAtKill < SIZE,
      `${sentAtKill} of ${SIZE} recorded as sent when it died`,
    )
    report.note('recorded as sent when it died', `${sentAtKill} of ${SIZE}`)

    // Who holds the outbox from now on.
    const takenOverBy = new Set<number>()
    const counts = await waitUntilSettled(campaign.campaignId, 90_000, async () => {
      cluster.requireLiveWorker()
      const current = await prisma.jobLease.findUnique({ where: { name: 'outbox' } })
      if (current && current.acquiredAt.getTime() > killedAt)
        takenOverBy.add(pidOfHolder(current.holder) ?? -1)
    })
    const survivors = cluster.liveWorkers().map((w) => w.pid)
    report.note(
      'outbox taken over by',
      [...takenOverBy].map((pid) => group.byPid(pid)?.name ?? `pid ${pid}`).join(', ') || 'nobody',
    )
    report.truthy(
      'a surviving worker took the outbox over',
      takenOverBy.size > 0 && [...takenOverBy].every((pid) => survivors.includes(pid)),
      `holders after the kill: ${[...takenOverBy].join(', ') || 'none seen'}`,
    )
    const resumed = context.fake.calls
      .filter((c) => c.at > killedAt && c.idempotencyKey && campaign.keys.has(c.idempotencyKey))
      .map((c) => c.at)
    if (resumed.length)
      report.note('kill to first send of the survivor', seconds(Math.min(...resumed) - killedAt))
    report.note('kill to all sent', seconds(Date.now() - killedAt))
    report.equal('outbox messages SENT', counts.SENT, SIZE)
    report.equal('outbox messages FAILED or CANCELLED', counts.FAILED + counts.CANCELLED, 0)
    checkDeliveries(context, report, campaign, SIZE, { callsPerKey: 'any' })

    const replacement = await cluster.replaceWorker()
    report.note('replacement worker', `${replacement.name} (pid ${replacement.pid})`)
  },
}
