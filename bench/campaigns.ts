/**
 * Campaign benchmark, run by `npm run bench` in its own process (the Resend SDK and the
 * settings are read when first imported), with DATABASE_URL naming a copy of the benchmark
 * database that bench/run.ts made for it (it changes the accounts' addresses and throws the
 * copy away after). With exactly 10,000 reachable accounts it measures:
 *  - the time to queue a 10,000-invitation campaign (segment, tokens, invitations and outbox
 *    rows in one transaction), three times;
 *  - the outbox's throughput draining those 10,000 emails through the real Resend SDK into a
 *    local stand-in for Resend's API, with no rate limit, and that every email went out once;
 *  - the achieved rate against a rate limit, which the worker must not exceed.
 */
import { startFakeResend } from '../tests/support/fake-resend'
import { appendFigures, median } from './figures'

const resultsFile = process.argv[2]
if (!resultsFile || !process.env.DATABASE_URL) {
  throw new Error('Started by bench/run.ts on a copy of the benchmark database')
}
const FAKE_PORT = 12_499
const RATE_LIMIT = 100
const THROTTLED_MESSAGES = 500

Object.assign(process.env, {
  NODE_ENV: 'production',
  REATIVA_SKIP_DOTENV: '1',
  RESEND_API_KEY: 're_bench_local_stand_in',
  RESEND_BASE_URL: `http://127.0.0.1:${FAKE_PORT}`,
  APP_SECRET: 'bench-only-secret-bench-only-secret-000',
})

async function main() {
  // Imported once the environment above is in place.
  const [{ createCampaign, SegmentFilters }, { drainOutbox }, { prisma }] = await Promise.all([
    import('../app/domain/campaigns/campaigns.server'),
    import('../app/domain/campaigns/outbox.server'),
    import('../app/utils/db.server'),
  ])
  // Exactly 10,000 accounts with an address, none bounced or unsubscribed.
  await prisma.$executeRaw`UPDATE "Account" SET "email" = NULL WHERE "id" NOT IN (SELECT "id" FROM "Account" ORDER BY "id" LIMIT 10000)`
  await prisma.account.updateMany({ data: { emailBouncedAt: null } })
  await prisma.emailOptOut.deleteMany()
  // The storefront part's checkouts queued order confirmations; only campaigns go out here.
  await prisma.outboxMessage.updateMany({
    where: { status: { in: ['PENDING', 'SENDING'] } },
    data: { status: 'CANCELLED' },
  })
  const manager = (
    await prisma.user.findFirstOrThrow({
      where: { role: 'MANAGER' },
      select: { id: true },
      orderBy: { email: 'asc' },
    })
  ).id
  const fake = await startFakeResend(FAKE_PORT)
  const form = {
    name: 'Bench',
    locale: 'pt-BR' as const,
    subject: '{loja}, sentimos sua falta',
    message: 'Olá, {loja}! Seu representante, {representante}, preparou uma condição especial.',
    offerId: null,
    schedule: 'NOW' as const,
  }
  const everyone = SegmentFilters.parse({})

  const queueMs: number[] = []
  const campaignIds: string[] = []
  for (let run = 0; run < 3; run++) {
    const started = performance.now()
    const result = await createCampaign(manager, everyone, { ...form, name: `Bench ${run + 1}` })
    queueMs.push(performance.now() - started)
    if (!result.ok || result.queued !== 10_000) throw new Error(`queued ${JSON.stringify(result)}`)
    campaignIds.push(result.campaignId)
  }
  // Drain only the first campaign's 10,000; the others were there to time queueing.
  await prisma.outboxMessage.updateMany({
    where: { invitation: { campaignId: { in: campaignIds.slice(1) } } },
    data: { status: 'CANCELLED' },
  })

  const drainStarted = performance.now()
  const drained = await drainOutbox({ ratePerSecond: 100_000, concurrency: 8 })
  const drainSeconds = (performance.now() - drainStarted) / 1000
  const keys = new Set(fake.deliveries.map((d) => d.idempotencyKey))
  if (drained.sent !== 10_000 || fake.deliveries.length !== 10_000 || keys.size !== 10_000) {
    throw new Error(
      `expected 10,000 single deliveries, got ${JSON.stringify(drained)} / ${fake.deliveries.length}`,
    )
  }

  // At the provider's limit: a fresh campaign, of which 500 messages are left to send.
  const throttled = await createCampaign(manager, everyone, { ...form, name: 'Bench throttled' })
  if (!throttled.ok) throw new Error(throttled.code)
  const keep = await prisma.outboxMessage.findMany({
    where: { invitation: { campaignId: throttled.campaignId } },
    select: { id: true },
    take: THROTTLED_MESSAGES,
  })
  await prisma.outboxMessage.updateMany({
    where: {
      invitation: { campaignId: throttled.campaignId },
      id: { notIn: keep.map((k) => k.id) },
    },
    data: { status: 'CANCELLED' },
  })
  const before = fake.calls.length
  await drainOutbox({ ratePerSecond: RATE_LIMIT, concurrency: 8 })
  const starts = fake.calls.slice(before).map((c) => c.at)
  const span = (Math.max(...starts) - Math.min(...starts)) / 1000
  const achieved = (starts.length - 1) / span
  // The busiest second: no window of one second may hold more than the limit (+1 at its edge).
  let busiest = 0
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (starts[i]! - starts[j]! >= 1000) j++
    busiest = Math.max(busiest, i - j + 1)
  }

  await prisma.$disconnect()
  await fake.close()

  const section = 'campaigns'
  appendFigures(resultsFile!, [
    {
      section,
      name: 'queue a 10,000-invitation campaign (median of 3)',
      value: median(queueMs) / 1000,
      unit: 's',
      digits: 2,
    },
    {
      section,
      name: 'outbox throughput, no rate limit',
      value: 10_000 / drainSeconds,
      unit: 'emails/s',
      digits: 0,
    },
    {
      section,
      name: `outbox at a ${RATE_LIMIT}/s limit`,
      value: achieved,
      unit: 'emails/s',
      digits: 1,
    },
    { section, name: 'outbox: busiest second', value: busiest, unit: 'sends', digits: 0 },
  ])

  console.log('\nCampaigns (10,000 reachable accounts, local Resend stand-in):')
  console.table([
    {
      measure: 'queue a 10,000-invitation campaign',
      median: `${(median(queueMs) / 1000).toFixed(2)} s`,
      runs: queueMs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', '),
      budget: '< 5 s',
    },
    {
      measure: 'outbox throughput, no rate limit (10,000 emails)',
      median: `${(10_000 / drainSeconds).toFixed(0)} emails/s`,
      runs: `${drainSeconds.toFixed(1)} s in all; 10,000 delivered once each`,
      budget: '—',
    },
    {
      measure: `outbox at a ${RATE_LIMIT}/s limit (${THROTTLED_MESSAGES} emails)`,
      median: `${achieved.toFixed(1)} emails/s (${((achieved / RATE_LIMIT) * 100).toFixed(0)} % of the limit)`,
      runs: `busiest second: ${busiest} sends`,
      budget: `≤ ${RATE_LIMIT}/s`,
    },
  ])
}

main().catch((error: unknown) => {
  console.error(error)
  // Open connections (and the campaign part's local server) would keep the process alive.
  process.exit(1)
})
