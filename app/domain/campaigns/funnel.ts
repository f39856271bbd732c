export type Funnel = {
  invited: number
  sent: number
  delivered: number
  bounced: number
  clicked: number
  activated: number
  /** Accounts with at least one attributed order, and with two or more. */
  firstOrder: number
  repeatOrder: number
  orders: number
  revenueCents: number
  reactivated: number
}

export type RepFunnel = Funnel & {
  repId: string | null
  repCode: string | null
  repName: string | null
}

export const INVITATION_CHANNELS = ['EMAIL', 'WHATSAPP'] as const

export type ChannelFunnel = Funnel & { channel: (typeof INVITATION_CHANNELS)[number] }

export type OutboxCounts = Record<'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'CANCELLED', number>

export type InvitationStep =
  | 'queued'
  | 'sent'
  | 'delivered'
  | 'bounced'
  | 'clicked'
  | 'activated'
  | 'ordered'
  | 'failed'
  | 'skipped'

/** The furthest step an invitation reached, for its row. */
export function invitationStep(invitation: {
  sentAt: Date | string | null
  deliveredAt: Date | string | null
  bouncedAt: Date | string | null
  clickedAt: Date | string | null
  activatedAt: Date | string | null
  _count: { orders: number }
  outbox: { status: string } | null
}): InvitationStep {
  if (invitation._count.orders > 0) return 'ordered'
  if (invitation.activatedAt) return 'activated'
  if (invitation.clickedAt) return 'clicked'
  if (invitation.bouncedAt) return 'bounced'
  if (invitation.deliveredAt) return 'delivered'
  if (invitation.sentAt) return 'sent'
  if (invitation.outbox?.status === 'FAILED') return 'failed'
  if (invitation.outbox?.status === 'CANCELLED') return 'skipped'
  return 'queued'
}
