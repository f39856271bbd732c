/**
 * The arithmetic of `npm run lighthouse` (bench/lighthouse.ts), kept apart so it is tested
 * without a browser: the median of a page's runs and whether it meets the target.
 */

/** Lighthouse scores are 0–1; the target is on the 0–100 scale the report shows. */
export const TARGET = 95

/** The median of the runs (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** A Lighthouse category score (0–1, or null when it could not be computed) as 0–100. */
export function toPercent(score: number | null | undefined): number {
  return score == null ? 0 : Math.round(score * 100)
}

export type Measured = { page: string; profile: string; category: string; scores: number[] }

export type Verdict = Measured & { median: number; pass: boolean }

/** Each page/profile/category's median against the target; a run without a score fails. */
export function verdicts(measured: Measured[], target = TARGET): Verdict[] {
  return measured.map((m) => {
    const value = median(m.scores)
    return { ...m, median: value, pass: value >= target }
  })
}
