// A throwaway PostgreSQL cluster for tests and benchmarks, from Debian's `postgresql` package
// (or any install whose initdb and pg_ctl are on PATH, in PG_BIN, or under
// /usr/lib/postgresql/<version>/bin). It lives in a temporary folder, listens on 127.0.0.1 on a
// free port, trusts local connections, and is removed by `stop()`.
//
//   node scripts/postgres-cluster.mjs -- <command...>   run a command with DATABASE_URL set to
//                                                       the new cluster, then remove it
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPostgresBin() {
  const candidates = []
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN)
  const debian = '/usr/lib/postgresql'
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
    candidates.push(...versions.map((v) => path.join(debian, v, 'bin')))
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) candidates.push(dir)
  return (
    candidates.find(
      (dir) =>
        dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')),
    ) ?? null
  )
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts a cluster and returns its admin URL (database `postgres`, user `postgres`) and a
 * `stop()`. PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` user
 * that Debian's package creates.
 */
export async function startPostgres({ maxConnections = 300 } = {}) {
  const bin = findPostgresBin()
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)')
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'reativa-pg-'))
  const dataDir = path.join(root, 'data')
  const port = await freePort()
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    fs.chmodSync(root, 0o755)
    execFileSync('chown', ['postgres:postgres', root])
  }
  const run = (tool, args) => {
    const command = path.join(bin, tool)
    const result = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
      : spawnSync(command, args, { encoding: 'utf8' })
    if (result.status !== 0)
      throw new Error(`${tool} failed: ${result.stderr || result.stdout || result.error?.message}`)
  }
  run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale'])
  // Durability is not what a test cluster is for: fsync off makes it several times faster.
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    "-c listen_addresses='127.0.0.1'",
    `-c max_connections=${maxConnections}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ')
  run('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(root, 'server.log'), '-w', 'start'])
  let stopped = false
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    logFile: path.join(root, 'server.log'),
    stop() {
      if (stopped) return
      stopped = true
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'])
      } finally {
        fs.rmSync(root, { recursive: true, force: true })
      }
    },
  }
}

/** The same server, another database: `postgresql://…/postgres` → `postgresql://…/<name>`. */
export function withDatabase(url, name) {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const separator = process.argv.indexOf('--')
  const command = separator >= 0 ? process.argv.slice(separator + 1) : []
  if (!command.length) {
    console.error('Usage: node scripts/postgres-cluster.mjs -- <command...>')
    process.exit(2)
  }
  const cluster = await startPostgres()
  console.log(`PostgreSQL started on port ${cluster.port}.`)
  let status = 1
  try {
    const result = spawnSync(command[0], command.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: cluster.url },
    })
    status = result.status ?? 1
  } finally {
    cluster.stop()
  }
  process.exit(status)
}
