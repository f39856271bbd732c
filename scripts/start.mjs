// `npm start`: migrate, seed the demo if the database is empty (not with REATIVA_DEMO=off), build,
// and serve on PORT (default 3000) in production mode. Each step is an npm script of its own.
import { spawnSync } from 'node:child_process'

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run('npm', ['run', 'setup'])
run('npm', ['run', 'build'])
run('node', ['server-build/index.js'], { NODE_ENV: process.env.NODE_ENV ?? 'production' })
