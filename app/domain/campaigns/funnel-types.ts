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

export type OutboxCounts = Record<'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'CANCELLED', number>
