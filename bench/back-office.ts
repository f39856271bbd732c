/**
 * Back-office scenarios of `npm run bench`, run in the same process as the storefront ones
 * (bench/run.ts): reclassification of the whole portfolio, dashboard load, and a 50,000-line
 * order-history import (time and peak memory).
 */
import fs from 'node:fs'
import type { Db } from '../app/utils/db.server'
import { median, type Figure } from './figures'
import { removeImportedOrders, writeOrderHistoryFile } from './order-history-file'

type Handle = (
  url: string,
  cookie: string,
) => Promise<{ ms: number; queries: number; status: number }>
type Modules = {
  reclassifyPortfolio: (options: {
    now?: Date
    rebuild?: boolean
    onlyDue?: boolean
  }) => Promise<{ accounts: number; updated: number; statusChanges: number }>
  previewImport: (input: {
    kind: 'ORDERS'
    file: string
    fileName: string
    actorId: string
  }) => Promise<{ id: string; totalRows: number; errorRows: number; createdRows: number }>
  commitImport: (batchId: string, actorId: string) => Promise<{ ok: boolean }>
}

/** Samples the resident set size while `work` runs; returns its time and the peak above the start. */
async function measure<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; peakMb: number }> {
  global.gc?.()
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 10)
  const started = performance.now()
  const result = await work()
  const ms = performance.now() - started
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage().rss)
  return { result, ms, peakMb: (peak - baseline) / 1024 / 1024 }
}

export async function benchBackOffice({
  get,
  managerCookie,
  managerId,
  modules,
  db,
}: {
  get: Handle
  managerCookie: string
  managerId: string
  modules: Modules
  /** The app's Prisma client, on the benchmark database. */
  db: Db
}): Promise<{ rows: Record<string, string | number>[]; figures: Figure[] }> {
  const rows: Record<string, string | number>[] = []
  const figures: Figure[] = []
  const figure = (name: string, value: number, unit: string, digits: number) =>
    figures.push({ section: 'back office', name, value, unit, digits })

  // Reclassification: the daily pass (nothing to rebuild) and after a thresholds change (every history rebuilt).
  // The daily pass as it runs on each of the next three days (accounts falling due load and
  // change); then a thresholds change recomputes all 20,000 accounts and every history for today,
  // which also puts the dataset back as it was.
  const DAY = 86_400_000
  const daily: number[] = []
  const dailyDetail: string[] = []
  for (let day = 1; day <= 3; day++) {
    const { ms, result } = await measure(() =>
      modules.reclassifyPortfolio({ now: new Date(Date.now() + day * DAY), onlyDue: true }),
    )
    daily.push(ms)
    dailyDetail.push(`day +${day}: ${result.accounts} due, ${result.statusChanges} changes`)
  }
  rows.push({
    scenario: 'daily pass (all accounts up to date; loads those due)',
    runs: daily.length,
    'median ms': median(daily).toFixed(0),
    detail: dailyDetail.join('; '),
  })
  figure('daily pass (median of 3 days)', median(daily), 'ms', 0)
  const full: number[] = []
  let last = { accounts: 0, updated: 0, statusChanges: 0 }
  for (let i = 0; i < 3; i++) {
    const { ms, result } = await measure(() => modules.reclassifyPortfolio({ rebuild: true }))
    full.push(ms)
    last = result
  }
  rows.push({
    scenario: 'reclassify all 20,000 accounts from scratch (history rebuilt)',
    runs: full.length,
    'median ms': median(full).toFixed(0),
    detail: `${last.accounts} accounts, ${last.statusChanges} history rows written`,
  })
  figure('reclassify all accounts, history rebuilt (median of 3)', median(full), 'ms', 0)

  // Dashboard: the whole page, as the manager loads it.
  for (let i = 0; i < 5; i++) await get('/admin', managerCookie)
  const samples: { ms: number; queries: number; status: number }[] = []
  for (let i = 0; i < 30; i++) samples.push(await get('/admin', managerCookie))
  const times = samples.map((s) => s.ms).sort((a, b) => a - b)
  const statuses = [...new Set(samples.map((s) => s.status))].join('/')
  const dashboardP95 = times[Math.ceil(0.95 * times.length) - 1]!
  const dashboardSql = median(samples.map((s) => s.queries))
  rows.push({
    scenario: 'dashboard (GET /admin)',
    runs: samples.length,
    'median ms': median(times).toFixed(1),
    detail: `p95 ${dashboardP95.toFixed(1)} ms, ${dashboardSql} SQL statements, status ${statuses}`,
  })
  figure('dashboard (GET /admin): median', median(times), 'ms', 1)
  figure('dashboard (GET /admin): p95', dashboardP95, 'ms', 1)
  figure('dashboard (GET /admin): SQL statements', dashboardSql, '', 0)

  // The call queue's first page: the whole portfolio ranked, 25 cards read in full.
  for (let i = 0; i < 5; i++) await get('/admin/calls', managerCookie)
  const queueSamples: { ms: number; queries: number; status: number }[] = []
  for (let i = 0; i < 30; i++) queueSamples.push(await get('/admin/calls', managerCookie))
  const queueTimes = queueSamples.map((s) => s.ms).sort((a, b) => a - b)
  const queueP95 = queueTimes[Math.ceil(0.95 * queueTimes.length) - 1]!
  rows.push({
    scenario: 'call queue, first page (GET /admin/calls)',
    runs: queueSamples.length,
    'median ms': median(queueTimes).toFixed(1),
    detail: `p95 ${queueP95.toFixed(1)} ms, ${median(queueSamples.map((s) => s.queries))} SQL statements, status ${[...new Set(queueSamples.map((s) => s.status))].join('/')}`,
  })
  figure('call queue (GET /admin/calls): median', median(queueTimes), 'ms', 1)
  figure('call queue (GET /admin/calls): p95', queueP95, 'ms', 1)

  const { file, bytes, prefix } = await writeOrderHistoryFile(db)

  const staged = `${file}.upload`
  fs.copyFileSync(file, staged)
  const preview = await measure(() =>
    modules.previewImport({
      kind: 'ORDERS',
      file: staged,
      fileName: 'bench.csv',
      actorId: managerId,
    }),
  )
  const commit = await measure(() => modules.commitImport(preview.result.id, managerId))
  rows.push({
    scenario: 'import 50,000-line order CSV: upload → preview',
    runs: 1,
    'median ms': preview.ms.toFixed(0),
    detail: `${(bytes / 1024 / 1024).toFixed(1)} MB, ${preview.result.totalRows} rows, ${preview.result.errorRows} errors, ${preview.result.createdRows} orders; peak +${preview.peakMb.toFixed(0)} MB RSS`,
  })
  rows.push({
    scenario: 'import 50,000-line order CSV: confirm (background write + history rebuild)',
    runs: 1,
    'median ms': commit.ms.toFixed(0),
    detail: `${commit.result.ok ? 'written' : 'FAILED'}; peak +${commit.peakMb.toFixed(0)} MB RSS`,
  })
  if (!commit.result.ok) throw new Error(`The import was not written: ${JSON.stringify(commit)}`)
  figure('import 50,000-line CSV: preview', preview.ms, 'ms', 0)
  figure('import 50,000-line CSV: preview, peak memory', preview.peakMb, 'MB', 0)
  figure('import 50,000-line CSV: confirm', commit.ms, 'ms', 0)
  figure('import 50,000-line CSV: confirm, peak memory', commit.peakMb, 'MB', 0)

  // Leave the dataset as it was.
  await removeImportedOrders(db, prefix, () => modules.reclassifyPortfolio({ rebuild: true }))
  fs.rmSync(file, { force: true })
  return { rows, figures }
}
