// `npm start`: migrate, seed the demo if the database is empty (not with REATIVA_DEMO=off), build,
// and serve on PORT (default 3000) in production mode. Each step is an npm script of its own.
import { spawn, spawnSync } from 'node:child_process'

/** Runs a command to its end; resolves with its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' })
    child.on('error', () => resolve(1))
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

// The build needs no database: it runs while the database is migrated and seeded.
const [setup, build] = await Promise.all([
  run('npm', ['run', 'setup']),
  run('npm', ['run', 'build']),
])
if (setup !== 0 || build !== 0) process.exit(setup || build)
const server = spawnSync('node', ['server-build/index.js'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
})
process.exit(server.status ?? 1)
