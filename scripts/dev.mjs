// `npm run dev`: migrate and seed if empty, then Remix's dev server with our Express server,
// restarted by tsx whenever the app build or the server code changes.
import { spawnSync, spawn } from 'node:child_process'

const setup = spawnSync('npm', ['run', 'setup'], { stdio: 'inherit' })
if (setup.status !== 0) process.exit(setup.status ?? 1)
const child = spawn(
  'npx',
  [
    'remix',
    'dev',
    '--manual',
    '-c',
    'tsx watch --clear-screen=false --include ./build/index.js server/index.ts',
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development' } },
)
child.on('exit', (code) => process.exit(code ?? 0))
