/**
 * What each part of `npm run bench` measures, as plain numbers: every part writes its figures
 * to a JSON file, so bench/run.ts can put SQLite and PostgreSQL side by side (`--db both`).
 */
import fs from 'node:fs'

export type Figure = {
  section: string
  name: string
  value: number
  unit: string
  /** Decimals to print. */
  digits: number
}

export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)]!
}

/** The lower median (an element of the sample), as the back-office figures always used. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

export function formatFigure(figure: Pick<Figure, 'value' | 'unit' | 'digits'>): string {
  const value = figure.value.toLocaleString('en-US', {
    minimumFractionDigits: figure.digits,
    maximumFractionDigits: figure.digits,
  })
  return figure.unit ? `${value} ${figure.unit}` : value
}

/** Adds to the figures already in `file` (each part of a run appends its own). */
export function appendFigures(file: string, figures: Figure[]): void {
  fs.writeFileSync(file, JSON.stringify([...readFigures(file), ...figures], null, 2))
}

export function readFigures(file: string): Figure[] {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Figure[]) : []
}

/** One row per figure: SQLite, PostgreSQL, and how many times the SQLite figure PostgreSQL's is. */
export function sideBySide(sqlite: Figure[], postgresql: Figure[]) {
  const key = (f: Figure) => `${f.section}\u0000${f.name}`
  const pg = new Map(postgresql.map((f) => [key(f), f]))
  const rows = sqlite.map((s) => {
    const p = pg.get(key(s))
    pg.delete(key(s))
    return {
      section: s.section,
      figure: s.name,
      SQLite: formatFigure(s),
      PostgreSQL: p ? formatFigure(p) : '—',
      'PG/SQLite': p && s.value !== 0 ? `${(p.value / s.value).toFixed(2)}×` : '—',
    }
  })
  // Anything measured on PostgreSQL alone still shows.
  for (const p of pg.values())
    rows.push({
      section: p.section,
      figure: p.name,
      SQLite: '—',
      PostgreSQL: formatFigure(p),
      'PG/SQLite': '—',
    })
  // Each section's figures together, sections in the order they were measured.
  const sections = [...new Set(rows.map((r) => r.section))]
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        sections.indexOf(a.row.section) - sections.indexOf(b.row.section) || a.index - b.index,
    )
    .map(({ row }) => row)
}
