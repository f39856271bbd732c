import crypto from 'node:crypto'
import os from 'node:os'
import { prisma } from './db.server'
import { env } from './env.server'

/**
 * Background work that must run on one process at a time, however many web and worker
 * processes share the database: the daily pass, the outbox sender, each import being written.
 * A job is held through a lease row (JobLease) that its holder renews while it works; a process
 * that dies stops renewing and another takes the job once the lease has run out (decision 009).
 * Plain conditional writes, so it behaves the same on SQLite and PostgreSQL.
 */

/**
 * The install this process belongs to, as set in REATIVA_INSTANCE, or else this host and
 * working directory with the process's role: the same across restarts of one install, and
 * different for `npm start` and `npm run worker` run side by side from one checkout. Two live
 * processes must not share a configured name on different hosts: a process that starts takes
 * back what its name holds, taking it to be left by its own previous run (decision 009).
 */
export function instanceName(): string {
  const settings = env()
  return settings.REATIVA_INSTANCE ?? `${os.hostname()}:${process.cwd()}:${settings.REATIVA_ROLE}`
}

let currentProcess: string | undefined
/**
 * This process, as named in the leases and claims it holds:
 * `<instance>|<hostname>:<pid>:<random>` (the random part tells apart runs that got the same pid).
 */
export function processId(): string {
  currentProcess ??= `${instanceName()}|${os.hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`
  return currentProcess
}

/** The instance, host and pid a holder string names; null for holders of another shape. */
export function parseHolder(holder: string) {
  const bar = holder.lastIndexOf('|')
  if (bar < 0) return null
  const parts = holder.slice(bar + 1).split(':')
  const pid = Number(parts.at(-2))
  if (parts.length < 3 || !Number.isInteger(pid) || pid <= 0) return null
  return { instance: holder.slice(0, bar), hostname: parts.slice(0, -2).join(':'), pid }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * True when `holder` was a previous run of this instance on this host, so what it holds can be
 * taken back at once. The pid is checked too: a live process of the same name (two processes of
 * one install left unnamed, a restart that overlaps its predecessor's shutdown) keeps its work.
 */
export function leftByThisInstance(holder: string): boolean {
  const parsed = parseHolder(holder)
  if (!parsed || parsed.instance !== instanceName() || holder === processId()) return false
  // Another host going by the same name (one REATIVA_INSTANCE set for several pods) may be
  // alive: its work is left to its lease running out, as any other instance's.
  if (parsed.hostname !== os.hostname()) return false
  return parsed.pid === process.pid || !isAlive(parsed.pid)
}

/**
 * At start-up, before any job runs: frees the job leases a previous run of this instance held
 * when it died, instead of waiting for them to run out. Other instances' leases are left to run
 * out. Returns the names of the jobs freed.
 */
export async function releaseLeasesOfPreviousRun(): Promise<string[]> {
  const leases = await prisma.jobLease.findMany({ select: { name: true, holder: true } })
  const ours = leases.filter((lease) => leftByThisInstance(lease.holder))
  for (const lease of ours)
    await prisma.jobLease.deleteMany({ where: { name: lease.name, holder: lease.holder } })
  return ours.map((lease) => lease.name)
}

export async function acquireLease(name: string, ttlMs: number, now = new Date()) {
  const expiresAt = new Date(now.getTime() + ttlMs)
  // Take it over when it ran out or is already ours (the id is new per process).
  const { count } = await prisma.jobLease.updateMany({
    where: { name, OR: [{ expiresAt: { lte: now } }, { holder: processId() }] },
    data: { holder: processId(), expiresAt, acquiredAt: now },
  })
  if (count === 1) return true
  // First time this job is run anywhere. ON CONFLICT rather than a failed insert: losing the
  // race is the normal case, and a failed statement costs PostgreSQL's pool its connection.
  const inserted = await prisma.$executeRaw`
    INSERT INTO "JobLease" ("name", "holder", "expiresAt", "acquiredAt")
    VALUES (${name}, ${processId()}, ${expiresAt}, ${now})
    ON CONFLICT ("name") DO NOTHING`
  return inserted === 1
}

/** Extends a lease this process holds; false when it was lost (expired and taken over). */
export async function renewLease(name: string, ttlMs: number, now = new Date()) {
  const { count } = await prisma.jobLease.updateMany({
    where: { name, holder: processId() },
    data: { expiresAt: new Date(now.getTime() + ttlMs) },
  })
  return count === 1
}

export async function releaseLease(name: string) {
  await prisma.jobLease.deleteMany({ where: { name, holder: processId() } })
}

export type Lease = {
  /** False once the lease was lost: stop working, another process may have the job now. */
  held(): boolean
}

/**
 * Runs `work` if this process can take the job, renewing the lease every third of its
 * lifetime until the work ends. Returns `{ ran: false }` when another process holds it.
 */
export async function runExclusive<T>(
  name: string,
  work: (lease: Lease) => Promise<T>,
  { ttlMs = 30_000 }: { ttlMs?: number } = {},
): Promise<{ ran: false } | { ran: true; value: T }> {
  // The lease is per process: two loops of this process must not both take it.
  if (runningHere.has(name)) return { ran: false }
  runningHere.add(name)
  try {
    if (!(await acquireLease(name, ttlMs))) return { ran: false }
    return { ran: true, value: await holdWhile(name, ttlMs, work) }
  } finally {
    runningHere.delete(name)
  }
}

const runningHere = new Set<string>()

async function holdWhile<T>(name: string, ttlMs: number, work: (lease: Lease) => Promise<T>) {
  let held = true
  const heartbeat = setInterval(() => {
    renewLease(name, ttlMs).then(
      (renewed) => {
        if (!renewed) held = false
      },
      (error: unknown) => console.error(`Could not renew the lease of ${name}`, error),
    )
  }, ttlMs / 3)
  heartbeat.unref()
  try {
    return await work({ held: () => held })
  } finally {
    clearInterval(heartbeat)
    if (held) await releaseLease(name).catch(() => undefined)
  }
}
