/**
 * The e2e server: the production build of the app, plus, on a second localhost port, the
 * "world" endpoint through which tests create their own data (tests/e2e/world/actions.ts).
 *
 * Both run in one process on purpose. They share one Prisma client (db.server keeps it on
 * globalThis), so on SQLite every write goes through one connection's lock instead of two
 * processes racing for the file; on PostgreSQL it changes nothing.
 */
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import * as actions from './actions'

type Action = keyof typeof actions
const callable = new Set(
  Object.entries(actions)
    .filter(([, value]) => typeof value === 'function')
    .map(([name]) => name),
)

const port = Number(process.env.E2E_WORLD_PORT)
if (!port) throw new Error('E2E_WORLD_PORT is not set')

const world = http.createServer(async (request, response) => {
  const name = (request.url ?? '').replace(/^\/world\//, '')
  if (request.method !== 'POST' || !callable.has(name)) {
    response.writeHead(404).end()
    return
  }
  try {
    let body = ''
    for await (const chunk of request) body += chunk
    const action = actions[name as Action] as (options: unknown) => Promise<unknown>
    const result = await action(body ? JSON.parse(body) : {})
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result))
  } catch (error) {
    console.error(`world/${name} failed:`, error)
    response
      .writeHead(500, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }))
  }
})
world.listen(port, '127.0.0.1')

// Loaded by path, as the production entry is: it exists only after `npm run build`.
await import(pathToFileURL(path.resolve('server-build/index.js')).href)
