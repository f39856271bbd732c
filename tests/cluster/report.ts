import { type FakeResend } from '#tests/support/fake-resend'
import { type RoundRobin } from './client'
import { type Cluster } from './cluster'
import { type ProcessGroup } from './processes'

/** What a scenario measured, and which of its expectations did not hold. */
export class Report {
  readonly figures: string[] = []
  readonly failures: string[] = []

  /** A figure worth printing that is not an expectation. */
  note(label: string, value: string | number) {
    this.figures.push(`${label}: ${value}`)
  }

  equal<T>(label: string, actual: T, expected: T) {
    const ok = actual === expected
    this.figures.push(
      ok
        ? `${label}: ${String(actual)}`
        : `${label}: ${String(actual)} (expected ${String(expected)})`,
    )
    if (!ok) this.failures.push(`${label}: ${String(actual)}, expected ${String(expected)}`)
  }

  atMost(label: string, actual: number, limit: number) {
    this.figures.push(`${label}: ${actual} (limit ${limit})`)
    if (actual > limit) this.failures.push(`${label}: ${actual}, more than ${limit}`)
  }

  truthy(description: string, condition: boolean, detail = '') {
    if (!condition) this.failures.push(detail ? `${description} (${detail})` : description)
  }

  get passed(): boolean {
    return this.failures.length === 0
  }
}

export type Context = {
  cluster: Cluster
  group: ProcessGroup
  fake: FakeResend
  robin: RoundRobin
  /** The settings of the cluster's processes, for helper processes a scenario starts. */
  settings: Record<string, string>
  /** Unique per run, for names and references the scenarios create. */
  runId: string
}

export type Scenario = {
  id: string
  /** The behaviour under test, as a sentence. */
  title: string
  timeoutMs: number
  run(context: Context, report: Report): Promise<void>
}

/** The most requests that arrived within any one second (a sliding window over arrival times). */
export function busiestSecond(arrivals: readonly number[]): number {
  const times = [...arrivals].sort((a, b) => a - b)
  let busiest = 0
  let first = 0
  for (let last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= 1000) first++
    busiest = Math.max(busiest, last - first + 1)
  }
  return busiest
}

/** How many times each value occurs. */
export function tally<T>(values: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
