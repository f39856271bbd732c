/**
 * Every analysed line of a preview, kept in the database for its paged table (decision 024).
 * The analysis hands each line to a `PreviewSink` as it decides it; the sink writes them in
 * multi-row inserts of a few hundred, so a 500,000-line file holds only one insert's worth in
 * memory on top of what the analysis itself keeps. A page is then one indexed query.
 */
import { bulkInsert } from '~/utils/bulk-insert.server'
import { prisma } from '~/utils/db.server'
import type { RowError, SampleRow } from './analyze.server'

export const PREVIEW_OUTCOMES = ['create', 'update', 'unchanged', 'error'] as const
export type PreviewOutcome = (typeof PREVIEW_OUTCOMES)[number]
export type OutcomeCounts = Record<PreviewOutcome, number>
export const PREVIEW_PAGE_SIZE = 50
// Rows per insert: 4 columns each, well under SQLite's and PostgreSQL's parameter limits.
const INSERT_ROWS = 2000

const noCounts = (): OutcomeCounts => ({ create: 0, update: 0, unchanged: 0, error: 0 })

/**
 * Receives a batch's analysed lines and problems while the analysis runs and writes them.
 * A line with a problem is an `error` row, whatever the analysis would have done with it;
 * a line with a problem and nothing else to show gets its row when the sink is closed.
 */
export class PreviewSink {
  readonly counts = noCounts()
  private rows: { batchId: string; line: number; outcome: string; cells: string | null }[] = []
  private errors: {
    batchId: string
    line: number
    code: string
    column: string | null
    value: string | null
  }[] = []
  private errorLines = new Set<number>()
  // Error lines that already have their row (with cells), so closing does not add another.
  private shown = new Set<number>()
  private writing: Promise<void> = Promise.resolve()
  private failure: unknown = null

  constructor(readonly batchId: string) {}

  row(row: SampleRow) {
    const outcome: PreviewOutcome = this.errorLines.has(row.line) ? 'error' : row.action
    if (outcome === 'error') {
      if (this.shown.has(row.line)) return
      this.shown.add(row.line)
    }
    this.counts[outcome]++
    this.rows.push({
      batchId: this.batchId,
      line: row.line,
      outcome,
      cells: JSON.stringify(row.cells),
    })
    if (this.rows.length >= INSERT_ROWS) this.flushRows()
  }

  error(error: RowError) {
    this.errorLines.add(error.line)
    this.errors.push({
      batchId: this.batchId,
      line: error.line,
      code: error.code,
      column: error.column ?? null,
      value: error.value === undefined ? null : error.value.slice(0, 500),
    })
    if (this.errors.length >= INSERT_ROWS) this.flushErrors()
  }

  /** Waits while inserts are in flight, so that the reading never runs far ahead of them. */
  async settle() {
    await this.writing
    if (this.failure) throw this.failure
  }

  /** The rows of lines with only problems to show, then the last inserts; returns the counts. */
  async close(): Promise<OutcomeCounts> {
    for (const line of this.errorLines) {
      if (this.shown.has(line)) continue
      this.counts.error++
      this.rows.push({ batchId: this.batchId, line, outcome: 'error', cells: null })
      if (this.rows.length >= INSERT_ROWS) {
        this.flushRows()
        await this.settle()
      }
    }
    this.flushRows()
    this.flushErrors()
    await this.settle()
    return { ...this.counts }
  }

  private flushRows() {
    const data = this.rows
    this.rows = []
    if (data.length) this.enqueue(() => bulkInsert(prisma, 'ImportPreviewRow', data))
  }

  private flushErrors() {
    const data = this.errors
    this.errors = []
    if (data.length) this.enqueue(() => bulkInsert(prisma, 'ImportPreviewError', data))
  }

  private enqueue(insert: () => Promise<unknown>) {
    this.writing = this.writing.then(async () => {
      if (this.failure) return
      await insert().catch((error: unknown) => {
        this.failure = error
      })
    })
  }
}

/** Removes a batch's preview rows and problems, a few thousand lines a statement. */
export async function deletePreviewRows(batchId: string) {
  await prisma.importPreviewError.deleteMany({ where: { batchId } })
  for (;;) {
    const last = await prisma.importPreviewRow.findFirst({
      where: { batchId },
      orderBy: { line: 'asc' },
      skip: 5000,
      select: { line: true },
    })
    if (!last) break
    await prisma.importPreviewRow.deleteMany({ where: { batchId, line: { lt: last.line } } })
  }
  await prisma.importPreviewRow.deleteMany({ where: { batchId } })
}

export type PreviewPageRow = {
  line: number
  outcome: PreviewOutcome
  cells: SampleRow['cells'] | null
  errors: Pick<RowError, 'code' | 'column' | 'value'>[]
}

export type PreviewPage = {
  outcome: PreviewOutcome | null
  page: number
  pageCount: number
  /** Rows matching the filter. */
  total: number
  rows: PreviewPageRow[]
  /** The page asked for is after the last one: no rows, and the page count to go back to. */
  pastEnd: boolean
}

/**
 * One page of a batch's preview rows in line order, with each line's problems; `outcome`
 * null for every row. `total` is the count of rows matching, from the counts stored with the
 * preview (one query fewer per page).
 */
export async function previewPage(
  batchId: string,
  { page, outcome, total }: { page: number; outcome: PreviewOutcome | null; total: number },
): Promise<PreviewPage> {
  const pageCount = Math.max(1, Math.ceil(total / PREVIEW_PAGE_SIZE))
  if (page > pageCount) return { outcome, page, pageCount, total, rows: [], pastEnd: true }
  const found = await prisma.importPreviewRow.findMany({
    where: { batchId, ...(outcome ? { outcome } : {}) },
    orderBy: { line: 'asc' },
    skip: (page - 1) * PREVIEW_PAGE_SIZE,
    take: PREVIEW_PAGE_SIZE,
    select: { line: true, outcome: true, cells: true },
  })
  const lines = found.map((r) => r.line)
  const errors = lines.length
    ? await prisma.importPreviewError.findMany({
        where: { batchId, line: { in: lines } },
        orderBy: { id: 'asc' },
        select: { line: true, code: true, column: true, value: true },
      })
    : []
  const byLine = new Map<number, PreviewPageRow['errors']>()
  for (const { line, code, column, value } of errors) {
    const list = byLine.get(line) ?? byLine.set(line, []).get(line)!
    list.push({
      code: code as RowError['code'],
      ...(column ? { column } : {}),
      ...(value !== null ? { value } : {}),
    })
  }
  return {
    outcome,
    page,
    pageCount,
    total,
    pastEnd: false,
    rows: found.map((r) => ({
      line: r.line,
      outcome: r.outcome as PreviewOutcome,
      cells: r.cells ? (JSON.parse(r.cells) as SampleRow['cells']) : null,
      errors: byLine.get(r.line) ?? [],
    })),
  }
}
