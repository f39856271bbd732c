/**
 * The demo's last six months: the portal went live at the start of the sixth month back and was
 * launched to the buying shops one region a month; each month a campaign invited the inactive
 * and lost shops of one state and a reminder went to a region's shops at risk; some clicked, set
 * a password and ordered, many came back again, some lapsed; the back office invoiced, shipped
 * and delivered the orders, and payouts closed on the 5th of each month. The months are calendar
 * months, as the dashboard counts them, whatever the day of today.
 *
 * Every step goes through the product's own code, at the moment it happened (`now` set back in
 * time): campaigns are created and queued by `createCampaign`, links opened by `viewInvitation`,
 * passwords set by `acceptInvitationIntoCart`, orders priced and placed by `placeOrder` (offers,
 * attribution, commission, status and reactivation), moved by `setOrderStatus` (ledger) and paid
 * by `closePayoutBatch`. Only the email provider's part is played here, as its webhook would record
 * it: sent, delivered, a few bounces.
 */
import { createCampaign, SegmentFilters } from '../app/domain/campaigns/campaigns.server'
import { optOut, viewInvitation } from '../app/domain/campaigns/invitations.server'
import { invitationToken } from '../app/domain/campaigns/links.server'
import { syncAccounts } from '../app/domain/accounts/reclassify.server'
import { closePayoutBatch } from '../app/domain/commission/admin.server'
import { monthOf } from '../app/domain/commission/goals'
import { monthActuals, setRepGoals } from '../app/domain/commission/goals.server'
import { ContactLogSchema } from '../app/domain/outreach/contact-form'
import { logContact } from '../app/domain/outreach/contacts.server'
import { callQueue } from '../app/domain/outreach/queue.server'
import { createContest } from '../app/domain/commission/contests.server'
import { brazilianDay } from '../app/utils/form-schema'
import { BRASILIA_TIME_ZONE, localDateIn } from '../app/utils/dates'
import { addItemsToCart, getBuyerAccount, loadPricedCart } from '../app/domain/orders/cart.server'
import { acceptInvitationIntoCart } from '../app/domain/orders/invitation-landing.server'
import { setOrderStatus } from '../app/domain/orders/order-admin.server'
import { placeOrder } from '../app/domain/orders/place-order.server'
import { prisma } from '../app/utils/db.server'
import { signingKey } from '../app/utils/signing.server'
import { DEMO_PASSWORD } from './seed-data'
import { type Random } from './seed-random'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** The portal went live this many calendar months before the current one. */
export const STORY_MONTHS = 6

/**
 * Month by month from the go-live (month 0): on the 3rd the portal is launched to a region's
 * buying shops, on the 10th the inactive and lost shops of a state are invited back, on the 17th
 * the region's shops at risk get a reminder. The story never touches Pernambuco: the campaigns'
 * end-to-end spec invites its shops.
 */
const MONTHS: {
  launch: { state: string; region: string }
  winBack: { state: string; name: string }
}[] = [
  {
    launch: { state: 'SP', region: 'São Paulo' },
    winBack: { state: 'MG', name: 'Volta às obras — Minas Gerais' },
  },
  {
    launch: { state: 'MG', region: 'Minas Gerais' },
    winBack: { state: 'RJ', name: 'Sentimos sua falta — Rio de Janeiro' },
  },
  {
    launch: { state: 'RJ', region: 'Rio de Janeiro' },
    winBack: { state: 'BA', name: 'Volta às obras — Bahia' },
  },
  {
    launch: { state: 'PR', region: 'Paraná' },
    winBack: { state: 'RS', name: 'Sentimos sua falta — Rio Grande do Sul' },
  },
  {
    launch: { state: 'RS', region: 'Rio Grande do Sul' },
    winBack: { state: 'PR', name: 'Volta às obras — Paraná' },
  },
  {
    launch: { state: 'BA', region: 'Bahia' },
    winBack: { state: 'SC', name: 'Volta às obras — Santa Catarina' },
  },
]
/** Two days before today, whatever the day: so the current month has its shops coming back. */
const LATEST_WIN_BACK = { state: 'SP', name: 'Volta às obras — São Paulo' }

type Event = { at: number; run: () => Promise<void> }
/** How a shop orders online: its first order after setting a password, then every so often. */
type Habit = { firstAfter: number; cadenceDays: number; lapse: number }

/**
 * Events in time order; an event may add later ones (the next order, the invoice). What would
 * happen after the end (today) never does.
 */
class Timeline {
  private events: Event[] = []
  constructor(private readonly end: number) {}

  add(at: number, run: () => Promise<void>) {
    if (at > this.end) return
    let i = this.events.length
    while (i > 0 && this.events[i - 1]!.at > at) i--
    this.events.splice(i, 0, { at, run })
  }

  async play() {
    for (let event = this.events.shift(); event; event = this.events.shift()) await event.run()
  }
}

/** Up to whole hundreds of reais, as a manager would set a revenue goal. */
const roundUp = (cents: number) => Math.ceil(cents / 10_000) * 10_000

export type StorySummary = {
  campaigns: number
  invitations: number
  activated: number
  orders: number
  payouts: number
}

export async function seedDemoStory(now: Date, random: Random): Promise<StorySummary> {
  const end = now.getTime()
  const today = new Date(end)
  /** Day `day` of the month `month` months after the go-live, at 13:00 UTC (10:00 in Brasília). */
  const dayOf = (month: number, day: number) =>
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - STORY_MONTHS + month, day, 13)
  const timeline = new Timeline(end)
  const manager = await prisma.user.findUniqueOrThrow({ where: { email: 'gerente@reativa.dev' } })
  const coupon = await prisma.offer.findUniqueOrThrow({ where: { code: 'CONVITE5' } })
  const key = await signingKey()
  const summary: StorySummary = {
    campaigns: 0,
    invitations: 0,
    activated: 0,
    orders: 0,
    payouts: 0,
  }
  let visitor = 0
  const ip = () => `story-${++visitor}`

  /** What a shop buys: the lines of its latest orders still in the catalog. */
  async function usualLines(accountId: string) {
    const lines = await prisma.orderLine.findMany({
      where: { order: { accountId }, isBonus: false, product: { active: true } },
      orderBy: [{ order: { placedAt: 'desc' } }, { sku: 'asc' }],
      take: 12,
      select: { productId: true, quantity: true },
    })
    const byProduct = new Map<string, number>()
    for (const line of lines)
      if (line.productId && byProduct.size < 5 && !byProduct.has(line.productId))
        byProduct.set(line.productId, line.quantity)
    return [...byProduct].map(([productId, quantity]) => ({ productId, quantity }))
  }

  /**
   * The buyer fills the cart with the usual lines (as many times over as the minimum order
   * asks) and orders. A shop's first order after a silence (`reclassify`) first gets the daily
   * pass of that day, so it is priced and credited with the status it had then.
   */
  async function order(
    accountId: string,
    userId: string,
    at: number,
    next: () => void,
    { reclassify = false } = {},
  ) {
    // Not quite the same every time: a line left out now and then, twice as much of another.
    const usual = await usualLines(accountId)
    const items = usual
      .filter((_, index) => index < 2 || random.next() > 0.2)
      .map((item) => ({ ...item, quantity: item.quantity * (random.next() < 0.25 ? 2 : 1) }))
    if (!items.length) return
    if (reclassify) await asOf(accountId, at)
    const account = await getBuyerAccount(accountId)
    await addItemsToCart(accountId, items)
    let cart = await loadPricedCart(prisma, account, new Date(at))
    // Tiers and offers lower the price of bigger quantities: topped up until nothing is missing.
    for (let round = 0; cart.missingForMinimumCents > 0 && round < 4; round++) {
      const times = Math.ceil(cart.missingForMinimumCents / Math.max(cart.totalCents, 1))
      await addItemsToCart(
        accountId,
        items.map((item) => ({ ...item, quantity: item.quantity * times })),
      )
      cart = await loadPricedCart(prisma, account, new Date(at))
    }
    const placed = await placeOrder({
      accountId,
      userId,
      idempotencyKey: `demo-story-${accountId}-${at}`,
      paymentMethod: 'TERMS',
      paymentTermCode: random.pick(account.paymentTermCodes),
      expectedTotalCents: cart.totalCents,
      now: new Date(at),
    })
    if (!placed.ok) throw new Error(`Demo story: ${accountId} could not order (${placed.code}).`)
    summary.orders++
    const id = placed.orderId
    // One order in twenty is cancelled before invoicing (its commission is reversed).
    if (random.next() < 0.05) {
      const cancelled = at + random.int(4, 20) * HOUR
      timeline.add(cancelled, () => moveOrder(id, { status: 'CANCELLED' }, cancelled))
    } else {
      const invoiced = at + random.int(18, 40) * HOUR
      const shipped = invoiced + random.int(6, 30) * HOUR
      const delivered = shipped + random.int(2, 6) * DAY
      timeline.add(invoiced, () =>
        moveOrder(id, { status: 'INVOICED', invoiceNumber: String(200_000 + id) }, invoiced),
      )
      timeline.add(shipped, () =>
        moveOrder(
          id,
          { status: 'SHIPPED', trackingCode: `BR${String(id).padStart(9, '0')}` },
          shipped,
        ),
      )
      timeline.add(delivered, () => moveOrder(id, { status: 'DELIVERED' }, delivered))
    }
    next()
  }

  /**
   * The account as it stood at `at`, before a shop's first online order: the seed wrote its
   * whole ERP history at once, so its status history and reactivations run to today. What lies
   * after `at` goes (a shop that moved online lost its later ERP orders and what they brought),
   * and the status and its history are rebuilt from the orders up to then, as the daily pass
   * had kept them.
   */
  async function asOf(accountId: string, at: number) {
    await prisma.reactivation.deleteMany({
      where: { accountId, reactivatedAt: { gt: new Date(at) } },
    })
    const latest = await prisma.reactivation.findFirst({
      where: { accountId },
      orderBy: { reactivatedAt: 'desc' },
      select: { reactivatedAt: true },
    })
    await prisma.account.update({
      where: { id: accountId },
      data: { reactivatedAt: latest?.reactivatedAt ?? null },
    })
    await syncAccounts(prisma, { accountIds: [accountId], now: new Date(at), rebuild: true })
  }

  async function moveOrder(
    orderId: number,
    change: Parameters<typeof setOrderStatus>[2],
    at: number,
  ) {
    const moved = await setOrderStatus(manager.id, orderId, change, new Date(at))
    if (!moved.ok) throw new Error(`Demo story: order ${orderId} refused ${change.status}.`)
  }

  /** A shop that came back keeps ordering at its own pace, unless it lapses again. */
  function keepOrdering(accountId: string, userId: string, from: number, habit: Habit) {
    if (random.next() < habit.lapse) return
    // Some days later, during business hours (8:00 to 18:00 in Brasília).
    const day = from + Math.round(habit.cadenceDays * (0.8 + random.next() * 0.4)) * DAY
    const at = day - (day % DAY) + random.int(11 * 60, 21 * 60) * 60_000
    timeline.add(at, () =>
      order(accountId, userId, at, () => keepOrdering(accountId, userId, at, habit)),
    )
  }

  /** The provider's part: sent and delivered a minute later, or bounced. */
  async function deliver(campaignId: string, sentAt: number) {
    const invitations = await prisma.invitation.findMany({
      where: { campaignId },
      orderBy: { email: 'asc' },
      select: { id: true, nonce: true, email: true, accountId: true },
    })
    summary.invitations += invitations.length
    await prisma.outboxMessage.updateMany({
      where: { invitation: { campaignId } },
      data: { status: 'SENT', attempts: 1, sentAt: new Date(sentAt) },
    })
    const delivered: typeof invitations = []
    for (const invitation of invitations) {
      const bounced = random.next() < 0.06
      await prisma.invitation.update({
        where: { id: invitation.id },
        data: {
          sentAt: new Date(sentAt),
          ...(bounced
            ? { bouncedAt: new Date(sentAt + 60_000) }
            : { deliveredAt: new Date(sentAt + 60_000) }),
        },
      })
      if (bounced) {
        // Bad contact data for the sales team, as the bounce webhook records it.
        await prisma.account.update({
          where: { id: invitation.accountId },
          data: {
            emailBouncedAt: new Date(sentAt + 60_000),
            emailBounceReason: 'Caixa postal inexistente (550 5.1.1)',
          },
        })
      } else delivered.push(invitation)
    }
    return delivered
  }

  /**
   * A campaign at `at`: queued by the product, delivered, then each shop's answer: a click some
   * hours or days later, a password set, a first order (when `orders` says so).
   */
  function campaign(
    at: number,
    filters: SegmentFilters,
    form: { name: string; subject: string; message: string; offerId: string | null },
    answer: {
      click: number
      clickWithinHours?: number
      activate: number
      /** When the shop first orders after setting its password, and how often it then orders. */
      orders: (accountId: string, activatedAt: number) => Promise<Habit | null>
    },
  ) {
    timeline.add(at, async () => {
      const created = await createCampaign(
        manager.id,
        filters,
        { ...form, locale: 'pt-BR', schedule: 'NOW' },
        new Date(at),
      )
      if (!created.ok) return
      summary.campaigns++
      const sentAt = at + 5 * 60_000
      for (const invitation of await deliver(created.campaignId, sentAt)) {
        const token = invitationToken(key, invitation.id, invitation.nonce)
        const roll = random.next()
        if (roll > answer.click) {
          // One in ten of those who never open it asks to stop receiving them.
          if (roll > 0.9)
            await optOut(
              invitation.email,
              'unsubscribe',
              new Date(sentAt + random.int(1, 48) * HOUR),
            )
          continue
        }
        const clickedAt = sentAt + random.int(1, answer.clickWithinHours ?? 72) * HOUR
        timeline.add(clickedAt, async () => {
          await viewInvitation(token, ip(), new Date(clickedAt))
        })
        if (random.next() > answer.activate) continue
        const activatedAt = clickedAt + random.int(2, 30) * 60_000
        timeline.add(activatedAt, async () => {
          const accepted = await acceptInvitationIntoCart(
            {
              token,
              name: `Compras ${invitation.email.split('@')[0]}`,
              password: DEMO_PASSWORD,
              confirm: DEMO_PASSWORD,
              ip: ip(),
            },
            new Date(activatedAt),
          )
          if (!accepted.ok) return
          summary.activated++
          const habit = await answer.orders(invitation.accountId, activatedAt)
          if (!habit) return
          const orderAt = activatedAt + habit.firstAfter
          timeline.add(orderAt, () =>
            order(
              invitation.accountId,
              accepted.userId,
              orderAt,
              () => keepOrdering(invitation.accountId, accepted.userId, orderAt, habit),
              { reclassify: true },
            ),
          )
        })
      }
    })
  }

  const comeBack = {
    subject: '{loja}, sentimos sua falta: condições especiais para voltar',
    message:
      'Olá, {loja}!\n\nFaz tempo que não recebemos um pedido seu. Agora você pode comprar pelo portal quando quiser, com 5% de desconto no primeiro pedido.\n\nSeu representante, {representante}, continua à disposição.',
    offerId: coupon.id,
  }
  // Two weeks after each launch, a reminder to the region's shops at risk, before they become
  // inactive.
  MONTHS.forEach(({ launch }, month) => {
    const at = dayOf(month, 17)
    campaign(
      at,
      // Silent for three to six months then, by the days since the last order (the status
      // stored is today's).
      SegmentFilters.parse({ minDays: 91, maxDays: 180, state: launch.state, hasLogin: 'no' }),
      {
        name: `Clientes em risco — ${launch.region}`,
        subject: '{loja}, já é hora de repor o estoque?',
        message:
          'Olá, {loja}!\n\nFaz algumas semanas que não recebemos seu pedido. Pelo portal você repete sua última compra em poucos cliques, quando quiser.\n\nSeu representante, {representante}, continua à disposição.',
        offerId: null,
      },
      {
        click: 0.25,
        activate: 0.75,
        orders: async () =>
          random.next() < 0.9
            ? { firstAfter: random.int(1, 72) * HOUR, cadenceDays: random.int(35, 60), lapse: 0.25 }
            : null,
      },
    )
  })

  const winBacks = [
    ...MONTHS.map(({ winBack }, month) => ({ ...winBack, at: dayOf(month, 10), latest: false })),
    { ...LATEST_WIN_BACK, at: end - 2 * DAY, latest: true },
  ]
  for (const step of winBacks) {
    campaign(
      step.at,
      SegmentFilters.parse({
        status: ['INACTIVE', 'LOST'],
        state: step.state,
        minDays: 181,
        hasLogin: 'no',
      }),
      { name: step.name, ...comeBack },
      {
        click: 0.45,
        // The newest campaign's shops answer within hours, so this month has reactivations.
        clickWithinHours: step.latest ? 30 : 72,
        activate: 0.75,
        // Most order within two days, then every month or so; some lapse again.
        orders: async () =>
          random.next() < 0.85
            ? {
                firstAfter: random.int(1, step.latest ? 8 : 48) * HOUR,
                cadenceDays: random.int(30, 50),
                lapse: 0.2,
              }
            : null,
      },
    )
  }

  // Launch, one region at a time: the active shops learn they can order online between the
  // rep's visits. Those that take it up order online from then on, at their own cadence,
  // instead of through the rep: their ERP orders after the switch become online ones.
  MONTHS.forEach(({ launch: region }, month) => {
    launch(dayOf(month, 3), region.state, `Lançamento do portal — ${region.region}`)
  })

  function launch(at: number, state: string, name: string) {
    campaign(
      at,
      SegmentFilters.parse({ status: ['ACTIVE', 'AT_RISK'], state, hasLogin: 'no' }),
      {
        name,
        subject: '{loja}, agora você pode fazer seus pedidos pelo portal',
        message:
          'Olá, {loja}!\n\nSeus pedidos agora podem ser feitos pelo portal, a qualquer hora, com os mesmos preços e prazos.\n\nSeu representante, {representante}, continua acompanhando sua conta.',
        offerId: null,
      },
      {
        click: 0.35,
        activate: 0.85,
        orders: async (accountId, activatedAt) => {
          const switched = {
            accountId,
            channel: 'OFFLINE' as const,
            placedAt: { gt: new Date(activatedAt) },
          }
          await prisma.orderLine.deleteMany({ where: { order: switched } })
          await prisma.order.deleteMany({ where: switched })
          const { medianIntervalDays } = await prisma.account.findUniqueOrThrow({
            where: { id: accountId },
            select: { medianIntervalDays: true },
          })
          const cadenceDays = Math.max(30, medianIntervalDays ?? 30)
          return { firstAfter: random.int(1, cadenceDays) * DAY, cadenceDays, lapse: 0.05 }
        },
      },
    )
  }

  // Payouts close on the 5th of each month for what was earned before.
  for (let month = 1; month <= STORY_MONTHS; month++) {
    const closing = dayOf(month, 5)
    timeline.add(closing, async () => {
      if (await closePayoutBatch(manager.id, new Date(closing))) summary.payouts++
    })
  }

  await timeline.play()

  // Mail of the story's past (order confirmations, status updates) is not sent today.
  await prisma.outboxMessage.deleteMany({ where: { status: 'PENDING' } })
  await prisma.rateLimiterFlexible.deleteMany({ where: { key: { contains: 'story-' } } })
  return summary
}

/**
 * This month's goals, set by the manager, with each rep about halfway there. Run after the
 * reactivations are derived again from the whole timeline (seed.ts), so it counts the final ones.
 */
export async function seedDemoGoals(now: Date) {
  const manager = await prisma.user.findUniqueOrThrow({ where: { email: 'gerente@reativa.dev' } })
  const month = monthOf(now)
  const actuals = await monthActuals(month)
  for (const rep of await prisma.rep.findMany({ where: { active: true }, select: { id: true } })) {
    const done = actuals.get(rep.id)
    await setRepGoals(manager.id, {
      month,
      repId: rep.id,
      goals: {
        reactivations: Math.max(1, 2 * (done?.reactivations ?? 0)),
        activeAccounts: Math.max(2, 2 * (done?.activeAccounts ?? 0)),
        onlineRevenueCents: Math.max(100_000, roundUp(2 * (done?.onlineRevenueCents ?? 0))),
      },
    })
  }
}

/**
 * A two-month reactivation contest the manager started a month ago for every active rep: the
 * rep area shows each one's place and what it pays so far, the back office its standing.
 */
export async function seedDemoContest(now: Date) {
  const manager = await prisma.user.findUniqueOrThrow({ where: { email: 'gerente@reativa.dev' } })
  const day = (offset: number) =>
    brazilianDay(localDateIn(new Date(now.getTime() + offset * DAY), BRASILIA_TIME_ZONE))!
  const reps = await prisma.rep.findMany({ where: { active: true }, select: { id: true } })
  await createContest(manager.id, {
    name: 'Desafio Volta às Compras',
    startsAt: day(-30),
    // Exclusive: the first moment after its last day, a month from now.
    endsAt: day(31),
    repIds: reps.map((rep) => rep.id),
    rule: {
      prizePerAccountCents: 5_000,
      minSilentDays: 180,
      topCount: 2,
      topBonusCents: 30_000,
    },
  })
}

/**
 * Yesterday the telesales team worked the top of its call queue: answers, a wrong number,
 * call-backs for today, and shops that said why they stopped, so the queue, the accounts'
 * timelines and the dashboard's reasons have something to show.
 */
export async function seedDemoCalls(now: Date) {
  const agent = await prisma.user.findUniqueOrThrow({ where: { email: 'televendas@reativa.dev' } })
  const today = localDateIn(now, BRASILIA_TIME_ZONE)
  const yesterday = brazilianDay(localDateIn(new Date(now.getTime() - DAY), BRASILIA_TIME_ZONE))!
  const { rows } = await callQueue({}, new Date(yesterday.getTime() + 12 * 3_600_000))
  const script: Record<string, string>[] = [
    { outcome: 'NO_ANSWER' },
    { outcome: 'REACHED', note: 'Vai ver o catálogo com o sócio e fazer o pedido pelo portal.' },
    {
      outcome: 'NOT_INTERESTED',
      reason: 'PRICE',
      note: 'Acha o cimento caro perto do depósito da cidade.',
    },
    { outcome: 'CALL_BACK', callBackOn: today, note: 'O comprador volta de férias hoje.' },
    { outcome: 'WRONG_NUMBER' },
    { outcome: 'NOT_INTERESTED', reason: 'COMPETITOR', note: 'Compra de um atacadista.' },
    { outcome: 'NOT_INTERESTED', reason: 'DELIVERY_OR_TERMS', note: 'Quer prazo de 60 dias.' },
    { outcome: 'NO_ANSWER' },
    { outcome: 'NOT_INTERESTED', reason: 'CREDIT' },
    { outcome: 'CALL_BACK', callBackOn: today },
    {
      outcome: 'NOT_INTERESTED',
      reason: 'REP_SERVICE',
      note: 'O representante não aparece há meses.',
    },
    { outcome: 'NOT_INTERESTED', reason: 'PRICE' },
  ]
  for (const [i, values] of script.entries()) {
    const row = rows[i]
    if (!row) break
    const input = ContactLogSchema.parse({ accountId: row.id, ...values })
    // From 9:00 in Brasília (12:00 UTC), one call every 12 minutes.
    await logContact(agent, input, new Date(yesterday.getTime() + (9 + i / 5) * 3_600_000))
  }
}
