import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { databaseProvider, databaseUrl } from '../app/utils/database-url'
import { createPrismaClient } from '../app/utils/db.server'
import { env, type Env } from '../app/utils/env.server'

const SETUP = 'run `npm run setup` to create and migrate it'

/**
 * What stops this process from using its database, as one sentence naming the database and
 * the fix; null when it can be used. Checked before the server listens and before anything
 * opens the database: SQLite would otherwise create an empty file (or stop on a raw ENOTDIR),
 * and a read-only file would only fail at the first write, after "listening".
 */
export async function findDatabaseProblem(
  value = process.env.DATABASE_URL,
): Promise<string | null> {
  const url = databaseUrl(value, { createFolder: false })
  const sqlite = databaseProvider(url) === 'sqlite'
  // The file itself, without the options a libSQL URL may carry after `?`.
  const file = url.slice('file:'.length).split('?')[0]!
  if (sqlite) {
    const problem = sqliteFileProblem(file)
    if (problem) return problem
  }
  const name = sqlite ? `the SQLite file ${file}` : describePostgres(url)
  const client = createPrismaClient(url)
  try {
    // JobLease comes with the newest migration that every process relies on.
    await client.jobLease.findFirst({ select: { name: true } })
  } catch (error) {
    await client.$disconnect().catch(() => undefined)
    return readProblem(error, name, sqlite)
  }
  try {
    await client.$transaction(async (tx) => {
      await tx.jobLease.create({
        data: {
          name: `start-up-check:${crypto.randomUUID()}`,
          holder: 'start-up-check',
          expiresAt: new Date(),
          acquiredAt: new Date(),
        },
      })
      throw rollback
    })
  } catch (error) {
    if (error !== rollback) return writeProblem(error, name, sqlite)
  } finally {
    await client.$disconnect().catch(() => undefined)
  }
  return null
}

/** Thrown to undo the test write: nothing of the check stays in the database. */
const rollback = new Error('start-up check: roll back')

/** The folder and file, checked on disk before SQLite opens (and would create) anything. */
function sqliteFileProblem(file: string): string | null {
  const folder = path.dirname(file)
  const blocker = firstFileOnTheWay(folder)
  if (blocker)
    return `Reativa cannot use the SQLite file ${file}: ${blocker} is a file, not a folder; fix DATABASE_URL.`
  if (!fs.existsSync(folder))
    return `Reativa cannot use the SQLite file ${file}: its folder ${folder} does not exist; ${SETUP}, or fix DATABASE_URL.`
  const stat = statOrNull(file)
  if (!stat) return `Reativa cannot use the SQLite file ${file}: it does not exist; ${SETUP}.`
  if (!stat.isFile())
    return `Reativa cannot use the SQLite file ${file}: it is a folder, not a file; fix DATABASE_URL.`
  // SQLite writes the file and, beside it, its journal: both need the folder to be writable.
  for (const [what, target] of [
    ['the file', file],
    ['its folder', folder],
  ] as const) {
    try {
      fs.accessSync(target, fs.constants.R_OK | fs.constants.W_OK)
    } catch {
      return readOnly(file, what)
    }
  }
  return null
}

/** A path's stat, or null when nothing is there (ENOENT, or ENOTDIR for a path through a file). */
function statOrNull(target: string) {
  try {
    return fs.statSync(target)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    throw error
  }
}

/** The nearest existing ancestor of `folder`, when it is a file rather than a folder. */
function firstFileOnTheWay(folder: string): string | null {
  for (let current = folder; ; current = path.dirname(current)) {
    const stat = statOrNull(current)
    if (stat) return stat.isDirectory() ? null : current
    if (path.dirname(current) === current) return null
  }
}

function readOnly(file: string, what: 'the file' | 'its folder') {
  return `Reativa cannot write to the SQLite file ${file} (${what} is read-only for this user); fix the permissions of the file and its folder.`
}

function describePostgres(url: string) {
  const parsed = new URL(url)
  return `the PostgreSQL database ${decodeURIComponent(parsed.pathname.slice(1))} on ${parsed.hostname}:${parsed.port || 5432}`
}

/** Every code and message in an error and its causes (Prisma wraps the driver's error). */
function describeError(error: unknown): { codes: Set<string>; text: string; last: string } {
  const codes = new Set<string>()
  const messages: string[] = []
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') {
      messages.push(String(current))
      break
    }
    const { code, message, cause, originalCode, kind } = current as Record<string, unknown>
    for (const value of [code, originalCode, kind]) if (typeof value === 'string') codes.add(value)
    if (typeof message === 'string') messages.push(message)
    current = cause
  }
  const text = messages.join('\n')
  const last =
    (messages[0] ?? '')
      .split('\n')
      .filter((line) => line.trim())
      .at(-1)
      ?.trim() ?? ''
  return { codes, text, last }
}

const has = (codes: Set<string>, ...wanted: string[]) => wanted.some((code) => codes.has(code))

function readProblem(error: unknown, name: string, sqlite: boolean): string {
  const { codes, text, last } = describeError(error)
  if (
    has(codes, 'P2021', '42P01') ||
    /no such table|does not exist in the current database/i.test(text)
  )
    return `Reativa cannot use ${name}: it is not migrated; ${SETUP}.`
  if (!sqlite) {
    if (
      has(codes, 'P1001', 'ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN') ||
      has(codes, 'DatabaseNotReachable', 'SocketTimeout') ||
      /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|connect/i.test(text)
    )
      return `Reativa cannot reach the PostgreSQL server of ${name}; start it, or fix DATABASE_URL.`
    if (
      has(codes, 'P1003', '3D000', 'DatabaseDoesNotExist') ||
      /database .* does not exist/i.test(text)
    )
      return `Reativa cannot use ${name}: it does not exist; ${SETUP}.`
    if (
      has(codes, 'P1000', '28P01', '28000', 'AuthenticationFailed') ||
      /authentication/i.test(text)
    )
      return `Reativa cannot log in to ${name}: the user or password in DATABASE_URL is refused.`
  }
  return `Reativa cannot use ${name} (${last || 'unknown error'}); check DATABASE_URL, then ${SETUP}.`
}

function writeProblem(error: unknown, name: string, sqlite: boolean): string {
  const { codes, text, last } = describeError(error)
  if (sqlite && /readonly|read-only|SQLITE_READONLY|SQLITE_CANTOPEN|unable to open/i.test(text))
    return `Reativa cannot write to ${name} (it is read-only for this user); fix the permissions of the file and its folder.`
  if (!sqlite && (has(codes, '25006', '42501') || /read-only|permission denied/i.test(text)))
    return `Reativa cannot write to ${name} (read-only, or the user lacks the right); fix the user's privileges.`
  return `Reativa cannot write to ${name} (${last || 'unknown error'}); check DATABASE_URL and its permissions.`
}

/**
 * Stops the process with one clear sentence when the database cannot be used, instead of a
 * stack trace on the first request (or, for a read-only file, the first write).
 */
export async function checkDatabase(): Promise<void> {
  const problem = await findDatabaseProblem().catch((error: unknown) => {
    const { last } = describeError(error)
    return `Reativa cannot check its database (${last || 'unknown error'}); check DATABASE_URL.`
  })
  if (!problem) return
  console.error(problem)
  process.exit(1)
}

/** The settings, or a stop with their problems listed (no stack trace) when one is invalid. */
export function settingsOrExit(): Env {
  try {
    return env()
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
}
