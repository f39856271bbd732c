import { type ActionFunctionArgs } from '@remix-run/node'
import { handleStripeWebhook } from '~/domain/payments/webhook.server'

// Stripe's deliveries are verified by their signature, not by session or origin
// (the CSRF check at the server edge leaves /webhooks/ to this route).
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response('Method not allowed', { status: 405 })
  // The signature covers the exact bytes received: read the body as text, untouched.
  const payload = await request.text()
  const result = await handleStripeWebhook(payload, request.headers.get('stripe-signature'))
  return new Response(result.body, {
    status: result.status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

export function loader() {
  return new Response('Method not allowed', { status: 405, headers: { Allow: 'POST' } })
}
