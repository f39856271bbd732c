/**
 * An account's timeline: everything that happened with it in one list, newest first. Orders of
 * both channels, changes of status, invitations and what became of them (delivered, bounced,
 * clicked, used), contacts logged with their outcomes, why it stopped buying, and notes.
 */
import { prisma } from '~/utils/db.server'

export const TIMELINE_STEP = 30
export const MAX_TIMELINE = 600

const INVITATION_STEPS = ['sentAt', 'deliveredAt', 'bouncedAt', 'clickedAt', 'activatedAt'] as const
type InvitationStep = 'SENT' | 'DELIVERED' | 'BOUNCED' | 'CLICKED' | 'ACTIVATED'
const STEP_NAME: Record<(typeof INVITATION_STEPS)[number], InvitationStep> = {
  sentAt: 'SENT',
  deliveredAt: 'DELIVERED',
  bouncedAt: 'BOUNCED',
  clickedAt: 'CLICKED',
  activatedAt: 'ACTIVATED',
}

/**
 * The latest `limit` events of the account's timeline (at most MAX_TIMELINE), and whether
 * older ones exist. Each source is read newest first up to `limit`, so the merge is exact.
 */
export async function accountTimeline(accountId: string, requested = TIMELINE_STEP) {
  const limit = Math.min(Math.max(TIMELINE_STEP, Math.floor(requested) || 0), MAX_TIMELINE)
  const take = limit + 1
  const [orders, statuses, invitations, contacts, notes, reasons] = await Promise.all([
    prisma.order.findMany({
      where: { accountId },
      orderBy: { placedAt: 'desc' },
      take,
      select: {
        id: true,
        placedAt: true,
        channel: true,
        status: true,
        totalCents: true,
        externalRef: true,
      },
    }),
    prisma.accountStatusChange.findMany({
      where: { accountId },
      orderBy: { changedAt: 'desc' },
      take,
      select: { id: true, changedAt: true, fromStatus: true, toStatus: true },
    }),
    prisma.invitation.findMany({
      where: { accountId },
      orderBy: { createdAt: 'desc' },
      take,
      select: {
        id: true,
        channel: true,
        createdAt: true,
        sentAt: true,
        deliveredAt: true,
        bouncedAt: true,
        clickedAt: true,
        activatedAt: true,
        campaign: { select: { id: true, name: true } },
      },
    }),
    prisma.contactLog.findMany({
      where: { accountId },
      orderBy: { createdAt: 'desc' },
      take,
      select: {
        id: true,
        createdAt: true,
        channel: true,
        outcome: true,
        callBackAt: true,
        note: true,
        user: { select: { name: true } },
        stopReason: { select: { reason: true } },
      },
    }),
    prisma.accountNote.findMany({
      where: { accountId },
      orderBy: { createdAt: 'desc' },
      take,
      select: { id: true, createdAt: true, text: true, author: { select: { name: true } } },
    }),
    // Answers given on a call are shown with the call.
    prisma.stopReasonAnswer.findMany({
      where: { accountId, contactLogId: null },
      orderBy: { createdAt: 'desc' },
      take,
      select: { id: true, createdAt: true, reason: true, comment: true, source: true },
    }),
  ])
  const events = [
    ...orders.map((order) => ({
      kind: 'order' as const,
      key: `o${order.id}`,
      at: order.placedAt,
      order,
    })),
    ...statuses.map((change) => ({
      kind: 'status' as const,
      key: `s${change.id}`,
      at: change.changedAt,
      change,
    })),
    ...invitations.flatMap((invitation) =>
      INVITATION_STEPS.flatMap((field) => {
        const at = invitation[field]
        return at
          ? [
              {
                kind: 'invitation' as const,
                key: `i${invitation.id}${field}`,
                at,
                step: STEP_NAME[field],
                channel: invitation.channel,
                campaign: invitation.campaign,
              },
            ]
          : []
      }),
    ),
    ...contacts.map((contact) => ({
      kind: 'contact' as const,
      key: `c${contact.id}`,
      at: contact.createdAt,
      contact,
    })),
    ...notes.map((note) => ({
      kind: 'note' as const,
      key: `n${note.id}`,
      at: note.createdAt,
      note,
    })),
    ...reasons.map((answer) => ({
      kind: 'reason' as const,
      key: `r${answer.id}`,
      at: answer.createdAt,
      answer,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime() || a.key.localeCompare(b.key))
  return { events: events.slice(0, limit), more: events.length > limit, limit }
}

export type TimelineEvent = Awaited<ReturnType<typeof accountTimeline>>['events'][number]
