import { type Tx } from '~/utils/db.server'
import { DAY_MS } from '~/utils/dates'

export const DEFAULT_ATTRIBUTION_WINDOW_DAYS = 30

type Candidate = { id: string; sentAt: Date | null; activatedAt: Date | null }

/**
 * Of an account's recent invitations, the one an order placed now is credited to: the latest
 * one whose link the buyer used within the window, else the latest one sent within it.
 */
export function pickAttribution(invitations: Candidate[], since: Date, now: Date): string | null {
  const within = (at: Date | null) => !!at && at >= since && at <= now
  const latest = (key: 'activatedAt' | 'sentAt') =>
    invitations
      .filter((invitation) => within(invitation[key]))
      .sort((a, b) => b[key]!.getTime() - a[key]!.getTime())[0]?.id ?? null
  return latest('activatedAt') ?? latest('sentAt')
}

/** The invitation an order placed now is attributed to, in one query; null when none reached the account. */
export async function attributeOrder(
  tx: Tx,
  accountId: string,
  now: Date,
  windowDays = DEFAULT_ATTRIBUTION_WINDOW_DAYS,
): Promise<string | null> {
  const since = new Date(now.getTime() - windowDays * DAY_MS)
  const recent = await tx.invitation.findMany({
    where: { accountId, OR: [{ activatedAt: { gte: since } }, { sentAt: { gte: since } }] },
    select: { id: true, sentAt: true, activatedAt: true },
  })
  return pickAttribution(recent, since, now)
}
