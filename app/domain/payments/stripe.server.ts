import Stripe from 'stripe'
import { env, type Env } from '~/utils/env.server'

export type StripeConfig = { client: Stripe; webhookSecret: string | null }

/**
 * The Stripe SDK client, or null when no secret key is set (pay now is then hidden). In tests
 * and local runs STRIPE_API_URL points the SDK at a stand-in for Stripe's API.
 */
export function stripeConfig(settings: Env = env()): StripeConfig | null {
  const key = settings.STRIPE_SECRET_KEY
  if (!key) return null
  const cacheKey = `${key} ${settings.STRIPE_API_URL ?? ''}`
  if (cached?.cacheKey !== cacheKey) {
    cached = { cacheKey, client: createClient(key, settings.STRIPE_API_URL) }
  }
  return { client: cached.client, webhookSecret: settings.STRIPE_WEBHOOK_SECRET ?? null }
}

let cached: { cacheKey: string; client: Stripe } | undefined

export function createClient(key: string, apiUrl?: string): Stripe {
  const api = apiUrl ? new URL(apiUrl) : null
  return new Stripe(key, {
    // Network errors and 409/429/5xx are retried by the SDK with the same idempotency key.
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'Reativa' },
    ...(api
      ? {
          host: api.hostname,
          port: Number(api.port || (api.protocol === 'https:' ? 443 : 80)),
          protocol: api.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  })
}

/** True when pay now can be offered at checkout. */
export function stripeEnabled(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY)
}
