import { prisma } from '~/utils/db.server'
import { invitationStep, type InvitationStep } from './funnel'

export const ACCOUNT_INVITATIONS_SHOWN = 10

/** Steps at which the link may still be used; past them its expiry says nothing. */
const WAITING_STEPS = new Set<InvitationStep>(['queued', 'sent', 'delivered', 'clicked'])

/**
 * An account's invitations for its back-office page, newest first: the latest `take`, and how
 * many older ones there are. Each says where it came from (a campaign, or a rep who sent it),
 * the furthest step it reached, and, while its link is unused, until when that link works.
 */
export async function listAccountInvitations(
  accountId: string,
  { take = ACCOUNT_INVITATIONS_SHOWN, now = new Date() }: { take?: number; now?: Date } = {},
) {
  const where = { accountId }
  const [total, rows] = await Promise.all([
    prisma.invitation.count({ where }),
    prisma.invitation.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      select: {
        id: true,
        email: true,
        channel: true,
        createdAt: true,
        sentAt: true,
        deliveredAt: true,
        bouncedAt: true,
        clickedAt: true,
        activatedAt: true,
        expiresAt: true,
        sentById: true,
        campaign: { select: { id: true, name: true } },
        outbox: { select: { status: true } },
        _count: { select: { orders: { where: { status: { not: 'CANCELLED' } } } } },
      },
    }),
  ])
  // Invitations keep who sent them as a plain id: the sender may since have been removed.
  const senderIds = [...new Set(rows.flatMap((row) => (row.sentById ? [row.sentById] : [])))]
  const senders = new Map(
    (
      await prisma.user.findMany({
        where: { id: { in: senderIds } },
        select: { id: true, name: true },
      })
    ).map((user) => [user.id, user.name]),
  )
  const invitations = rows.map((row) => {
    const step = invitationStep(row)
    return {
      id: row.id,
      email: row.email,
      channel: row.channel,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
      campaign: row.campaign,
      sender: row.sentById ? (senders.get(row.sentById) ?? null) : null,
      step,
      link: WAITING_STEPS.has(step)
        ? { expired: row.expiresAt <= now, expiresAt: row.expiresAt }
        : null,
    }
  })
  return { invitations, total, older: total - invitations.length }
}
