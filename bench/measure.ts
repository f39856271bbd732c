/**
 * The in-process part of `npm run bench`, started by bench/run.ts once per database with
 * DATABASE_URL already naming the seeded benchmark database (the Prisma client reads it when
 * the app is first imported, so this file imports app code only dynamically).
 *
 * Requests go through the production Remix build in this process (no network, no Express),
 * so the figures are the server's own work: session check, loaders or action, rendering.
 *   tsx bench/measure.ts <figures.json> <requests per scenario>
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import zlib from 'node:zlib'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { benchBackOffice } from './back-office'
import { benchPhotos } from './photos'
import { appendFigures, percentile, type Figure } from './figures'

const [resultsFile, requestsArg] = process.argv.slice(2)
if (!resultsFile || !process.env.DATABASE_URL) {
  throw new Error('Started by bench/run.ts: tsx bench/measure.ts <figures.json> <requests>')
}
const REQUESTS = Number(requestsArg ?? 200)
const WARMUP = 20
const ORIGIN = 'http://localhost:3000'

type Sample = { ms: number; queries: number; status: number }

function summarize(name: string, samples: Sample[]) {
  const times = samples.map((s) => s.ms).sort((a, b) => a - b)
  const queries = samples.map((s) => s.queries).sort((a, b) => a - b)
  const statuses = [...new Set(samples.map((s) => s.status))].join('/')
  return {
    row: {
      scenario: name,
      requests: samples.length,
      status: statuses,
      'p50 ms': percentile(times, 50).toFixed(1),
      'p95 ms': percentile(times, 95).toFixed(1),
      'SQL/request (median)': percentile(queries, 50),
      'SQL/request (max)': queries[queries.length - 1],
    },
    figures: [
      { name: `${name}: p50`, value: percentile(times, 50), unit: 'ms', digits: 1 },
      { name: `${name}: p95`, value: percentile(times, 95), unit: 'ms', digits: 1 },
      {
        name: `${name}: SQL/request (median)`,
        value: percentile(queries, 50),
        unit: '',
        digits: 0,
      },
      {
        name: `${name}: SQL/request (max)`,
        value: queries[queries.length - 1]!,
        unit: '',
        digits: 0,
      },
    ].map((f) => ({ section: 'storefront', ...f })),
  }
}

async function main() {
  const [{ prisma }, build] = await Promise.all([
    import('../app/utils/db.server'),
    import(pathToFileURL(path.resolve('build/index.js')).href) as Promise<ServerBuild>,
  ])

  const dataset = [
    `${await prisma.account.count()} accounts`,
    `${await prisma.product.count()} products`,
    `${await prisma.order.count()} orders`,
    `${await prisma.orderLine.count()} order lines`,
    `${await prisma.rep.count()} reps`,
  ].join(', ')

  // A coupon without limits for the checkout-with-coupon scenario.
  await prisma.offer.upsert({
    where: { id: 'bench_coupon' },
    update: {},
    create: {
      id: 'bench_coupon',
      name: 'Bench 10 %',
      code: 'BENCH10',
      discountType: 'PERCENT',
      discountValue: 1000,
      stackable: true,
    },
  })

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
  const figures: Figure[] = []
  for (const scenario of scenarios) {
    for (let i = 0; i < WARMUP; i++) await scenario.run(i)
    const samples: Sample[] = []
    for (let i = 0; i < REQUESTS; i++) {
      const { ms, queries, status } = await scenario.run(i)
      samples.push({ ms, queries, status })
    }
    const summary = summarize(scenario.name, samples)
    results.push(summary.row)
    figures.push(...summary.figures)
  }

  // The same catalog pages with a photo on every product (the ones above show placeholders).
  const photos = await benchPhotos({
    db: prisma,
    request: (method, url, cookieHeader) => request(method, url, cookieHeader),
    cookie,
    catalogPage: (i) => `/catalog?page=${(i % pageCount) + 1}`,
    requests: REQUESTS,
    warmup: WARMUP,
  })
  results.push(...photos.rows)
  figures.push(...photos.figures)

  const managerLogin = await request('POST', '/auth/login', '', {
    email: 'gerente@reativa.dev',
    password: 'reativa123',
  })
  const managerCookie = (managerLogin.response.headers.get('Set-Cookie') ?? '').split(';')[0]!
  const manager = await prisma.user.findUniqueOrThrow({
    where: { email: 'gerente@reativa.dev' },
    select: { id: true },
  })
  // Imported after the environment points at the benchmark database.
  const [{ reclassifyPortfolio }, { previewImport, commitImport }] = await Promise.all([
    import('../app/domain/accounts/reclassify.server'),
    import('../app/domain/imports/import.server'),
  ])
  const backOffice = await benchBackOffice({
    get: (url, cookieHeader) => request('GET', url, cookieHeader),
    managerCookie,
    managerId: manager.id,
    modules: { reclassifyPortfolio, previewImport, commitImport },
    db: prisma,
  })
  figures.push(...backOffice.figures)

  const catalog = await request('GET', '/catalog', cookie)
  // Every script the page loads or preloads is a /build/*.js path in its HTML.
  const scripts = new Set([...catalog.text.matchAll(/"(\/build\/[^"]+\.js)"/g)].map((m) => m[1]!))
  let gzipBytes = 0
  for (const src of scripts) {
    const file = path.join('public', src)
    if (fs.existsSync(file)) gzipBytes += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length
  }
  figures.push({
    section: 'storefront',
    name: 'JavaScript on the catalog page (gzipped)',
    value: gzipBytes / 1024,
    unit: 'kB',
    digits: 1,
  })
  await prisma.$disconnect()

  console.log(
    `\nDataset: ${dataset}.\n${REQUESTS} measured requests per scenario after ${WARMUP} warm-up, one process, sequential:`,
  )
  console.table(results)
  console.log('\nBack office:')
  console.table(backOffice.rows)
  console.log(
    `Storefront JavaScript on the catalog page: ${scripts.size} files, ${(gzipBytes / 1024).toFixed(1)} kB gzipped (budget 150 kB).`,
  )
  appendFigures(resultsFile!, figures)
}

main().catch((error: unknown) => {
  console.error(error)
  // Open connections (and the campaign part's local server) would keep the process alive.
  process.exit(1)
})
