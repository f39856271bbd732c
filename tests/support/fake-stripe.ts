/**
 * A local stand-in for the parts of Stripe's API that Reativa calls, so tests drive the real
 * `stripe` SDK (pointed here with STRIPE_API_URL) without a network: Checkout Sessions, a
 * hosted payment page, refunds and charges. It keeps Stripe's idempotency rule: a key replays
 * the first response, and a key reused with different parameters is refused.
 */
import crypto from 'node:crypto'
import http from 'node:http'

type Json = Record<string, unknown>

export type FakeSession = {
  id: string
  object: 'checkout.session'
  url: string
  status: 'open' | 'complete' | 'expired'
  payment_status: 'unpaid' | 'paid'
  amount_total: number
  currency: string
  expires_at: number
  metadata: Record<string, string>
  client_reference_id: string | null
  success_url: string
  cancel_url: string
  payment_intent: string | null
  allowed_payment_method_types: string[]
  /** Not part of Stripe's session object: what payment_intent_data.metadata asked for. */
  payment_intent_metadata: Record<string, string>
}

export type FakeCharge = {
  id: string
  object: 'charge'
  amount: number
  amount_refunded: number
  refunded: boolean
  payment_intent: string
  metadata: Record<string, string>
}

export type FakeStripe = {
  url: string
  /** Every API call received, in order (after any injected failure). */
  calls: { method: string; path: string; idempotencyKey: string | null; body: Json }[]
  sessions: Map<string, FakeSession>
  charges: Map<string, FakeCharge>
  refunds: Map<string, Json>
  /** The next `count` API calls answer `status` (500, 429…) before doing anything. */
  failNext(count: number, status: number): void
  /** Pays a session as the hosted page would: a payment intent and its charge. */
  pay(sessionId: string): { paymentIntentId: string; chargeId: string }
  expire(sessionId: string): void
  close(): Promise<void>
}

/** Stripe's form encoding (`a[b][0][c]=1`) back into nested objects and arrays. */
export function parseStripeForm(body: string): Json {
  const root: Json = {}
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== '')
    let node: Record<string, unknown> = root
    path.forEach((part, index) => {
      if (index === path.length - 1) {
        node[part] = value
        return
      }
      const nextIsIndex = /^\d+$/.test(path[index + 1] ?? '')
      node[part] ??= nextIsIndex ? [] : {}
      node = node[part] as Record<string, unknown>
    })
  }
  return root
}

const newId = (prefix: string) => `${prefix}_test_${crypto.randomBytes(12).toString('hex')}`

export async function startFakeStripe(port = 0): Promise<FakeStripe> {
  const sessions = new Map<string, FakeSession>()
  const charges = new Map<string, FakeCharge>()
  const refunds = new Map<string, Json>()
  const idempotency = new Map<string, { fingerprint: string; status: number; body: Json }>()
  const calls: FakeStripe['calls'] = []
  let failures: { count: number; status: number } = { count: 0, status: 500 }
  let base = ''

  const fail = (status: number, message: string, type = 'invalid_request_error') => ({
    status,
    body: { error: { type, message } },
  })

  function pay(sessionId: string) {
    const session = sessions.get(sessionId)
    if (!session) throw new Error(`no session ${sessionId}`)
    if (!session.payment_intent) {
      const paymentIntentId = newId('pi')
      const chargeId = newId('ch')
      charges.set(chargeId, {
        id: chargeId,
        object: 'charge',
        amount: session.amount_total,
        amount_refunded: 0,
        refunded: false,
        payment_intent: paymentIntentId,
        metadata: {},
      })
      Object.assign(session, {
        payment_intent: paymentIntentId,
        status: 'complete',
        payment_status: 'paid',
      })
    }
    const charge = [...charges.values()].find((c) => c.payment_intent === session.payment_intent)!
    return { paymentIntentId: session.payment_intent!, chargeId: charge.id }
  }

  function api(method: string, path: string, body: Json): { status: number; body: Json } {
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const item = (body.line_items as Json[] | undefined)?.[0] as
        | { quantity?: string; price_data?: { unit_amount?: string; currency?: string } }
        | undefined
      const amount = Number(item?.price_data?.unit_amount) * Number(item?.quantity ?? 1)
      if (!Number.isInteger(amount) || amount <= 0 || !body.success_url) {
        return fail(400, 'line_items and success_url are required')
      }
      const id = newId('cs')
      const session: FakeSession = {
        id,
        object: 'checkout.session',
        url: `${base}/pay/${id}`,
        status: 'open',
        payment_status: 'unpaid',
        amount_total: amount,
        currency: item?.price_data?.currency ?? 'brl',
        expires_at: Math.floor(Date.now() / 1000) + 24 * 3600,
        metadata: (body.metadata as Record<string, string>) ?? {},
        client_reference_id: (body.client_reference_id as string) ?? null,
        success_url: String(body.success_url),
        cancel_url: String(body.cancel_url ?? body.success_url),
        payment_intent: null,
        allowed_payment_method_types: (body.allowed_payment_method_types as string[]) ?? [],
        payment_intent_metadata:
          ((body.payment_intent_data as Json | undefined)?.metadata as Record<string, string>) ??
          {},
      }
      sessions.set(id, session)
      return { status: 200, body: session }
    }
    const sessionMatch = /^\/v1\/checkout\/sessions\/([\w]+)$/.exec(path)
    if (method === 'GET' && sessionMatch) {
      const session = sessions.get(sessionMatch[1]!)
      return session ? { status: 200, body: session } : fail(404, 'No such checkout.session')
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const charge = [...charges.values()].find((c) => c.payment_intent === body.payment_intent)
      if (!charge) return fail(404, `No such payment_intent: '${String(body.payment_intent)}'`)
      const amount =
        body.amount === undefined ? charge.amount - charge.amount_refunded : Number(body.amount)
      if (
        !Number.isInteger(amount) ||
        amount <= 0 ||
        amount > charge.amount - charge.amount_refunded
      ) {
        return fail(400, `Refund amount (${amount}) is greater than unrefunded amount on charge`)
      }
      charge.amount_refunded += amount
      charge.refunded = charge.amount_refunded === charge.amount
      const refund = {
        id: newId('re'),
        object: 'refund',
        amount,
        charge: charge.id,
        payment_intent: charge.payment_intent,
        currency: 'brl',
        status: 'succeeded',
        reason: body.reason ?? null,
        metadata: body.metadata ?? {},
      }
      refunds.set(refund.id, refund)
      return { status: 200, body: refund }
    }
    const intentMatch = /^\/v1\/payment_intents\/([\w]+)$/.exec(path)
    if (method === 'GET' && intentMatch) {
      const session = [...sessions.values()].find((s) => s.payment_intent === intentMatch[1])
      if (!session) return fail(404, 'No such payment_intent')
      return {
        status: 200,
        body: {
          id: intentMatch[1],
          object: 'payment_intent',
          amount: session.amount_total,
          status: 'succeeded',
          metadata: session.payment_intent_metadata,
        },
      }
    }
    const chargeMatch = /^\/v1\/charges\/([\w]+)$/.exec(path)
    if (method === 'GET' && chargeMatch) {
      const charge = charges.get(chargeMatch[1]!)
      return charge ? { status: 200, body: charge } : fail(404, 'No such charge')
    }
    return fail(404, `Unrecognized request URL (${method}: ${path})`)
  }

  function hostedPage(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const match = /^\/pay\/([\w]+)(\/complete)?$/.exec(url.pathname)
    const session = match ? sessions.get(match[1]!) : undefined
    if (!match || !session || session.status === 'expired') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('This payment page has expired.')
      return
    }
    if (match[2] && req.method === 'POST') {
      pay(session.id)
      res.writeHead(303, { Location: session.success_url }).end()
      return
    }
    const amount = (session.amount_total / 100).toFixed(2)
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test payment</title></head>
<body><main><h1>Test payment (local Stripe stand-in)</h1>
<p>Amount: <strong>${session.currency.toUpperCase()} ${amount}</strong></p>
<form method="post" action="/pay/${session.id}/complete"><button type="submit">Pay</button></form>
<p><a href="${session.cancel_url}">Cancel</a></p></main></body></html>`)
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base)
      if (!url.pathname.startsWith('/v1/')) {
        if (url.pathname.startsWith('/__fake/sessions/')) {
          const session = sessions.get(url.pathname.split('/').pop() ?? '')
          res.writeHead(session ? 200 : 404, { 'Content-Type': 'application/json' })
          res.end(JSON.stringify(session ?? null))
          return
        }
        hostedPage(req, res, url)
        return
      }
      const send = (status: number, body: Json) => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': newId('req') })
        res.end(JSON.stringify(body))
      }
      if (failures.count > 0) {
        failures.count -= 1
        send(failures.status, { error: { type: 'api_error', message: 'injected failure' } })
        return
      }
      if (!/^Bearer (sk|rk)_test_/.test(req.headers.authorization ?? '')) {
        send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } })
        return
      }
      const raw = Buffer.concat(chunks).toString('utf8')
      const body = req.method === 'GET' ? {} : parseStripeForm(raw)
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null
      calls.push({ method: req.method ?? 'GET', path: url.pathname, idempotencyKey: key, body })
      if (key && req.method === 'POST') {
        const fingerprint = `${url.pathname} ${raw}`
        const seen = idempotency.get(key)
        if (seen) {
          if (seen.fingerprint !== fingerprint) {
            send(400, {
              error: {
                type: 'idempotency_error',
                message: 'Keys for idempotent requests can only be used with the same parameters',
              },
            })
            return
          }
          res.setHeader('Idempotent-Replayed', 'true')
          send(seen.status, seen.body)
          return
        }
        const result = api(req.method, url.pathname, body)
        idempotency.set(key, { fingerprint, ...result })
        send(result.status, result.body)
        return
      }
      const result = api(req.method ?? 'GET', url.pathname, body)
      send(result.status, result.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.address() as { port: number }
  base = `http://127.0.0.1:${address.port}`
  return {
    url: base,
    calls,
    sessions,
    charges,
    refunds,
    failNext(count, status) {
      failures = { count, status }
    },
    pay,
    expire(sessionId) {
      const session = sessions.get(sessionId)
      if (session)
        Object.assign(session, {
          status: 'expired',
          expires_at: Math.floor(Date.now() / 1000) - 60,
        })
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
