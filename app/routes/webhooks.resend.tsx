import { type ActionFunctionArgs } from '@remix-run/node'
import { handleResendWebhook } from '~/domain/campaigns/resend-webhook.server'

// Resend's deliveries are verified by their Svix signature, not by session or origin.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response('Method not allowed', { status: 405 })
  // The signature covers the exact bytes received.
  const payload = await request.text()
  const result = await handleResendWebhook(payload, request.headers)
  return new Response(result.outcome, {
    status: result.status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

export function loader() {
  return new Response('Method not allowed', { status: 405, headers: { Allow: 'POST' } })
}
