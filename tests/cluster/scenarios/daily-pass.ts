import { prisma } from '~/utils/db.server'
import { processEnv } from '../cluster'
import { type ManagedProcess, sleep, waitFor } from '../processes'
import { type Scenario, seconds } from '../report'

const DAY_MS = 86_400_000
const RAN = /^Reclassified \d+ accounts/
const RACERS = 4
// Workers check 10 s after they start; on a busy machine, a little later.
const WORKER_FIRST_CHECK_MS = 25_000

/** Makes the daily pass due: its last run two days ago. */
export async function makeDailyPassDue(): Promise<Date> {
  const stale = new Date(Date.now() - 2 * DAY_MS)
  await prisma.appSettings.upsert({
    where: { id: 1 },
    create: { id: 1, lastReclassifiedAt: stale },
    update: { lastReclassifiedAt: stale },
  })
  return stale
}

async function lastReclassifiedAt(): Promise<Date | null> {
  const settings = await prisma.appSettings.findUnique({
    where: { id: 1 },
    select: { lastReclassifiedAt: true },
  })
  return settings?.lastReclassifiedAt ?? null
}

export const dailyPassOnce: Scenario = {
  id: 'e',
  title:
    'the daily pass runs once when it is due, although both workers, and then four processes at the same instant, try to run it',
  timeoutMs: 120_000,
  async run({ cluster, group, settings }, report) {
    // 1. The run was made due before the workers started; each checks 10 s after its start.
    await waitFor(
      'a worker to run the daily pass',
      () => (group.all().some((p) => p.matching(RAN).length > 0) ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 250 },
    )
    await sleep(2_000) // a duplicate would come at the same moment; give it time to show
    const runs = group.all().flatMap((p) => p.matching(RAN).map(() => p.name))
    report.equal(
      'processes that logged "Reclassified" after both workers found the pass due',
      runs.length,
      1,
    )
    report.note('run by', runs.join(', ') || 'nobody')
    const afterWorkers = await lastReclassifiedAt()
    report.truthy(
      'lastReclassifiedAt moved to today',
      !!afterWorkers && Date.now() - afterWorkers.getTime() < DAY_MS,
      String(afterWorkers?.toISOString()),
    )

    // 2. Due again; four processes call runDailyPass() at once. The workers' own check, 10 s
    // after they start, should be behind them (a worker just started would join in; it is
    // counted all the same).
    const youngest = Math.max(...cluster.liveWorkers().map((w) => w.startedAt))
    await sleep(Math.max(0, youngest + WORKER_FIRST_CHECK_MS - Date.now()))
    const stale = await makeDailyPassDue()
    const dueSince = Date.now()
    const racers: ManagedProcess[] = Array.from({ length: RACERS }, (_, i) =>
      group.start(
        `daily-pass-${i + 1}`,
        process.execPath,
        ['--import', 'tsx', 'tests/cluster/daily-pass-child.ts'],
        processEnv({ ...settings, REATIVA_ROLE: 'worker' }),
        { stdin: true },
      ),
    )
    await Promise.all(racers.map((racer) => racer.waitForLine(/^ready$/, 90_000)))
    const go = Date.now()
    for (const racer of racers) racer.send('go\n')
    const results = await Promise.all(
      racers.map(async (racer) => {
        const line = await racer.waitForLine(/^RESULT /, 60_000)
        return JSON.parse(line.text.slice('RESULT '.length)) as { accounts: number } | null
      }),
    )
    report.note('all four answered after', seconds(Date.now() - go))
    await Promise.all(racers.map((racer) => racer.exited))
    // A run still holding the lease would finish (and log) after this point.
    await waitFor(
      'the daily-pass lease to be released',
      async () =>
        (await prisma.jobLease.count({ where: { name: 'daily-pass' } })) === 0 ? true : undefined,
      { timeoutMs: 60_000, intervalMs: 250 },
    )
    const ran = racers.filter((_, i) => results[i] !== null).map((racer) => racer.name)
    const workerRuns = cluster.workers
      .filter((worker) => worker.matching(RAN).some((line) => line.at >= dueSince))
      .map((worker) => worker.name)
    report.equal('runs of the pass, racers and workers together', ran.length + workerRuns.length, 1)
    report.note('run by', [...ran, ...workerRuns].join(', ') || 'nobody')
    report.note('racers told it was not due or already running', RACERS - ran.length)
    const after = await lastReclassifiedAt()
    report.truthy(
      'lastReclassifiedAt moved from two days ago to the race',
      !!after && after.getTime() > stale.getTime() && after.getTime() >= go - 1_000,
      String(after?.toISOString()),
    )
  },
}
