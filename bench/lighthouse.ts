/**
 * `npm run lighthouse`: Lighthouse performance and accessibility of the buyer's pages (catalog,
 * a product, the cart with items, an order) on a phone profile (Lighthouse's default: a mid-range
 * phone, simulated slow 4G and CPU) and on desktop, against the production build, in Debian's
 * Chromium. It builds nothing: run `npm run build` first.
 *
 * The built server runs as its own process on a throwaway SQLite database (data/lighthouse.db,
 * migrated and seeded with the demo), logged in as the demo buyer; Lighthouse gets the session
 * cookie through extraHeaders. Each page and profile runs N times; the script prints the median
 * score of each and the audits that cost points, and exits 1 if a median is under 95.
 *
 * Options:
 *   --runs N             runs per page and profile (default 3)
 *   --pages a,b          only some of catalog, product, cart, order
 *   --profiles a,b       only mobile or desktop
 *   --json FILE          also write every run's scores and failing audits to FILE
 *   --reports DIR        also keep each run's full Lighthouse report (JSON) in DIR
 * Environment: LIGHTHOUSE_PORT (default 3590), CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import { median, TARGET, toPercent, verdicts, type Measured } from './lighthouse-verdict'

const QUIET_INDEX = 1000

const args = process.argv.slice(2)
const option = (name: string) => {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : undefined
}
const RUNS = Number(option('--runs') ?? 3)
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs expects a number')
const PAGES = ['catalog', 'product', 'cart', 'order'] as const
const PROFILES = ['mobile', 'desktop'] as const
type Page = (typeof PAGES)[number]
type Profile = (typeof PROFILES)[number]
function listOption<T extends string>(name: string, all: readonly T[]): T[] {
  const value = option(name)
  if (!value) return [...all]
  const chosen = value.split(',')
  for (const item of chosen)
    if (!(all as readonly string[]).includes(item))
      throw new Error(`${name} ${item}: expected ${all.join(', ')}`)
  return chosen as T[]
}
const pages = listOption<Page>('--pages', PAGES)
const profiles = listOption<Profile>('--profiles', PROFILES)
const jsonFile = option('--json')
const reportsDir = option('--reports')

const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 3590)
const DEBUG_PORT = PORT + 1
const ORIGIN = `http://localhost:${PORT}`
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const DB_FILE = 'data/lighthouse.db'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: String(PORT),
  APP_URL: ORIGIN,
  DATABASE_URL: `file:./${DB_FILE}`,
  REATIVA_SKIP_DOTENV: '1',
  LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
}
delete env.RESEND_API_KEY

function removeDatabase() {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    fs.rmSync(`${DB_FILE}${suffix}`, { force: true })
}

function prepareDatabase() {
  fs.mkdirSync('data', { recursive: true })
  removeDatabase()
  for (const [command, commandArgs] of [
    ['npx', ['prisma', 'migrate', 'deploy']],
    ['npx', ['tsx', 'prisma/seed.ts']],
  ] as const) {
    const result = spawnSync(command, commandArgs, { env, stdio: ['ignore', 'ignore', 'inherit'] })
    if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed`)
  }
}

async function waitFor(url: string, what: string) {
  for (let tries = 0; ; tries++) {
    const ready = await fetch(url).then(
      (r) => r.ok,
      () => false,
    )
    if (ready) return
    if (tries > 300) throw new Error(`${what} did not start`)
    await sleep(200)
  }
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(killer)
}

async function request(
  method: 'GET' | 'POST',
  url: string,
  cookie: string,
  body?: URLSearchParams,
) {
  const response = await fetch(`${ORIGIN}${url}`, {
    method,
    body,
    redirect: 'manual',
    headers: { Cookie: cookie, Origin: ORIGIN },
  })
  return { response, text: await response.text() }
}

/** Logs in as the demo buyer, fills the cart, and finds one of the account's orders. */
async function buyerSession(): Promise<{ cookie: string; urls: Record<Page, string> }> {
  const login = await request(
    'POST',
    '/auth/login',
    '',
    new URLSearchParams({ email: 'comprador@reativa.dev', password: 'reativa123' }),
  )
  const cookie = (login.response.headers.get('Set-Cookie') ?? '').split(';')[0]
  if (login.response.status !== 302 || !cookie)
    throw new Error(`The demo buyer could not log in (${login.response.status})`)
  const added = await request(
    'POST',
    '/cart',
    cookie,
    new URLSearchParams({ intent: 'quick', lines: 'CIM-0003 4\nHID-0001 2' }),
  )
  if (added.response.status >= 400)
    throw new Error(`Adding to the cart answered ${added.response.status}`)
  const orders = await request('GET', '/orders', cookie)
  const order = /href="(\/orders\/[^"/?#]+)"/.exec(orders.text)?.[1]
  if (!order) throw new Error('The demo buyer has no order to open')
  return {
    cookie,
    urls: { catalog: '/catalog', product: '/products/CIM-0001', cart: '/cart', order },
  }
}

type Audit = { id: string; title: string; score: number | null; displayValue?: string }

type Run = {
  page: Page
  profile: Profile
  run: number
  benchmarkIndex: number
  warnings: string[]
  performance: number
  accessibility: number
  failing: { id: string; title: string; displayValue?: string }[]
}

async function measure(url: string, cookie: string, profile: Profile, name: string) {
  const result = await lighthouse(
    url,
    {
      port: DEBUG_PORT,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      extraHeaders: { Cookie: cookie },
    },
    profile === 'desktop' ? desktopConfig : undefined,
  )
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
  const { lhr } = result
  if (reportsDir) {
    fs.mkdirSync(reportsDir, { recursive: true })
    fs.writeFileSync(path.join(reportsDir, `${name}.json`), JSON.stringify(lhr))
  }
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`)
  if (lhr.finalDisplayedUrl !== url)
    throw new Error(`${url} ended at ${lhr.finalDisplayedUrl} (is the session still valid?)`)
  // Audits that count in either category's score and did not get full marks.
  const counted = new Set(
    ['performance', 'accessibility'].flatMap((c) =>
      (lhr.categories[c]?.auditRefs ?? []).filter((ref) => ref.weight > 0).map((ref) => ref.id),
    ),
  )
  // Opportunities and diagnostics (unused JS, render-blocking) have no weight but say why.
  const failing = Object.values(lhr.audits as Record<string, Audit>)
    .filter((a) => a.score !== null && a.score < 0.9)
    .filter((a) => counted.has(a.id) || /opportunity|diagnostic/.test(auditGroup(lhr, a.id)))
    .map((a) => ({ id: a.id, title: a.title, displayValue: a.displayValue }))
  return {
    // Lighthouse's measure of this machine's speed: the simulated phone's CPU is this machine's
    // slowed four times, so a busy machine (a low index) lowers every performance score.
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    warnings: lhr.runWarnings,
    performance: toPercent(lhr.categories.performance?.score),
    accessibility: toPercent(lhr.categories.accessibility?.score),
    failing,
  }
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr']
function auditGroup(lhr: Lhr, id: string): string {
  const ref = lhr.categories.performance?.auditRefs.find((r) => r.id === id)
  return ref?.group ?? ''
}

async function main() {
  if (!fs.existsSync('build/server/index.js') && !fs.existsSync('server-build/index.js'))
    throw new Error('No production build: run `npm run build` first.')
  console.log(
    `Load average (1/5/15 min): ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ')}`,
  )
  console.log(`Preparing ${DB_FILE} (migrations and the demo seed)…`)
  prepareDatabase()

  const server = spawn('node', ['server-build/index.js'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reativa-lighthouse-'))
  let chromium: ChildProcess | undefined
  const runs: Run[] = []
  try {
    await waitFor(`${ORIGIN}/auth/login`, 'The server')
    chromium = spawn(
      CHROMIUM,
      [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-extensions',
        '--no-first-run',
        `--user-data-dir=${profileDir}`,
        `--remote-debugging-port=${DEBUG_PORT}`,
        'about:blank',
      ],
      { stdio: 'ignore' },
    )
    await waitFor(`http://127.0.0.1:${DEBUG_PORT}/json/version`, 'Chromium')
    const { cookie, urls } = await buyerSession()

    for (const profile of profiles)
      for (const page of pages)
        for (let run = 1; run <= RUNS; run++) {
          const scores = await measure(
            `${ORIGIN}${urls[page]}`,
            cookie,
            profile,
            `${profile}-${page}-${run}`,
          )
          runs.push({ page, profile, run, ...scores })
          console.log(
            `${profile.padEnd(7)} ${page.padEnd(7)} run ${run}: performance ${scores.performance}, accessibility ${scores.accessibility} (machine benchmark index ${scores.benchmarkIndex})`,
          )
        }
  } finally {
    if (chromium) await stop(chromium)
    await stop(server)
    fs.rmSync(profileDir, { recursive: true, force: true })
    removeDatabase()
  }

  const measured: Measured[] = profiles.flatMap((profile) =>
    pages.flatMap((page) =>
      (['performance', 'accessibility'] as const).map((category) => ({
        page,
        profile,
        category,
        scores: runs
          .filter((r) => r.page === page && r.profile === profile)
          .map((r) => r[category]),
      })),
    ),
  )
  const results = verdicts(measured)
  console.log(`\nMedian of ${RUNS} run(s) per page and profile (target ${TARGET}):`)
  console.table(
    profiles.flatMap((profile) =>
      pages.map((page) => {
        const of = (category: string) =>
          results.find((r) => r.page === page && r.profile === profile && r.category === category)!
        const cell = (v: (typeof results)[number]) =>
          `${v.median}${v.pass ? '' : ' FAIL'} (${v.scores.join(', ')})`
        return {
          profile,
          page,
          performance: cell(of('performance')),
          accessibility: cell(of('accessibility')),
        }
      }),
    ),
  )

  // Audits that cost points, with how many runs each failed in.
  const seen = new Map<
    string,
    { title: string; where: Set<string>; runs: number; value?: string }
  >()
  for (const run of runs)
    for (const audit of run.failing) {
      const entry = seen.get(audit.id) ?? { title: audit.title, where: new Set(), runs: 0 }
      entry.where.add(`${run.profile} ${run.page}`)
      entry.runs += 1
      entry.value = audit.displayValue ?? entry.value
      seen.set(audit.id, entry)
    }
  if (seen.size) {
    console.log('\nAudits under 90 (runs out of the total, where, the last value shown):')
    for (const [id, e] of [...seen].sort((a, b) => b[1].runs - a[1].runs))
      console.log(
        `  ${id}: ${e.title} — ${e.runs}/${runs.length} runs; ${[...e.where].join(', ')}${e.value ? `; ${e.value}` : ''}`,
      )
  }
  const warnings = [...new Set(runs.flatMap((r) => r.warnings))]
  if (warnings.length) console.log(`\nLighthouse warned:\n  ${warnings.join('\n  ')}`)
  const index = median(runs.map((r) => r.benchmarkIndex))
  console.log(
    `\nMedian benchmark index of this machine: ${index} (a quiet desktop scores about 1,000–2,000; under about ${QUIET_INDEX} the machine is busy and phone scores read low).`,
  )
  if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify({ runs, results }, null, 2))

  const failed = results.filter((r) => !r.pass)
  if (failed.length) {
    console.log(
      `\nFAIL: ${failed.map((r) => `${r.profile} ${r.page} ${r.category} ${r.median}`).join('; ')} (under ${TARGET}).`,
    )
    process.exitCode = 1
  } else {
    console.log(`\nPASS: every median is ${TARGET} or more.`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
