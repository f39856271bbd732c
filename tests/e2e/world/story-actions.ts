/**
 * What the demo story's pages must agree with, counted straight from the rows (the story's
 * spec, tests/e2e/demo-story.shared.spec.ts).
 */
import { prisma } from '~/utils/db.server'

/** Accounts with an attributed order, and accounts brought back by one, for all or one campaign. */
async function funnelRows(campaignId?: string) {
  const invitation = campaignId ? { campaignId } : {}
  const ordered = await prisma.order.findMany({
    where: { invitation, invitationId: { not: null }, status: { not: 'CANCELLED' } },
    distinct: ['accountId'],
    select: { accountId: true },
  })
  const reactivated = await prisma.reactivation.findMany({
    where: { invitation, invitationId: { not: null } },
    distinct: ['accountId'],
    select: { accountId: true },
  })
  return { firstOrders: ordered.length, reactivated: reactivated.length }
}

/**
 * Rules the story must not break, each as the rows that break it: a reactivation whose order is
 * gone, an account whose last reactivation is not the one it shows, an order invoiced or later
 * whose commission was never earned, a cancelled one whose commission was not taken back.
 */
async function broken() {
  const reactivations = await prisma.reactivation.findMany({
    select: { accountId: true, orderId: true, reactivatedAt: true },
  })
  const orderIds = new Set(
    (
      await prisma.order.findMany({
        where: { id: { in: reactivations.flatMap((r) => (r.orderId ? [r.orderId] : [])) } },
        select: { id: true },
      })
    ).map((o) => o.id),
  )
  const latest = new Map<string, number>()
  for (const r of reactivations)
    latest.set(r.accountId, Math.max(latest.get(r.accountId) ?? 0, r.reactivatedAt.getTime()))
  const accounts = await prisma.account.findMany({ select: { id: true, reactivatedAt: true } })
  const credited = await prisma.order.findMany({
    where: { commissionEntries: { some: { event: 'CREDIT' } } },
    select: { id: true, status: true, commissionEntries: { select: { event: true } } },
  })
  const has = (order: (typeof credited)[number], event: string) =>
    order.commissionEntries.some((entry) => entry.event === event)
  return {
    orphanReactivations: reactivations.filter((r) => r.orderId && !orderIds.has(r.orderId)).length,
    staleReactivatedAt: accounts.filter(
      (a) => (a.reactivatedAt?.getTime() ?? 0) !== (latest.get(a.id) ?? 0),
    ).length,
    unearned: credited.filter(
      (o) => ['INVOICED', 'SHIPPED', 'DELIVERED'].includes(o.status) && !has(o, 'EARN'),
    ).length,
    unreversed: credited.filter((o) => o.status === 'CANCELLED' && !has(o, 'REVERSAL')).length,
  }
}

export async function demoStory(options: { campaignName: string; repEmail: string }) {
  const campaign = await prisma.campaign.findFirstOrThrow({
    where: { name: options.campaignName },
    select: { id: true },
  })
  const rep = await prisma.user.findUniqueOrThrow({
    where: { email: options.repEmail },
    select: { id: true, repId: true },
  })
  const ledger = await prisma.commissionEntry.groupBy({
    by: ['bucket'],
    where: { repId: rep.repId! },
    _sum: { amountCents: true },
  })
  return {
    broken: await broken(),
    all: await funnelRows(),
    campaign: { id: campaign.id, ...(await funnelRows(campaign.id)) },
    rep: {
      userId: rep.id,
      ledger: Object.fromEntries(ledger.map((row) => [row.bucket, row._sum.amountCents ?? 0])),
    },
  }
}
