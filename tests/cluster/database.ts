import { spawn } from 'node:child_process'
import path from 'node:path'
import pg from 'pg'

/** The cluster's own database on the PostgreSQL server named by an admin URL. */

export function databaseUrlFor(adminUrl: string, name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function asAdmin(adminUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Drops the database (whoever is still connected to it) and creates it empty. */
export async function recreateDatabase(adminUrl: string, name: string): Promise<string> {
  await dropDatabase(adminUrl, name)
  await asAdmin(adminUrl, `CREATE DATABASE "${name}"`)
  return databaseUrlFor(adminUrl, name)
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await asAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
}

const bin = (tool: string) => path.join('node_modules', '.bin', tool)

/**
 * Runs a CLI to completion with DATABASE_URL set, failing with its output. `doneWhen` names the
 * line that says the work is over: the Prisma CLI keeps its PostgreSQL pool open after
 * migrating (about 30 s until pg's idle timeout), so once that line is out it is stopped.
 */
function runTool(
  command: string,
  args: string[],
  databaseUrl: string,
  { timeoutMs, doneWhen }: { timeoutMs: number; doneWhen?: RegExp },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, DATABASE_URL: databaseUrl, REATIVA_SKIP_DOTENV: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    let done = false
    let lingering: NodeJS.Timeout | undefined
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (!done && doneWhen?.test(output)) {
        done = true
        lingering = setTimeout(() => child.kill('SIGTERM'), 2_000)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      clearTimeout(lingering)
      if (code === 0 || done) resolve(output)
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`,
          ),
        )
    })
  })
}

export async function migrate(databaseUrl: string): Promise<void> {
  await runTool(bin('prisma'), ['migrate', 'deploy'], databaseUrl, {
    timeoutMs: 120_000,
    doneWhen: /All migrations have been successfully applied|No pending migrations to apply/,
  })
}

export async function seedDemo(databaseUrl: string): Promise<string> {
  const output = await runTool(bin('tsx'), ['prisma/seed.ts'], databaseUrl, { timeoutMs: 180_000 })
  return output.trim().split('\n').at(-1) ?? ''
}
