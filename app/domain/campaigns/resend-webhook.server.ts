import { Webhook, WebhookVerificationError } from 'svix'
import { z } from 'zod'
import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'

// The part of Resend's email events Reativa uses.
const ResendEvent = z.object({
  type: z.string(),
  created_at: z.string().optional(),
  data: z
    .object({
      email_id: z.string(),
      bounce: z.object({ message: z.string().optional(), type: z.string().optional() }).optional(),
    })
    .passthrough(),
})

export type ResendWebhookResult = { status: number; outcome: string }

/**
 * Resend signs webhooks with Svix: the signature covers the delivery id, its timestamp and
 * the raw body, and deliveries older than five minutes are refused (replay window). Each
 * delivery id is applied once; unknown messages (not ours, or already deleted) are
 * acknowledged so Resend stops retrying.
 */
export async function handleResendWebhook(
  payload: string,
  headers: Headers,
  now = new Date(),
): Promise<ResendWebhookResult> {
  const secret = env().RESEND_WEBHOOK_SECRET
  if (!secret) return { status: 503, outcome: 'not_configured' }
  const svixHeaders = {
    'svix-id': headers.get('svix-id') ?? '',
    'svix-timestamp': headers.get('svix-timestamp') ?? '',
    'svix-signature': headers.get('svix-signature') ?? '',
  }
  let body: unknown
  try {
    body = new Webhook(secret).verify(payload, svixHeaders)
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      console.warn(`Resend webhook rejected: ${error.message}`)
      return { status: 400, outcome: 'bad_signature' }
    }
    throw error
  }
  const parsed = ResendEvent.safeParse(body)
  if (!parsed.success) return { status: 400, outcome: 'bad_payload' }
  const event = parsed.data
  const at =
    event.created_at && !Number.isNaN(Date.parse(event.created_at))
      ? new Date(event.created_at)
      : now

  return prisma.$transaction(async (tx) => {
    if (
      await tx.resendEvent.findUnique({
        where: { id: svixHeaders['svix-id'] },
        select: { id: true },
      })
    ) {
      return { status: 200, outcome: 'duplicate' }
    }
    const message = await tx.outboxMessage.findUnique({
      where: { providerMessageId: event.data.email_id },
      select: { invitation: { select: { id: true, email: true, accountId: true } } },
    })
    const invitation = message?.invitation
    let outcome = invitation ? 'applied' : 'unknown_email'
    if (invitation) {
      const id = invitation.id
      // Each milestone keeps its first time: a late or repeated event does not move it.
      switch (event.type) {
        case 'email.delivered':
          await tx.invitation.updateMany({
            where: { id, deliveredAt: null },
            data: { deliveredAt: at },
          })
          break
        case 'email.clicked':
          await tx.invitation.updateMany({
            where: { id, clickedAt: null },
            data: { clickedAt: at },
          })
          break
        case 'email.bounced':
          await tx.invitation.updateMany({
            where: { id, bouncedAt: null },
            data: { bouncedAt: at },
          })
          // Bad contact data for the sales team, unless the address was already changed.
          await tx.account.updateMany({
            where: { id: invitation.accountId, email: invitation.email },
            data: {
              emailBouncedAt: at,
              emailBounceReason: (
                event.data.bounce?.message ??
                event.data.bounce?.type ??
                'bounced'
              ).slice(0, 300),
            },
          })
          break
        case 'email.complained':
          await tx.invitation.updateMany({
            where: { id, complainedAt: null },
            data: { complainedAt: at },
          })
          await tx.emailOptOut.upsert({
            where: { email: invitation.email },
            create: { email: invitation.email, reason: 'complaint' },
            update: {},
          })
          break
        default:
          outcome = 'ignored'
      }
    } else {
      console.warn(
        `Resend webhook for an unknown email ${event.data.email_id} (${event.type}); acknowledged.`,
      )
    }
    await tx.resendEvent.create({
      data: { id: svixHeaders['svix-id'], type: event.type, outcome, receivedAt: now },
    })
    return { status: 200, outcome }
  })
}
