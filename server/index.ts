import '../app/utils/load-dotenv'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { broadcastDevReady, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { recoverInterruptedImports } from '../app/domain/accounts/imports/import.server'
import { reclassifyIfDue } from '../app/domain/accounts/reclassify.server'
import { startCampaignWorker } from '../app/domain/campaigns/worker.server'
import { rebuildRevenueSummary } from '../app/domain/dashboard/revenue-summary.server'
import { env } from '../app/utils/env.server'
import { createNonce, isAllowedMutation, securityHeaders } from './security'

const settings = env()
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
  if (allowed) return next()
  console.warn(`Blocked cross-origin ${req.method} ${req.path} from ${req.get('origin') ?? '?'}`)
  res.status(403).type('text/plain').send('Cross-site request refused.')
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

// The inactivity engine's daily pass: checked hourly, run when the last one is a day old.
async function dailyReclassification() {
  try {
    const result = await reclassifyIfDue()
    if (!result) return
    // Recount the dashboard's revenue summary from the orders, in case anything drifted.
    await rebuildRevenueSummary()
    console.log(
      `Reclassified ${result.accounts} accounts: ${result.updated} updated, ${result.statusChanges} status changes.`,
    )
  } catch (error) {
    console.error('Daily reclassification failed', error)
  }
}
// An import that was being written when the process stopped was rolled back: offer it again.
void recoverInterruptedImports().then((count) => {
  if (count) console.log(`${count} interrupted import(s) are waiting for confirmation again.`)
})

if (process.env.REATIVA_DISABLE_JOBS !== '1') {
  setTimeout(dailyReclassification, 10_000).unref()
  setInterval(dailyReclassification, 60 * 60 * 1000).unref()
  // Scheduled campaigns and the email outbox.
  startCampaignWorker()
}

const server = app.listen(settings.PORT, () => {
  console.log(`Reativa listening on http://localhost:${settings.PORT}`)
  // Only under `remix dev`, which sets REMIX_DEV_ORIGIN and waits for this signal.
  if (isDev && process.env.REMIX_DEV_ORIGIN) void broadcastDevReady(build)
})
// Keep idle connections open longer than clients and proxies do (most use 60 s), so a client
// never reuses a socket at the moment the server closes it ("socket hang up").
server.keepAliveTimeout = 65_000
server.headersTimeout = 66_000
