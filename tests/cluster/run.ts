// The multi-instance test (decision 009): three web instances and two workers of the production
// build on one PostgreSQL database, driven through HTTP as browsers would, with the email
// provider replaced by tests/support/fake-resend.ts. Each scenario prints PASS or FAIL with
// what it measured; the run ends with "N passed, N failed" and a non-zero exit on any failure.
//
//   npm run test:cluster      builds, then runs this on a throwaway PostgreSQL cluster
//   DATABASE_URL=postgresql://postgres@host:port/postgres npx tsx tests/cluster/run.ts
//                             on a server of yours, once `npm run build` has run
//
// DATABASE_URL is an admin URL: the test creates (and drops) its own database there,
// `reativa_cluster` or REATIVA_CLUSTER_DATABASE. CLUSTER_VERBOSE=1 echoes every process's output;
// CLUSTER_ONLY=a,c runs only those scenarios.
import crypto from 'node:crypto'
import { type FakeResend, startFakeResend } from '#tests/support/fake-resend'
import { RoundRobin } from './client'
import { Cluster, missingBuildFiles, sharedSettings } from './cluster'
import { dropDatabase, migrate, recreateDatabase, seedDemo } from './database'
import { type ManagedProcess, ProcessGroup } from './processes'
import { type Context, Report, type Scenario, seconds } from './report'

const DATABASE = process.env.REATIVA_CLUSTER_DATABASE || 'reativa_cluster'
const WEB_INSTANCES = 3
const WORKERS = 2
// Everything together stays well under this; past it the run is stopped as a failure.
const RUN_DEADLINE_MS = 10 * 60_000
const SCENARIO_COUNT = 7
const ONLY = process.env.CLUSTER_ONLY?.split(',')
  .map((id) => id.trim())
  .filter(Boolean)
const LOG_LINES_PER_PROCESS = 150

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

const errorText = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error)

function printLogs(group: ProcessGroup) {
  console.log('\n--- Output of the cluster processes (last lines of each) ---')
  for (const member of group.all()) {
    const lines = member.lines.slice(-LOG_LINES_PER_PROCESS)
    console.log(`\n[${member.name}] pid ${member.pid}, ${member.lines.length} lines`)
    for (const line of lines)
      console.log(`[${member.name}] ${new Date(line.at).toISOString().slice(11, 23)} ${line.text}`)
  }
}

// Exits already blamed on a scenario.
const reportedExits = new Set<ManagedProcess>()
// Set on SIGINT/SIGTERM: what fails after it is the interruption, not worth printing.
let interrupted = false

async function runScenario(scenario: Scenario, context: Context): Promise<boolean> {
  const report = new Report()
  const started = Date.now()
  try {
    // Earlier kills (or a worker that stopped by itself) may have left fewer than the deployment has.
    while (context.cluster.liveWorkers().length < WORKERS) await context.cluster.replaceWorker()
    const deadWeb = context.cluster.webs.find((web) => !web.process.running)
    if (deadWeb) throw new Error(`${deadWeb.name} is no longer running`)
    await withTimeout(
      scenario.run(context, report),
      scenario.timeoutMs,
      `did not finish within ${seconds(scenario.timeoutMs)}`,
    )
  } catch (error) {
    report.failures.push(`stopped: ${errorText(error)}`)
  }
  // A process of the deployment must not stop by itself, whatever the scenario was about.
  for (const member of context.cluster.unexpectedExits()) {
    if (reportedExits.has(member)) continue
    reportedExits.add(member)
    const lastLine = member.lines.filter((line) => !line.text.startsWith('(exited')).at(-1)
    report.failures.push(
      `${member.name} (pid ${member.pid}) exited by itself (${member.exitDescription}) ${seconds(
        (member.lines.at(-1)?.at ?? Date.now()) - member.startedAt,
      )} after it started; its last line before: ${lastLine?.text ?? '(none)'}`,
    )
  }
  if (interrupted) return false
  const verdict = report.passed ? 'PASS' : 'FAIL'
  console.log(`\n${verdict} ${scenario.id}. ${scenario.title} (${seconds(Date.now() - started)})`)
  for (const figure of report.figures) console.log(`     ${figure}`)
  for (const failure of report.failures) console.log(`  ✗ ${failure}`)
  return report.passed
}

async function main(): Promise<number> {
  const adminUrl = process.env.DATABASE_URL ?? ''
  if (!/^postgres(ql)?:\/\//i.test(adminUrl)) {
    console.error(
      'The cluster test needs DATABASE_URL set to a PostgreSQL admin URL (postgresql://postgres@host:port/postgres).\nRun it with `npm run test:cluster`, which starts a throwaway PostgreSQL.',
    )
    return 2
  }
  const missing = missingBuildFiles()
  if (missing.length) {
    console.error(
      `The production build is missing (${missing.join(', ')}): run \`npm run build\` first.`,
    )
    return 2
  }

  const group = new ProcessGroup(process.env.CLUSTER_VERBOSE === '1')
  let fake: FakeResend | undefined
  let databaseCreated = false
  let disconnect = async () => {}
  let cleaning: Promise<void> | undefined
  const cleanup = () =>
    (cleaning ??= (async () => {
      await group.stopAll()
      await fake?.close()
      await disconnect().catch(() => undefined)
      if (databaseCreated) await dropDatabase(adminUrl, DATABASE)
    })())
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true
      console.log(`\n${signal}: stopping the cluster and dropping ${DATABASE}…`)
      void cleanup().finally(() => process.exit(130))
    })
  }
  const deadline = setTimeout(() => {
    console.error(`\nThe run took more than ${seconds(RUN_DEADLINE_MS)}: stopping.`)
    printLogs(group)
    void cleanup().finally(() => process.exit(1))
  }, RUN_DEADLINE_MS)

  let passed = 0
  let failed = 0
  const runStarted = Date.now()
  try {
    let started = Date.now()
    const databaseUrl = await recreateDatabase(adminUrl, DATABASE)
    databaseCreated = true
    await migrate(databaseUrl)
    const seeded = await seedDemo(databaseUrl)
    console.log(
      `Database ${DATABASE} created, migrated and seeded in ${seconds(Date.now() - started)}: ${seeded}`,
    )

    fake = await startFakeResend()
    const settings = sharedSettings(databaseUrl, fake)
    // This process reads and writes the same database (fixtures, checks): app modules are
    // loaded only now, once the settings name it.
    Object.assign(process.env, settings)
    const { scenarios, makeDailyPassDue } = await import('./scenarios')
    const { prisma } = await import('~/utils/db.server')
    disconnect = () => prisma.$disconnect()
    if (scenarios.length !== SCENARIO_COUNT) throw new Error('SCENARIO_COUNT is out of date')

    // Before the workers start, so that both find the daily pass due (scenario e).
    await makeDailyPassDue()
    started = Date.now()
    const cluster = new Cluster(group, settings)
    for (let i = 0; i < WEB_INSTANCES; i++) await cluster.startWeb()
    for (let i = 0; i < WORKERS; i++) cluster.startWorker()
    await cluster.waitUntilReady()
    const webs = cluster.webs.map((web) => `${web.name} ${web.origin}`)
    const workers = cluster.workers.map((worker) => `${worker.name} pid ${worker.pid}`)
    console.log(
      `Cluster up in ${seconds(Date.now() - started)}: ${[...webs, ...workers].join(', ')}; Resend stand-in at ${fake.url}`,
    )

    const context: Context = {
      cluster,
      group,
      fake,
      robin: new RoundRobin(cluster.origins),
      settings,
      runId: crypto.randomBytes(3).toString('hex'),
    }
    for (const scenario of scenarios.filter((s) => !ONLY || ONLY.includes(s.id))) {
      if (await runScenario(scenario, context)) passed++
      else failed++
    }
  } catch (error) {
    console.error(`\nThe cluster could not be set up: ${errorText(error)}`)
    failed = (ONLY?.length ?? SCENARIO_COUNT) - passed
  }

  if (failed) printLogs(group)
  let cleanedUp = true
  try {
    await cleanup()
  } catch (error) {
    console.error(`Cleaning up failed: ${errorText(error)}`)
    cleanedUp = false
  }
  clearTimeout(deadline)
  console.log(`\nCluster test finished in ${seconds(Date.now() - runStarted)}.`)
  console.log(`${passed} passed, ${failed} failed`)
  return failed || !cleanedUp ? 1 : 0
}

process.exit(await main())
