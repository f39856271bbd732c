/**
 * The storefront while a 50,000-line order history is confirmed, measured from outside: the
 * built server runs as its own process on the benchmark database (web and jobs in one process,
 * as `npm start` runs), and this process sends a buyer's request every 100 ms whether or not
 * the previous one has answered, as independent buyers would. A request that arrives while the
 * server is stalled counts its whole wait, which a load generator inside the stalled process
 * could not see. Started by bench/run.ts with DATABASE_URL set:
 *   tsx bench/import-under-load.ts <figures.json>
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import { appendFigures, percentile, type Figure } from './figures'
import { removeImportedOrders, writeOrderHistoryFile } from './order-history-file'

const [resultsFile] = process.argv.slice(2)
if (!resultsFile || !process.env.DATABASE_URL) {
  throw new Error('Started by bench/run.ts: tsx bench/import-under-load.ts <figures.json>')
}
const PORT = Number(process.env.BENCH_PORT ?? 3990)
const ORIGIN = `http://localhost:${PORT}`
const INTERVAL_MS = 100
const ALONE_MS = 15_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Sample = { ms: number; status: number }

async function call(
  method: 'GET' | 'POST',
  url: string,
  cookie: string,
  body?: URLSearchParams | FormData,
): Promise<Sample & { response: Response }> {
  const started = performance.now()
  const response = await fetch(`${ORIGIN}${url}`, {
    method,
    body,
    redirect: 'manual',
    headers: { Cookie: cookie, Origin: ORIGIN },
  })
  await response.arrayBuffer()
  return { ms: performance.now() - started, status: response.status, response }
}

async function logIn(email: string): Promise<string> {
  const { response, status } = await call(
    'POST',
    '/auth/login',
    '',
    new URLSearchParams({ email, password: 'reativa123' }),
  )
  const cookie = (response.headers.get('Set-Cookie') ?? '').split(';')[0]
  if (status !== 302 || !cookie) throw new Error(`${email} could not log in (${status})`)
  return cookie
}

/**
 * A storefront request through node:http, which waits for a stalled server as long as it takes
 * (fetch gives up connecting after 10 s), so the wait is measured whole.
 */
function storefrontCall(
  method: 'GET' | 'POST',
  url: string,
  cookie: string,
  form?: URLSearchParams,
): Promise<Sample> {
  const started = performance.now()
  const body = form?.toString()
  return new Promise((resolve) => {
    const request = http.request(
      `${ORIGIN}${url}`,
      {
        method,
        headers: {
          Cookie: cookie,
          Origin: ORIGIN,
          ...(body
            ? {
                'Content-Type': 'application/x-www-form-urlencoded',
                'Content-Length': Buffer.byteLength(body),
              }
            : {}),
        },
      },
      (response) => {
        response.resume()
        response.on('end', () =>
          resolve({ ms: performance.now() - started, status: response.statusCode ?? 0 }),
        )
      },
    )
    // A failed request counts as status 0 after the time it took to fail.
    request.on('error', () => resolve({ ms: performance.now() - started, status: 0 }))
    request.end(body)
  })
}

/** A request every INTERVAL_MS until `done` settles; each answer's time and status. */
async function browse(cookie: string, done: Promise<unknown>): Promise<Sample[]> {
  const requests: ((i: number) => Promise<Sample>)[] = [
    (i) => storefrontCall('GET', `/catalog?page=${(i % 80) + 1}`, cookie),
    () => storefrontCall('GET', '/products/CIM-0001', cookie),
    () => storefrontCall('GET', '/cart', cookie),
    () => storefrontCall('GET', '/orders', cookie),
    () =>
      storefrontCall(
        'POST',
        '/cart',
        cookie,
        new URLSearchParams({ intent: 'quick', lines: 'CIM-0003 4' }),
      ),
  ]
  let finished = false
  void done.finally(() => {
    finished = true
  })
  const answers: Promise<Sample>[] = []
  for (let i = 0; !finished; i++) {
    answers.push(requests[i % requests.length]!(i))
    await sleep(INTERVAL_MS)
  }
  return Promise.all(answers)
}

/** A page's HTML through node:http (waiting as long as the server takes), or null on error. */
function pageText(url: string, cookie: string): Promise<string | null> {
  return new Promise((resolve) => {
    http
      .get(`${ORIGIN}${url}`, { headers: { Cookie: cookie } }, (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => resolve(response.statusCode === 200 ? text : null))
      })
      .on('error', () => resolve(null))
  })
}

function summary(samples: Sample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b)
  return {
    requests: ms.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: ms.at(-1) ?? 0,
    statuses: [...new Set(samples.map((s) => s.status))].sort().join('/'),
  }
}

async function main() {
  const [{ prisma }, { reclassifyPortfolio }] = await Promise.all([
    import('../app/utils/db.server'),
    import('../app/domain/accounts/reclassify.server'),
  ])
  // What an interrupted earlier run may have left: its batch would be written again when the
  // server starts, its orders would change the dataset.
  await prisma.importBatch.updateMany({
    where: { status: 'COMMITTING' },
    data: { status: 'FAILED' },
  })
  if (await prisma.order.count({ where: { externalRef: { startsWith: 'BENCH' } } })) {
    await removeImportedOrders(prisma, 'BENCH', () => reclassifyPortfolio({ rebuild: true }))
  }
  const { file, prefix } = await writeOrderHistoryFile(prisma)
  // The server is the only writer while it runs.
  await prisma.$disconnect()

  const server = spawn('node', ['server-build/index.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      APP_URL: ORIGIN,
      LOGIN_MAX_FAILURES_PER_IP: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const figures: Figure[] = []
  try {
    for (let tries = 0; ; tries++) {
      const ready = await fetch(`${ORIGIN}/auth/login`).then(
        (r) => r.ok,
        () => false,
      )
      if (ready) break
      if (tries > 300) throw new Error('The server did not start')
      await sleep(200)
    }
    const buyer = await logIn('comprador@reativa.dev')
    const manager = await logIn('gerente@reativa.dev')

    const upload = new FormData()
    upload.set('kind', 'ORDERS')
    upload.set('file', new Blob([fs.readFileSync(file)], { type: 'text/csv' }), 'historico.csv')
    const previewed = await call('POST', '/admin/imports', manager, upload)
    const batchPath = previewed.response.headers.get('Location') ?? ''
    if (previewed.status !== 302 || !/^\/admin\/imports\/[^/]+$/.test(batchPath))
      throw new Error(`The upload answered ${previewed.status}`)

    const alone = summary(await browse(buyer, sleep(ALONE_MS)))

    const started = performance.now()
    const confirmed = await call(
      'POST',
      batchPath,
      manager,
      new URLSearchParams({ intent: 'confirm' }),
    )
    if (confirmed.status !== 302) throw new Error(`The confirmation answered ${confirmed.status}`)
    const written = (async () => {
      for (;;) {
        await sleep(1000)
        const html = await pageText(batchPath, manager)
        if (html !== null && !html.includes('data-testid="import-running"'))
          return performance.now() - started
      }
    })()
    const during = summary(await browse(buyer, written))
    const confirmMs = await written

    console.log(
      `\nThe storefront over HTTP, a request every ${INTERVAL_MS} ms (catalog, product, cart, orders, add to cart):`,
    )
    console.table([
      { while: 'nothing else runs', ...rounded(alone) },
      { while: 'a 50,000-line import is confirmed', ...rounded(during) },
    ])
    console.log(`The import was written ${(confirmMs / 1000).toFixed(1)} s after its confirmation.`)
    const figure = (name: string, value: number, unit: string, digits: number) =>
      figures.push({ section: 'import under load', name, value, unit, digits })
    figure('storefront alone: p95', alone.p95, 'ms', 1)
    figure('storefront during a 50,000-line import confirm: p50', during.p50, 'ms', 1)
    figure('storefront during a 50,000-line import confirm: p95', during.p95, 'ms', 1)
    figure('storefront during a 50,000-line import confirm: longest wait', during.max, 'ms', 0)
    figure('import confirm through the server, until written', confirmMs / 1000, 's', 1)
  } finally {
    // A server stalled in a write may not get to its shutdown: it is killed after 10 s.
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    const killer = setTimeout(() => server.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(killer)
    fs.rmSync(file, { force: true })
  }

  await prisma.importBatch.updateMany({
    where: { status: 'COMMITTING' },
    data: { status: 'FAILED' },
  })
  await removeImportedOrders(prisma, prefix, () => reclassifyPortfolio({ rebuild: true }))
  await prisma.$disconnect()
  appendFigures(resultsFile!, figures)
}

function rounded(s: ReturnType<typeof summary>) {
  return {
    requests: s.requests,
    'p50 ms': s.p50.toFixed(1),
    'p95 ms': s.p95.toFixed(1),
    'longest ms': s.max.toFixed(0),
    statuses: s.statuses,
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
