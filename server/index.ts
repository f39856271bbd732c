import '../app/utils/load-dotenv'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { broadcastDevReady, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { issueSetupCode } from '../app/domain/identity/first-admin.server'
import { prisma } from '../app/utils/db.server'
import { startBackgroundJobs } from './background'
import { checkDatabase, settingsOrExit } from './database-check'
import {
  createNonce,
  forwardedHostToSet,
  isAcceptedBody,
  isAllowedMutation,
  SAFE_METHODS,
  securityHeaders,
} from './security'

const settings = settingsOrExit()
await checkDatabase()
// An install without an administrator: print the one-time code that /setup asks for. Every
// start prints a new one (only its hash is stored, so an earlier code cannot be shown again).
const setupCode = await issueSetupCode()
if (setupCode) {
  console.log(
    `\nNo administrator yet. Open ${new URL('/setup', settings.APP_URL).toString()} and enter` +
      ` the one-time set-up code: ${setupCode}\n`,
  )
}
// Chrome applies form-action to the redirect that follows a form post: pay now without
// JavaScript redirects to Stripe Checkout (or to the local stand-in set by STRIPE_API_URL).
const formTargets = settings.STRIPE_SECRET_KEY
  ? [
      'https://checkout.stripe.com',
      ...(settings.STRIPE_API_URL ? [new URL(settings.STRIPE_API_URL).origin] : []),
    ]
  : []
const isDev = settings.NODE_ENV === 'development'
const buildPath = path.resolve('build/index.js')
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild

const app = express()
app.disable('x-powered-by')
if (process.env.TRUST_PROXY) app.set('trust proxy', process.env.TRUST_PROXY)
app.use(compression())

// Fingerprinted assets are immutable; other public files may change between deploys.
app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }))
app.use(express.static('public', { maxAge: '1h' }))
// Browsers ask for /favicon.ico on pages without an icon link (downloads, the mailbox frame).
app.get('/favicon.ico', (_req, res) => res.redirect(301, '/favicon.svg'))

app.use((req, res, next) => {
  const nonce = createNonce()
  res.locals.cspNonce = nonce
  const headers = securityHeaders({ nonce, isDev, https: req.secure, formTargets })
  // The dev mailbox renders stored email HTML (inline styles) inside a frame of this site.
  if (req.path.startsWith('/dev/mailbox/') && req.path.endsWith('/html')) {
    headers['Content-Security-Policy'] =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; frame-ancestors 'self'"
    headers['X-Frame-Options'] = 'SAMEORIGIN'
  }
  // The image route says itself how long an image may be kept, and by whom
  // (app/routes/images.$fileId.$variant.tsx): a shown photo is the same for everyone.
  if (req.path.startsWith('/images/')) delete headers['Cache-Control']
  res.set(headers)
  next()
})

app.use((req, res, next) => {
  const allowed = isAllowedMutation({
    method: req.method,
    path: req.path,
    origin: req.get('origin'),
    referer: req.get('referer'),
    host: req.get('host'),
    appUrl: settings.APP_URL,
  })
  if (allowed) {
    const forwardedHost = forwardedHostToSet({
      origin: req.get('origin'),
      host: req.get('host'),
      forwardedHost: req.get('x-forwarded-host'),
      appUrl: settings.APP_URL,
    })
    if (forwardedHost && !SAFE_METHODS.has(req.method))
      req.headers['x-forwarded-host'] = forwardedHost
    return next()
  }
  console.warn(`Blocked cross-origin ${req.method} ${req.path} from ${req.get('origin') ?? '?'}`)
  res.status(403).type('text/plain').send('Cross-site request refused.')
})

app.use((req, res, next) => {
  const isForm = !!req.is(['application/x-www-form-urlencoded', 'multipart/form-data'])
  if (isAcceptedBody({ method: req.method, path: req.path, isForm })) return next()
  res.status(415).type('text/plain').send('Send this page a form (urlencoded or multipart).')
})

app.all(
  '*',
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientIp: req.ip ?? 'unknown',
    }),
  }),
)

// REATIVA_ROLE=web serves requests only, for deployments that run `npm run worker` apart;
// `all` (the default) also runs the background jobs in this process (decision 009).
// REATIVA_DISABLE_JOBS=1 is the older spelling of `web`.
const runsJobs = settings.REATIVA_ROLE !== 'web' && process.env.REATIVA_DISABLE_JOBS !== '1'
const jobs = runsJobs ? startBackgroundJobs() : null

const server = app.listen(settings.PORT, () => {
  console.log(`Reativa listening on http://localhost:${settings.PORT}`)
  // Only under `remix dev`, which sets REMIX_DEV_ORIGIN and waits for this signal.
  if (isDev && process.env.REMIX_DEV_ORIGIN) void broadcastDevReady(build)
})
// Keep idle connections open longer than clients and proxies do (most use 60 s), so a client
// never reuses a socket at the moment the server closes it ("socket hang up").
server.keepAliveTimeout = 65_000
server.headersTimeout = 66_000

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close()
    void (jobs?.stop() ?? Promise.resolve())
      .then(() => prisma.$disconnect())
      .finally(() => process.exit(0))
  })
}
