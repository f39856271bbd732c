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
    all: await funnelRows(),
    campaign: { id: campaign.id, ...(await funnelRows(campaign.id)) },
    rep: {
      userId: rep.id,
      ledger: Object.fromEntries(ledger.map((row) => [row.bucket, row._sum.amountCents ?? 0])),
    },
  }
}
