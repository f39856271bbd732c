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
