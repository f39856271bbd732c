/**
 * `npm run bench`: server time and SQL statements per request on the large dataset of
 * PRODUCT.md (20,000 accounts, 2,000 products, 500,000 imported order lines, 50 reps).
 *
 * Requests go through the production Remix build in this process (no network, no Express),
 * so the figures are the server's own work: session check, loaders or action, rendering.
 * Options: --reseed (rebuild data/bench.db), --requests N (per scenario, default 200).
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import zlib from 'node:zlib'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'

const args = process.argv.slice(2)
const reseed = args.includes('--reseed')
const requestsArg = args.indexOf('--requests')
const REQUESTS = requestsArg >= 0 ? Number(args[requestsArg + 1]) : 200
const WARMUP = 20
const BENCH_DB = path.resolve('data/bench.db')
const ORIGIN = 'http://localhost:3000'

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:${BENCH_DB}`,
  NODE_ENV: 'production',
  REATIVA_SKIP_DOTENV: '1',
  LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
}
delete env.RESEND_API_KEY
Object.assign(process.env, env)

function run(command: string, commandArgs: string[]) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env })
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed`)
}

async function datasetReady(): Promise<boolean> {
  if (!fs.existsSync(BENCH_DB)) return false
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url: `file:${BENCH_DB}` })
  try {
    const accounts = await client.execute('SELECT COUNT(*) AS n FROM "Account"')
    const lines = await client.execute('SELECT COUNT(*) AS n FROM "OrderLine"')
    const history = await client.execute('SELECT COUNT(*) AS n FROM "AccountStatusChange"')
    if (Number(history.rows[0]!.n) === 0) return false
    // The seed aims at 500,000 lines and lands within a few hundred of it.
    return Number(accounts.rows[0]!.n) >= 20_000 && Number(lines.rows[0]!.n) >= 490_000
  } catch {
    return false
  } finally {
    client.close()
  }
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)]!
}

type Sample = { ms: number; queries: number; status: number }

function summarize(name: string, samples: Sample[]) {
  const times = samples.map((s) => s.ms).sort((a, b) => a - b)
  const queries = samples.map((s) => s.queries).sort((a, b) => a - b)
  const statuses = [...new Set(samples.map((s) => s.status))].join('/')
  return {
    scenario: name,
    requests: samples.length,
    status: statuses,
    'p50 ms': percentile(times, 50).toFixed(1),
    'p95 ms': percentile(times, 95).toFixed(1),
    'SQL/request (median)': percentile(queries, 50),
    'SQL/request (max)': queries[queries.length - 1],
  }
}

async function main() {
  // Bring an existing benchmark database up to the current migrations first.
  if (fs.existsSync(BENCH_DB)) run('npx', ['prisma', 'migrate', 'deploy'])
  if (reseed || !(await datasetReady())) {
    console.log('Seeding the large dataset into data/bench.db (a few minutes, once)…')
    fs.rmSync(BENCH_DB, { force: true })
    run('npx', ['prisma', 'migrate', 'deploy'])
    run('npx', ['tsx', 'prisma/seed.ts', '--large'])
  }
  // Derived data (next reviews, revenue summary) caught up, as the nightly job does.
  run('npx', ['tsx', 'scripts/reclassify.ts'])
  console.log('Building the production bundle…')
  run('npm', ['run', 'build'])

  const { createClient } = await import('@libsql/client')
  const counter = createClient({ url: `file:${BENCH_DB}` })
  const count = async (table: string) =>
    Number((await counter.execute(`SELECT COUNT(*) AS n FROM "${table}"`)).rows[0]!.n)
  const dataset = `${await count('Account')} accounts, ${await count('Product')} products, ${await count('Order')} orders, ${await count('OrderLine')} order lines, ${await count('Rep')} reps`
  counter.close()

  // A coupon without limits for the checkout-with-coupon scenario.
  const setup = createClient({ url: `file:${BENCH_DB}` })
  await setup.execute(
    `INSERT OR IGNORE INTO "Offer" ("id", "name", "code", "discountType", "discountValue", "stackable", "updatedAt")
     VALUES ('bench_coupon', 'Bench 10 %', 'BENCH10', 'PERCENT', 1000, true, CURRENT_TIMESTAMP)`,
  )
  setup.close()

  const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
  const handle = createRequestHandler(build, 'production')
  const stats = (globalThis as { __reativaQueryStats?: { count: number } }).__reativaQueryStats
  const context = { cspNonce: 'bench', clientIp: '127.0.0.1' }

  async function request(
    method: 'GET' | 'POST',
    url: string,
    cookie: string,
    form?: Record<string, string>,
  ) {
    const headers = new Headers({ Cookie: cookie, Origin: ORIGIN, Host: new URL(ORIGIN).host })
    let body: URLSearchParams | undefined
    if (form) {
      body = new URLSearchParams(form)
      headers.set('Content-Type', 'application/x-www-form-urlencoded')
    }
    const before = stats?.count ?? 0
    const started = performance.now()
    const response = await handle(
      new Request(`${ORIGIN}${url}`, { method, headers, body, redirect: 'manual' }),
      context,
    )
    const text = await response.text()
    const ms = performance.now() - started
    return { ms, queries: (stats?.count ?? 0) - before, status: response.status, text, response }
  }

  const login = await request('POST', '/auth/login', '', {
    email: 'comprador@reativa.dev',
    password: 'reativa123',
  })
  const cookie = (login.response.headers.get('Set-Cookie') ?? '').split(';')[0]!
  if (login.status !== 302 || !cookie) throw new Error(`Login failed with status ${login.status}`)
  if (!stats) throw new Error('The build did not expose query statistics')

  // Filling the cart, applying the coupon and rendering the cart page (whose form carries the
  // total the buyer saw) are set-up; only the checkout POST is measured.
  async function placeOrder(coupon: string | null): Promise<Sample> {
    await request('POST', '/cart', cookie, {
      intent: 'quick',
      lines: 'CIM-0001 10\nCIM-0003 4\nHID-0001 6',
    })
    if (coupon) await request('POST', '/cart', cookie, { intent: 'coupon', code: coupon })
    const cartPage = await request('GET', '/cart', cookie)
    const expected = /name="expectedTotalCents" value="(\d+)"/.exec(cartPage.text)?.[1]
    if (!expected) throw new Error('The cart page did not render the checkout form')
    if (coupon && !cartPage.text.includes(`data-code="${coupon}"`)) {
      throw new Error(`Coupon ${coupon} is not in the cart`)
    }
    return request('POST', '/cart', cookie, {
      intent: 'checkout',
      idempotencyKey: crypto.randomUUID(),
      payment: '28',
      expectedTotalCents: expected,
    })
  }

  const pageCount = 84
  const searchTerms = [
    'cimento',
    'agua',
    'argamassa branca',
    'tinta 18',
    'CIM-0001',
    'led',
    'registro',
    'parafuso',
    'porcelanato',
    'telha premium',
  ]
  const scenarios: { name: string; run: (i: number) => Promise<Sample> }[] = [
    {
      name: 'catalog page (GET /catalog?page=N)',
      run: (i) => request('GET', `/catalog?page=${(i % pageCount) + 1}`, cookie),
    },
    {
      name: 'catalog family page',
      run: (i) =>
        request(
          'GET',
          `/catalog?family=${['cimentos-argamassas', 'tintas', 'hidraulica', 'eletrica'][i % 4]}`,
          cookie,
        ),
    },
    {
      name: 'search (GET /catalog?q=…)',
      run: (i) =>
        request(
          'GET',
          `/catalog?q=${encodeURIComponent(searchTerms[i % searchTerms.length]!)}`,
          cookie,
        ),
    },
    {
      name: 'place order on terms (POST /cart checkout)',
      run: () => placeOrder(null),
    },
    {
      name: 'place order with a coupon (POST /cart checkout)',
      run: () => placeOrder('BENCH10'),
    },
  ]

  const results = []
  for (const scenario of scenarios) {
    for (let i = 0; i < WARMUP; i++) await scenario.run(i)
    const samples: Sample[] = []
    for (let i = 0; i < REQUESTS; i++) {
      const { ms, queries, status } = await scenario.run(i)
      samples.push({ ms, queries, status })
    }
    results.push(summarize(scenario.name, samples))
  }

  const managerLogin = await request('POST', '/auth/login', '', {
    email: 'gerente@reativa.dev',
    password: 'reativa123',
  })
  const managerCookie = (managerLogin.response.headers.get('Set-Cookie') ?? '').split(';')[0]!
  const db = createClient({ url: `file:${BENCH_DB}` })
  const managerId = String(
    (await db.execute(`SELECT "id" FROM "User" WHERE "email" = 'gerente@reativa.dev'`)).rows[0]!.id,
  )
  // Imported after the environment points at the benchmark database.
  const [{ reclassifyPortfolio }, { previewImport, commitImport }, { benchBackOffice }] =
    await Promise.all([
      import('../app/domain/accounts/reclassify.server'),
      import('../app/domain/accounts/imports/import.server'),
      import('./back-office'),
    ])
  const backOffice = await benchBackOffice({
    get: (url, cookieHeader) => request('GET', url, cookieHeader),
    managerCookie,
    managerId,
    modules: { reclassifyPortfolio, previewImport, commitImport },
    client: db,
  })
  db.close()

  const catalog = await request('GET', '/catalog', cookie)
  // Every script the page loads or preloads is a /build/*.js path in its HTML.
  const scripts = new Set([...catalog.text.matchAll(/"(\/build\/[^"]+\.js)"/g)].map((m) => m[1]!))
  let gzipBytes = 0
  for (const src of scripts) {
    const file = path.join('public', src)
    if (fs.existsSync(file)) gzipBytes += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length
  }

  console.log(
    `\nDataset: ${dataset}.\n${REQUESTS} measured requests per scenario after ${WARMUP} warm-up, one process, sequential:`,
  )
  console.table(results)
  console.log('\nBack office:')
  console.table(backOffice)
  console.log(
    `Storefront JavaScript on the catalog page: ${scripts.size} files, ${(gzipBytes / 1024).toFixed(1)} kB gzipped (budget 150 kB).`,
  )
  // Its own process: it points the Resend SDK at a local stand-in and works on a copy.
  run('npx', ['tsx', 'bench/campaigns.ts', BENCH_DB])
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
