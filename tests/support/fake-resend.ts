/**
 * A local stand-in for Resend's email API (POST /emails), so tests drive the real `resend`
 * SDK (pointed here with RESEND_BASE_URL) without a network. Like Resend, an Idempotency-Key
 * seen before replays the first answer instead of sending again; failures can be injected.
 */
import crypto from 'node:crypto'
import http from 'node:http'

export type FakeDelivery = {
  id: string
  idempotencyKey: string | null
  to: string
  subject: string
  html: string
  text: string
  headers: Record<string, string>
  at: number
}

export type FakeResend = {
  url: string
  /** Every request received, failed ones included. */
  calls: { idempotencyKey: string | null; status: number; at: number }[]
  /** Emails actually accepted for delivery: a replayed key adds nothing here. */
  deliveries: FakeDelivery[]
  /** The next `count` requests answer `status` (500, 429…) with Resend's error body; calls queue up. */
  failNext(count: number, status: number): void
  clearFailures(): void
  close(): Promise<void>
}

const ERROR_NAMES: Record<number, string> = {
  422: 'validation_error',
  429: 'rate_limit_exceeded',
  500: 'internal_server_error',
}

export async function startFakeResend(port = 0): Promise<FakeResend> {
  const calls: FakeResend['calls'] = []
  const deliveries: FakeDelivery[] = []
  const byKey = new Map<string, { id: string }>()
  const failures: number[] = []

  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(payload))
      }
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null
      const at = Date.now()
      if (req.method !== 'POST' || req.url !== '/emails') {
        calls.push({ idempotencyKey: key, status: 404, at })
        return reply(404, { statusCode: 404, name: 'not_found', message: 'Not found' })
      }
      if (!String(req.headers.authorization ?? '').startsWith('Bearer re_')) {
        calls.push({ idempotencyKey: key, status: 401, at })
        return reply(401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' })
      }
      const failure = failures.shift()
      if (failure) {
        calls.push({ idempotencyKey: key, status: failure, at })
        return reply(failure, {
          statusCode: failure,
          name: ERROR_NAMES[failure] ?? 'application_error',
          message: `injected ${failure}`,
        })
      }
      calls.push({ idempotencyKey: key, status: 200, at })
      const previous = key ? byKey.get(key) : undefined
      if (previous) return reply(200, previous)
      const email = JSON.parse(body) as {
        to: string | string[]
        subject: string
        html: string
        text: string
        headers?: Record<string, string>
      }
      const id = crypto.randomUUID()
      deliveries.push({
        id,
        idempotencyKey: key,
        to: Array.isArray(email.to) ? email.to.join(',') : email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: email.headers ?? {},
        at,
      })
      if (key) byKey.set(key, { id })
      reply(200, { id })
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${address.port}`,
    calls,
    deliveries,
    failNext(count, status) {
      for (let i = 0; i < count; i++) failures.push(status)
    },
    clearFailures() {
      failures.length = 0
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
