import { z } from 'zod'

/**
 * Every setting the server reads, validated once at start-up. The app runs with none of them
 * set (see .env.example); a value that is set but invalid stops it with a clear message.
 */
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: positiveInt(3000),
  APP_URL: z.string().url().default('http://localhost:3000'),
  // file:… (SQLite, the default) or postgresql://… (decision 009).
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/i, 'expected file:… (SQLite) or postgresql://…')
    .optional(),
  // Connections each process keeps to PostgreSQL (ignored on SQLite).
  DATABASE_POOL_SIZE: positiveInt(10),
  // What this process runs: `web` serves requests, `worker` runs the background jobs (daily
  // pass, campaigns, outbox, imports), `all` both (one process, the default).
  REATIVA_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  // This install's name in job leases and outbox claims (default: host, working directory and
  // role). A process that starts takes back at once what its name held; no two live processes
  // may share one (decision 009).
  REATIVA_INSTANCE: z
    .string()
    .trim()
    .max(200)
    .regex(/^[^\s|#]+$/, 'use letters, digits and punctuation other than | and #, no spaces')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Reativa <nao-responda@reativa.local>'),
  RESEND_API_KEY: z.string().min(1).optional(),
  // Signature secret of the Resend webhook endpoint (whsec_…); without it, webhooks are refused.
  RESEND_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  // The provider's sending rate limit (requests per second); the outbox never goes faster.
  RESEND_MAX_PER_SECOND: z.coerce.number().positive().max(1000).default(2),
  // Key for signed links (invitations, unsubscribe). Set it in production.
  APP_SECRET: z.string().min(32, 'use at least 32 characters').optional(),
  // Login failures per 15 minutes: one email from one address, then one address across emails
  // (older spellings LOGIN_MAX_FAILURES_PER_EMAIL and LOGIN_MAX_ATTEMPTS_PER_IP still read).
  LOGIN_MAX_FAILURES_PER_EMAIL_AND_IP: positiveInt(5),
  LOGIN_MAX_FAILURES_PER_IP: positiveInt(50),
  // The longest delay before answering a login for an email failing from many addresses (0: none).
  LOGIN_SLOWDOWN_MAX_MS: z.coerce.number().int().min(0).max(10_000).default(3_000),
  // Coupon codes a customer account may try without success per 10 minutes.
  COUPON_MAX_FAILURES_PER_ACCOUNT: positiveInt(10),
  RESET_MAX_REQUESTS_PER_IP: positiveInt(10),
  RESET_MAX_REQUESTS_PER_EMAIL: positiveInt(3),
  // Requests for access ("Solicitar acesso") per hour: per client address, and per CNPJ.
  ACCESS_REQUEST_MAX_PER_IP: positiveInt(10),
  ACCESS_REQUEST_MAX_PER_CNPJ: positiveInt(5),
  // Stripe: pay now is offered only when the secret key is set.
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'expected sk_test_… or sk_live_…')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  // Where the Stripe SDK sends API calls. Only for tests and local stand-ins; unset in production.
  STRIPE_API_URL: z.string().url().optional(),
})

export type Env = z.infer<typeof schema>

/** Settings renamed when their meaning changed; the old name still sets the new one. */
const OLDER_SPELLINGS = [
  ['LOGIN_MAX_FAILURES_PER_EMAIL_AND_IP', 'LOGIN_MAX_FAILURES_PER_EMAIL'],
  ['LOGIN_MAX_FAILURES_PER_IP', 'LOGIN_MAX_ATTEMPTS_PER_IP'],
] as const

export function parseEnv(source: Record<string, string | undefined>): Env {
  const blankAsUnset: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  )
  for (const [name, older] of OLDER_SPELLINGS) blankAsUnset[name] ??= blankAsUnset[older]
  const result = schema.safeParse(blankAsUnset)
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n')
    throw new Error(`Invalid settings (see .env.example):\n${problems}`)
  }
  return result.data
}

let cached: Env | undefined
export function env(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/** Cookies are `Secure` in production unless the app is served from localhost over HTTP. */
export function secureCookiesEnabled(settings: Env = env()): boolean {
  if (settings.NODE_ENV !== 'production') return false
  const url = new URL(settings.APP_URL)
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1'
  return url.protocol === 'https:' || !local
}
