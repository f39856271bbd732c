import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseProvider } from '../app/utils/database-url'
import { prisma } from '../app/utils/db.server'
import { findDatabaseProblem } from './database-check'

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reativa-check-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

// The migrated SQLite template exists only when the suite runs on SQLite (tests/setup).
const onSqlite = databaseProvider() === 'sqlite'

/** A migrated database of our own, copied from the suite's template. */
function migratedCopy(name: string) {
  const file = path.join(dir, name)
  fs.copyFileSync(path.resolve('tests/.tmp/template.db'), file)
  return file
}

/** Whether this user can write a file whatever its mode says (root can). */
function writesDespiteMode(file: string) {
  try {
    fs.closeSync(fs.openSync(file, 'r+'))
    return true
  } catch {
    return false
  }
}

describe('the start-up check of the database', () => {
  it('says run setup when the folder is missing, and creates nothing', async () => {
    const folder = path.join(dir, 'missing-folder')
    const problem = await findDatabaseProblem(`file:${folder}/reativa.db`)
    expect(problem).toBe(
      `Reativa cannot use the SQLite file ${folder}/reativa.db: its folder ${folder} does not exist; run \`npm run setup\` to create and migrate it, or fix DATABASE_URL.`,
    )
    expect(fs.existsSync(folder)).toBe(false)
  })

  it('names the file that stands where a folder should be', async () => {
    const file = path.join(dir, 'package.json')
    fs.writeFileSync(file, '{}')
    expect(await findDatabaseProblem(`file:${file}/x.db`)).toBe(
      `Reativa cannot use the SQLite file ${file}/x.db: ${file} is a file, not a folder; fix DATABASE_URL.`,
    )
    expect(await findDatabaseProblem(`file:${file}/deeper/x.db`)).toMatch(
      `${file} is a file, not a folder`,
    )
  })

  it('says run setup when the file is missing, and does not create it', async () => {
    const file = path.join(dir, 'none.db')
    expect(await findDatabaseProblem(`file:${file}`)).toBe(
      `Reativa cannot use the SQLite file ${file}: it does not exist; run \`npm run setup\` to create and migrate it.`,
    )
    expect(fs.existsSync(file)).toBe(false)
  })

  it('says run setup when the file is not migrated', async () => {
    const file = path.join(dir, 'empty.db')
    fs.writeFileSync(file, '')
    expect(await findDatabaseProblem(`file:${file}`)).toBe(
      `Reativa cannot use the SQLite file ${file}: it is not migrated; run \`npm run setup\` to create and migrate it.`,
    )
  })

  it.skipIf(!onSqlite)(
    'refuses a file this user cannot write, and accepts one it can',
    async () => {
      const file = migratedCopy('read-only.db')
      fs.chmodSync(file, 0o444)
      const problem = await findDatabaseProblem(`file:${file}`)
      if (writesDespiteMode(file)) {
        // Root writes whatever the mode says, and so would the server: nothing to refuse. What
        // is checked here is that the check goes by what this user can do, not by the mode bits.
        expect(problem).toBeNull()
      } else {
        expect(problem).toBe(
          `Reativa cannot write to the SQLite file ${file} (the file is read-only for this user); fix the permissions of the file and its folder.`,
        )
      }
    },
  )

  it('accepts a migrated, writable database and leaves nothing of its test write', async () => {
    if (onSqlite) expect(await findDatabaseProblem(`file:${migratedCopy('good.db')}`)).toBeNull()
    expect(await findDatabaseProblem(process.env.DATABASE_URL)).toBeNull()
    expect(await prisma.jobLease.count({ where: { holder: 'start-up-check' } })).toBe(0)
  })

  it.skipIf(!onSqlite)(
    'checks the file of a URL that carries options after ?, and names an option libSQL refuses',
    async () => {
      const file = migratedCopy('with-options.db')
      // The file is found (not "does not exist"); the option is what is wrong.
      expect(await findDatabaseProblem(`file:${file}?connection_limit=1`)).toMatch(
        /^Reativa cannot use the SQLite file .*with-options\.db \(URL_PARAM_NOT_SUPPORTED: .*connection_limit.*\); check DATABASE_URL/,
      )
    },
  )

  it('says when the PostgreSQL server does not answer', async () => {
    expect(await findDatabaseProblem('postgresql://reativa:secret@127.0.0.1:1/reativa')).toBe(
      'Reativa cannot reach the PostgreSQL server of the PostgreSQL database reativa on 127.0.0.1:1; start it, or fix DATABASE_URL.',
    )
  })

  it.skipIf(!process.env.REATIVA_TEST_ADMIN_URL)(
    'says run setup when the PostgreSQL database does not exist',
    async () => {
      const url = new URL(process.env.REATIVA_TEST_ADMIN_URL!)
      url.pathname = '/reativa_no_such_database'
      expect(await findDatabaseProblem(url.toString())).toMatch(
        /the PostgreSQL database reativa_no_such_database on .*: it does not exist; run `npm run setup`/,
      )
    },
  )
})

describe('the built server on a database it cannot use', () => {
  let entry: string
  beforeAll(async () => {
    // The server bundle as `npm run build:server` makes it; it stops before loading the app build.
    const outdir = path.resolve('tests/.tmp/server-build-check')
    await build({
      entryPoints: ['server/index.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outdir,
      logLevel: 'silent',
    })
    entry = path.join(outdir, 'index.js')
  })

  function start(databaseUrl: string) {
    const child = spawn(process.execPath, [entry], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        REATIVA_SKIP_DOTENV: '1',
        NODE_ENV: 'production',
        PORT: '39871',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      child.on('exit', (code) => resolve({ code, stdout, stderr })),
    )
  }

  it('exits 1 with one sentence, no stack, under a path that goes through a file', async () => {
    const { code, stdout, stderr } = await start('file:./package.json/x.db')
    expect(code).toBe(1)
    expect(stdout).not.toMatch(/listening/)
    const lines = stderr.trim().split('\n')
    expect(lines).toEqual([
      `Reativa cannot use the SQLite file ${path.resolve('package.json/x.db')}: ${path.resolve('package.json')} is a file, not a folder; fix DATABASE_URL.`,
    ])
    expect(stderr).not.toMatch(/^\s+at /m)
  })

  it('exits 1 without creating the folder when the data folder is missing', async () => {
    const folder = path.join(dir, 'no-data')
    const { code, stderr } = await start(`file:${folder}/reativa.db`)
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/does not exist; run `npm run setup`/)
    expect(fs.existsSync(folder)).toBe(false)
  })
})
