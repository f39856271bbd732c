import { type Tx } from '~/utils/db.server'

const DAY_MS = 86_400_000

/**
 * The invitation an order placed now is credited to: the latest one whose link the account's
 * buyer used within the attribution window, else the latest one sent within it. Null when no
 * invitation reached the account in that time.
 */
export async function attributeOrder(tx: Tx, accountId: string, now: Date): Promise<string | null> {
  const settings = await tx.appSettings.findUnique({
    where: { id: 1 },
    select: { attributionWindowDays: true },
  })
  const since = new Date(now.getTime() - (settings?.attributionWindowDays ?? 30) * DAY_MS)
  const used = await tx.invitation.findFirst({
    where: { accountId, activatedAt: { gte: since, lte: now } },
    orderBy: { activatedAt: 'desc' },
    select: { id: true },
  })
  if (used) return used.id
  const sent = await tx.invitation.findFirst({
    where: { accountId, sentAt: { gte: since, lte: now } },
    orderBy: { sentAt: 'desc' },
    select: { id: true },
  })
  return sent?.id ?? null
}
