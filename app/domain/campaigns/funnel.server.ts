import { Prisma } from '@prisma/client'
import { prisma } from '~/utils/db.server'
import { centsToDecimalText } from '~/utils/money'
import { INVITATION_CHANNELS, type ChannelFunnel, type Funnel, type RepFunnel } from './funnel'

const EMPTY: Funnel = {
  invited: 0,
  sent: 0,
  delivered: 0,
  bounced: 0,
  clicked: 0,
  activated: 0,
  firstOrder: 0,
  repeatOrder: 0,
  orders: 0,
  revenueCents: 0,
  reactivated: 0,
}

const num = (value: bigint | number | null | undefined) => Number(value ?? 0)

/**
 * The funnels of one campaign's invitations (or of every invitation, rep invitations
 * included), one per value of `column` (the rep the invitation was sent for, or its channel):
 * sent → delivered / bounced → clicked → activated → first order → repeat order, with
 * attributed revenue and the accounts reactivated by an attributed order. Cancelled orders
 * count for nothing.
 */
async function funnelsBy(
  column: 'repId' | 'channel',
  campaignId: string | undefined,
): Promise<Map<string | null, Funnel>> {
  const key = Prisma.raw(`i."${column}"`)
  const filter = campaignId ? Prisma.sql`WHERE i."campaignId" = ${campaignId}` : Prisma.empty
  const [steps, orders, reactivated] = await Promise.all([
    prisma.$queryRaw<
      {
        key: string | null
        invited: bigint
        sent: bigint
        delivered: bigint
        bounced: bigint
        clicked: bigint
        activated: bigint
      }[]
    >`
      SELECT ${key} AS "key", COUNT(*) AS invited, COUNT(i."sentAt") AS sent,
             COUNT(i."deliveredAt") AS delivered, COUNT(i."bouncedAt") AS bounced,
             COUNT(i."clickedAt") AS clicked, COUNT(i."activatedAt") AS activated
      FROM "Invitation" i ${filter}
      GROUP BY ${key}`,
    // Per account first, so "first" and "repeat" count accounts, not orders.
    prisma.$queryRaw<{ key: string | null; orders: bigint; revenue: bigint | number | null }[]>`
      SELECT ${key} AS "key", COUNT(o.id) AS orders, SUM(o."totalCents") AS revenue
      FROM "Order" o JOIN "Invitation" i ON i.id = o."invitationId"
      ${campaignId ? Prisma.sql`WHERE i."campaignId" = ${campaignId} AND` : Prisma.sql`WHERE`} o.status <> 'CANCELLED'
      GROUP BY ${key}, o."accountId"`,
    prisma.$queryRaw<{ key: string | null; accounts: bigint }[]>`
      SELECT ${key} AS "key", COUNT(DISTINCT r."accountId") AS accounts
      FROM "Reactivation" r JOIN "Invitation" i ON i.id = r."invitationId" ${filter}
      GROUP BY ${key}`,
  ])
  const byKey = new Map<string | null, Funnel>()
  const bucket = (value: string | null) => {
    let funnel = byKey.get(value)
    if (!funnel) byKey.set(value, (funnel = { ...EMPTY }))
    return funnel
  }
  for (const row of steps) {
    Object.assign(bucket(row.key), {
      invited: num(row.invited),
      sent: num(row.sent),
      delivered: num(row.delivered),
      bounced: num(row.bounced),
      clicked: num(row.clicked),
      activated: num(row.activated),
    })
  }
  for (const row of orders) {
    const funnel = bucket(row.key)
    const count = num(row.orders)
    funnel.orders += count
    funnel.revenueCents += num(row.revenue)
    if (count >= 1) funnel.firstOrder++
    if (count >= 2) funnel.repeatOrder++
  }
  for (const row of reactivated) bucket(row.key).reactivated = num(row.accounts)
  return byKey
}

/**
 * The funnel of one campaign (or of every invitation), overall, per rep and per channel
 * (email, or WhatsApp's click-to-chat). See `funnelsBy`.
 */
export async function campaignFunnel(
  campaignId?: string,
): Promise<{ total: Funnel; byRep: RepFunnel[]; byChannel: ChannelFunnel[] }> {
  const [byRepId, channels] = await Promise.all([
    funnelsBy('repId', campaignId),
    funnelsBy('channel', campaignId),
  ])
  const reps = await prisma.rep.findMany({
    where: { id: { in: [...byRepId.keys()].filter((id): id is string => !!id) } },
    select: { id: true, code: true, name: true },
  })
  const repById = new Map(reps.map((rep) => [rep.id, rep]))
  const byRep = [...byRepId.entries()]
    .map(([repId, funnel]) => ({
      ...funnel,
      repId,
      repCode: repId ? (repById.get(repId)?.code ?? null) : null,
      repName: repId ? (repById.get(repId)?.name ?? null) : null,
    }))
    .sort((a, b) => (a.repCode ?? '~').localeCompare(b.repCode ?? '~'))
  const total = byRep.reduce<Funnel>(
    (sum, funnel) => {
      for (const key of Object.keys(EMPTY) as (keyof Funnel)[]) sum[key] += funnel[key]
      return sum
    },
    { ...EMPTY },
  )
  const byChannel = INVITATION_CHANNELS.flatMap((channel) => {
    const funnel = channels.get(channel)
    return funnel ? [{ ...funnel, channel }] : []
  })
  return { total, byRep, byChannel }
}

/** The funnel per rep as CSV rows, with a total row (money in reais with a decimal comma). */
export function* funnelCsvRows({ total, byRep }: { total: Funnel; byRep: RepFunnel[] }) {
  yield [
    'rep',
    'nome',
    'enviados',
    'entregues',
    'devolvidos',
    'clicaram',
    'ativaram',
    'primeiro_pedido',
    'pedido_repetido',
    'reativados',
    'pedidos',
    'receita',
  ]
  const row = (code: string, name: string, f: Funnel) => [
    code,
    name,
    f.sent,
    f.delivered,
    f.bounced,
    f.clicked,
    f.activated,
    f.firstOrder,
    f.repeatOrder,
    f.reactivated,
    f.orders,
    centsToDecimalText(f.revenueCents),
  ]
  for (const rep of byRep) yield row(rep.repCode ?? '', rep.repName ?? '', rep)
  yield row('TOTAL', '', total)
}
