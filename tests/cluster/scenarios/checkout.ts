import { createOffer } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { translator } from '~/utils/i18n.server'
import { type Answer, fieldValue, showsMessage } from '../client'
import { buyersWithCarts, standaloneProduct } from '../fixtures'
import { waitFor } from '../processes'
import { type Scenario, seconds, tally } from '../report'

const t = translator('pt-BR')

/** The checkout form of a rendered cart page, as the browser would submit it. */
function checkoutForm(cart: Answer): Record<string, string> {
  if (cart.status !== 200) throw new Error(`the cart page answered ${cart.status}`)
  const fields = {
    intent: 'checkout',
    idempotencyKey: fieldValue(cart.html, 'idempotencyKey'),
    expectedTotalCents: fieldValue(cart.html, 'expectedTotalCents'),
    payment: fieldValue(cart.html, 'payment'),
  }
  for (const [name, value] of Object.entries(fields))
    if (!value) throw new Error(`the cart page has no checkout field "${name}"`)
  return fields as Record<string, string>
}

/** The order a checkout answer redirects to (`/orders/<id>?placed=1`), or null. */
function placedOrderId(answer: Answer): number | null {
  const match = /^\/orders\/(\d+)/.exec(answer.location ?? '')
  return answer.status === 302 && match ? Number(match[1]) : null
}

export const doubleSubmittedCheckouts: Scenario = {
  id: 'a',
  title:
    '100 checkouts, each submitted twice at once to two instances, place one order each and queue one confirmation each',
  timeoutMs: 150_000,
  async run({ robin, fake }, report) {
    const product = await standaloneProduct(2_500)
    const buyers = await buyersWithCarts(100, { productId: product.id, quantity: 2 })

    const started = Date.now()
    const checkouts = await Promise.all(
      buyers.map(async (buyer) => {
        const home = robin.next()
        const form = checkoutForm(await buyer.browser.get(home, '/cart'))
        // A double click whose two posts reach two different instances.
        const answers = await Promise.all(
          [robin.after(home, 1), robin.after(home, 2)].map((origin) =>
            buyer.browser.postForm(origin, '/cart', form),
          ),
        )
        return { buyer, key: form.idempotencyKey!, orderIds: answers.map(placedOrderId), answers }
      }),
    )
    report.note('time to render and submit 100 checkouts twice', seconds(Date.now() - started))

    const answeredWithOneOrder = checkouts.filter(
      ({ orderIds: [first, second] }) => first !== null && first === second,
    )
    report.equal(
      'checkouts whose two submissions both redirect to the same order',
      answeredWithOneOrder.length,
      100,
    )
    const statuses = tally(checkouts.flatMap((c) => c.answers.map((a) => a.status)))
    report.note('answers by status', JSON.stringify(Object.fromEntries(statuses)))

    const accountIds = buyers.map((b) => b.accountId)
    const orders = await prisma.order.findMany({
      where: { accountId: { in: accountIds } },
      select: { id: true, accountId: true, idempotencyKey: true },
    })
    report.equal('orders placed by the 100 accounts', orders.length, 100)
    report.equal(
      'accounts with exactly one order',
      [...tally(orders.map((o) => o.accountId)).values()].filter((n) => n === 1).length,
      100,
    )
    const keys = new Set(checkouts.map((c) => c.key))
    report.equal(
      'orders carrying the rendered idempotency keys',
      orders.filter((o) => o.idempotencyKey && keys.has(o.idempotencyKey)).length,
      100,
    )

    // Each buyer gets nothing but the confirmation of their order.
    const emails = buyers.map((b) => b.email)
    const queued = await prisma.outboxMessage.findMany({
      where: { to: { in: emails } },
      select: { idempotencyKey: true, to: true, kind: true },
    })
    report.equal('confirmation emails queued', queued.length, 100)
    report.equal(
      'buyers with exactly one confirmation queued',
      [...tally(queued.map((m) => m.to)).values()].filter((n) => n === 1).length,
      100,
    )

    // And the worker sends each once.
    await waitFor(
      'the confirmations to be sent',
      async () =>
        (await prisma.outboxMessage.count({
          where: { to: { in: emails }, status: { in: ['PENDING', 'SENDING'] } },
        })) === 0 || undefined,
      { timeoutMs: 60_000, intervalMs: 500 },
    )
    const buyerEmails = new Set(emails)
    const perBuyer = tally(fake.deliveries.filter((d) => buyerEmails.has(d.to)).map((d) => d.to))
    report.equal('buyers whose confirmation reached Resend', perBuyer.size, 100)
    report.equal(
      'buyers who received more than one email',
      [...perBuyer.values()].filter((n) => n > 1).length,
      0,
    )
  },
}

export const couponLimitUnderRace: Scenario = {
  id: 'b',
  title:
    'a coupon limited to 10 redemptions, raced for by 50 checkouts across the instances, is redeemed exactly 10 times',
  timeoutMs: 120_000,
  async run({ robin }, report) {
    const LIMIT = 10
    const product = await standaloneProduct(4_000)
    const buyers = await buyersWithCarts(50, { productId: product.id, quantity: 1 })
    const offer = await createOffer({
      maxRedemptions: LIMIT,
      discountType: 'PERCENT',
      discountValue: 1_000, // 10 %
    })

    // Every buyer applies the code, then renders the cart with the discount on another instance.
    const applied = await Promise.all(
      buyers.map((buyer) =>
        buyer.browser.postForm(robin.next(), '/cart', { intent: 'coupon', code: offer.code! }),
      ),
    )
    report.equal(
      'buyers whose cart accepted the code',
      applied.filter((a) => a.status === 200).length,
      50,
    )
    const rendered = await Promise.all(
      buyers.map(async (buyer) => {
        const home = robin.next()
        return { buyer, home, form: checkoutForm(await buyer.browser.get(home, '/cart')) }
      }),
    )
    const discounted = rendered.filter((r) => Number(r.form.expectedTotalCents) === 3_600)
    report.equal('carts showing the 10 % discount (R$ 40,00 → R$ 36,00)', discounted.length, 50)

    // All 50 submit at once, each to an instance other than the one that rendered the page.
    const started = Date.now()
    const answers = await Promise.all(
      rendered.map(({ buyer, home, form }) =>
        buyer.browser.postForm(robin.after(home), '/cart', form),
      ),
    )
    report.note('time for the 50 racing checkouts', seconds(Date.now() - started))
    const placed = answers.filter((a) => placedOrderId(a) !== null)
    const refusals = [t('checkout.OFFER_EXHAUSTED'), t('checkout.PRICE_CHANGED')]
    const refused = answers.filter(
      (a) => a.status === 400 && refusals.some((message) => showsMessage(a.html, message)),
    )
    const exhausted = refused.filter((a) => showsMessage(a.html, t('checkout.OFFER_EXHAUSTED')))
    report.note('checkouts placed', placed.length)
    report.note(
      'checkouts refused (offer ran out / price changed)',
      `${refused.length} (${exhausted.length} / ${refused.length - exhausted.length})`,
    )
    report.equal(
      'checkouts neither placed nor refused with a message',
      50 - placed.length - refused.length,
      0,
    )

    const after = await prisma.offer.findUniqueOrThrow({
      where: { id: offer.id },
      select: { redemptionCount: true },
    })
    report.equal("the offer's redemption counter", after.redemptionCount, LIMIT)
    report.equal(
      'redemptions recorded',
      await prisma.offerRedemption.count({ where: { offerId: offer.id } }),
      LIMIT,
    )
    const orders = await prisma.order.findMany({
      where: { accountId: { in: buyers.map((b) => b.accountId) } },
      select: {
        discountCents: true,
        _count: { select: { redemptions: { where: { offerId: offer.id } } } },
      },
    })
    const withCoupon = orders.filter((o) => o._count.redemptions > 0)
    report.equal('orders with the coupon', withCoupon.length, LIMIT)
    report.equal(
      'orders with the coupon discounted by R$ 4,00',
      withCoupon.filter((o) => o.discountCents === 400).length,
      LIMIT,
    )
    report.equal(
      'orders without the coupon that carry a discount anyway',
      orders.filter((o) => o._count.redemptions === 0 && o.discountCents !== 0).length,
      0,
    )
    report.equal(
      'orders placed in all (answers that redirected to an order)',
      orders.length,
      placed.length,
    )
  },
}
