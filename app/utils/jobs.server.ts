import crypto from 'node:crypto'
import os from 'node:os'
import { prisma } from './db.server'

/**
 * Background work that must run on one process at a time, however many web and worker
 * processes share the database: the daily pass, the outbox sender, each import being written.
 * A job is held through a lease row (JobLease) that its holder renews while it works; a process
 * that dies stops renewing and another takes the job once the lease has run out (decision 009).
 * Plain conditional writes, so it behaves the same on SQLite and PostgreSQL.
 */

/** This process, as named in the leases it holds. */
export const processId = `${os.hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`

export async function acquireLease(name: string, ttlMs: number, now = new Date()) {
  const expiresAt = new Date(now.getTime() + ttlMs)
  // Take it over when it ran out or is already ours (the id is new per process).
  const { count } = await prisma.jobLease.updateMany({
    where: { name, OR: [{ expiresAt: { lte: now } }, { holder: processId }] },
    data: { holder: processId, expiresAt, acquiredAt: now },
  })
  if (count === 1) return true
  // First time this job is run anywhere. ON CONFLICT rather than a failed insert: losing the
  // race is the normal case, and a failed statement costs PostgreSQL's pool its connection.
  const inserted = await prisma.$executeRaw`
    INSERT INTO "JobLease" ("name", "holder", "expiresAt", "acquiredAt")
    VALUES (${name}, ${processId}, ${expiresAt}, ${now})
    ON CONFLICT ("name") DO NOTHING`
  return inserted === 1
}

/** Extends a lease this process holds; false when it was lost (expired and taken over). */
export async function renewLease(name: string, ttlMs: number, now = new Date()) {
  const { count } = await prisma.jobLease.updateMany({
    where: { name, holder: processId },
    data: { expiresAt: new Date(now.getTime() + ttlMs) },
  })
  return count === 1
}

export async function releaseLease(name: string) {
  await prisma.jobLease.deleteMany({ where: { name, holder: processId } })
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
