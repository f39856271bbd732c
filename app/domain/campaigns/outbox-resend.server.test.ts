import crypto from 'node:crypto'
import { Webhook } from 'svix'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAccount, createErpOrder, createProduct, createUser } from '#tests/fixtures/factories'
import { startFakeResend, type FakeResend } from '#tests/support/fake-resend'
import { prisma } from '~/utils/db.server'
import { createElement } from 'react'
import { sendEmail, sendWithResend } from '~/utils/email.server'
import { createCampaign, retryFailed, SegmentFilters } from './campaigns.server'
import {
  claimDue,
  drainOutbox,
  outboxCounts,
  providerPacer,
  releaseAbandonedSends,
} from './outbox.server'
import { handleResendWebhook } from './resend-webhook.server'

// The SDK reads its base URL when it is imported, and settings are read on first use: set
// them before anything is imported.
const resendPort = 12_400 + Number(process.env.VITEST_POOL_ID ?? 0)
const WEBHOOK_SECRET = `whsec_${Buffer.from('reativa-resend-webhook-suite-key').toString('base64')}`
vi.hoisted(() => {
  process.env.RESEND_API_KEY = 're_test_suite_key'
  process.env.RESEND_BASE_URL = `http://127.0.0.1:${12_400 + Number(process.env.VITEST_POOL_ID ?? 0)}`
  process.env.RESEND_WEBHOOK_SECRET = `whsec_${Buffer.from('reativa-resend-webhook-suite-key').toString('base64')}`
})

let fake: FakeResend
beforeAll(async () => {
  fake = await startFakeResend(resendPort)
})
afterAll(() => fake.close())
beforeEach(async () => {
  fake.clearFailures()
  fake.deliveries.length = 0
  fake.calls.length = 0
  // Each test sees only its own messages.
  await prisma.outboxMessage.deleteMany()
})

const DAY = 86_400_000
const form = {
  name: 'Volta',
  locale: 'en' as const,
  subject: '{account}, we miss you',
  message: 'Hello {account}, your rep {rep} says hi.',
  offerId: null,
  schedule: 'NOW' as const,
}

async function queueCampaign(size: number) {
  const state = `R${crypto.randomBytes(2).toString('hex').toUpperCase()}`
  for (let i = 0; i < size; i++) {
    await createAccount({
      status: 'INACTIVE',
      state,
      email: `shop-${crypto.randomUUID()}@test.example`,
      lastOrderAt: new Date(Date.now() - 200 * DAY),
    })
  }
  const manager = await createUser({ role: 'MANAGER' })
  const created = await createCampaign(manager.id, SegmentFilters.parse({ state }), form)
  if (!created.ok) throw new Error(created.code)
  return created.campaignId
}

/** Drains until nothing is left to send, as the worker would over time (backoff shortened). */
async function drainUntilSettled(ratePerSecond = 1000) {
  for (let round = 0; round < 50; round++) {
    await drainOutbox({ ratePerSecond, backoffMs: () => 0 })
    const left = await prisma.outboxMessage.count({
      where: { status: { in: ['PENDING', 'SENDING'] } },
    })
    if (!left) return round
  }
  throw new Error('the outbox never settled')
}

describe('the outbox with Resend', () => {
  it('sends every email exactly once although the first attempts fail with 500 and 429', async () => {
    const campaignId = await queueCampaign(6)
    fake.failNext(5, 500)
    fake.failNext(4, 429)
    await drainUntilSettled()

    const messages = await prisma.outboxMessage.findMany({ where: { invitation: { campaignId } } })
    expect(messages.every((m) => m.status === 'SENT' && m.providerMessageId)).toBe(true)
    expect(messages.some((m) => m.attempts > 1)).toBe(true)
    expect(fake.calls.filter((c) => c.status !== 200).length).toBe(9)
    // One delivery per message, under its own idempotency key.
    expect(fake.deliveries).toHaveLength(6)
    expect(new Set(fake.deliveries.map((d) => d.idempotencyKey))).toEqual(
      new Set(messages.map((m) => m.idempotencyKey)),
    )
    const delivery = fake.deliveries[0]!
    expect(delivery.subject).toMatch(/, we miss you$/)
    expect(delivery.headers['List-Unsubscribe']).toMatch(/^<http.*\/unsubscribe\?e=/)
    expect(delivery.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    const invitations = await prisma.invitation.findMany({ where: { campaignId } })
    expect(invitations.every((i) => i.sentAt)).toBe(true)
  })

  it('lists each account’s usual order in its own invitation, and none where there is no habit', async () => {
    const state = `U${crypto.randomBytes(2).toString('hex').toUpperCase()}`
    const regular = await createAccount({
      status: 'INACTIVE',
      state,
      email: `u-${crypto.randomUUID()}@test.example`,
    })
    const other = await createAccount({
      status: 'INACTIVE',
      state,
      email: `o-${crypto.randomUUID()}@test.example`,
    })
    // A name that must come out escaped, with a "$&" that a string replacement would expand.
    const cement = await createProduct({ name: 'Cimento <CP II> & $& 50 kg', packSize: 10 })
    for (const [daysAgo, quantity] of [
      [200, 30],
      [230, 40],
    ] as const)
      await createErpOrder(regular.id, [{ productId: cement.id, sku: cement.sku, quantity }], {
        daysAgo,
      })
    await createErpOrder(other.id, [{ productId: cement.id, sku: cement.sku, quantity: 5 }], {
      daysAgo: 200,
    })
    const manager = await createUser({ role: 'MANAGER' })
    const created = await createCampaign(manager.id, SegmentFilters.parse({ state }), form)
    if (!created.ok) throw new Error(created.code)
    await drainUntilSettled()

    const to = (email: string | null) => fake.deliveries.find((d) => d.to.includes(email!))!
    const withBasket = to(regular.email)
    expect(withBasket.html).toContain('Your usual order')
    expect(withBasket.html).toContain('Cimento &lt;CP II&gt; &amp; $&amp; 50 kg')
    // The median of 30 and 40, rounded up to whole packs of 10.
    expect(withBasket.text).toContain(`- Cimento <CP II> & $& 50 kg (${cement.sku}): 40 UN\n`)
    const without = to(other.email)
    expect(without.html).not.toContain('Your usual order')
    for (const delivery of [withBasket, without]) {
      expect(delivery.html).not.toContain('RTVMARK')
      expect(delivery.text).not.toContain('RTVMARK')
    }
  })

  it('a worker that crashed after sending resends with the same key, and nothing is sent twice', async () => {
    await queueCampaign(3)
    const start = new Date()
    // A worker claims everything, sends one email, and dies before recording anything.
    const claimed = await claimDue(10, start, 60_000)
    expect(claimed).toHaveLength(3)
    await sendWithResend(
      { to: claimed[0]!.to, subject: 'x', html: '<p>x</p>', text: 'x' },
      claimed[0]!.idempotencyKey,
    )
    expect(fake.deliveries).toHaveLength(1)
    // Nothing is due while the lease holds.
    expect(await claimDue(10, new Date(start.getTime() + 30_000), 60_000)).toHaveLength(0)
    // After it, a new worker takes the messages over.
    await drainOutbox({ ratePerSecond: 1000, now: () => new Date(start.getTime() + 61_000) })
    const messages = await prisma.outboxMessage.findMany()
    expect(messages.every((m) => m.status === 'SENT' && m.attempts === 2)).toBe(true)
    expect(fake.deliveries).toHaveLength(3)
    expect(fake.calls.filter((c) => c.idempotencyKey === claimed[0]!.idempotencyKey)).toHaveLength(
      2,
    )
  })

  it('gives up at once on an email the provider says is invalid; the manager can queue it again', async () => {
    const campaignId = await queueCampaign(1)
    fake.failNext(1, 422)
    const result = await drainOutbox({ ratePerSecond: 1000, backoffMs: () => 0 })
    expect(result).toMatchObject({ failed: 1, sent: 0 })
    const message = await prisma.outboxMessage.findFirstOrThrow()
    expect(message).toMatchObject({ status: 'FAILED', attempts: 1 })
    expect(message.lastError).toContain('validation_error')
    expect(await outboxCounts(campaignId)).toMatchObject({ FAILED: 1, SENT: 0 })

    const manager = await createUser({ role: 'MANAGER' })
    expect(await retryFailed(manager.id, campaignId)).toBe(1)
    await drainOutbox({ ratePerSecond: 1000 })
    expect(await outboxCounts(campaignId)).toMatchObject({ FAILED: 0, SENT: 1 })
    expect(fake.deliveries).toHaveLength(1)
    expect(await retryFailed(manager.id, campaignId)).toBe(0)
  })

  it('starts sends no faster than the rate limit', async () => {
    await queueCampaign(8)
    await drainOutbox({ ratePerSecond: 20 })
    const times = fake.calls.map((c) => c.at).sort((a, b) => a - b)
    expect(times).toHaveLength(8)
    // Eight requests at 20 per second span at least seven intervals of 50 ms (less a little
    // network jitter); unpaced, they would all arrive within a few milliseconds.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(7 * 50 - 30)
  })

  it('keeps a queued order confirmation through a provider outage and sends it once, then forgets its body', async () => {
    const buyer = await createUser({ role: 'BUYER' })
    // Queued twice under the same key (a retried checkout): still one email.
    for (let attempt = 0; attempt < 2; attempt++)
      await sendEmail({
        kind: 'order-confirmation',
        key: 'outage-1',
        to: buyer.email,
        subject: 'Pedido recebido',
        react: createElement('p', null, 'Obrigado pelo pedido'),
      })
    fake.failNext(3, 500)
    await drainUntilSettled()

    expect(fake.deliveries).toHaveLength(1)
    expect(fake.deliveries[0]).toMatchObject({
      to: buyer.email,
      subject: 'Pedido recebido',
      idempotencyKey: 'order-confirmation:outage-1',
    })
    expect(fake.deliveries[0]!.html).toContain('Obrigado pelo pedido')
    const message = await prisma.outboxMessage.findUniqueOrThrow({
      where: { idempotencyKey: 'order-confirmation:outage-1' },
    })
    expect(message).toMatchObject({ status: 'SENT', attempts: 4, html: null, text: null })
  })

  it('puts back at once what a dead sender had claimed, and sends it once', async () => {
    await queueCampaign(3)
    // A sender claimed everything and died before sending: the lease would hold for minutes.
    const claimed = await claimDue(10, new Date())
    expect(claimed).toHaveLength(3)
    expect(await drainOutbox({ ratePerSecond: 1000 })).toMatchObject({ sent: 0 })
    // The next holder of the outbox job takes it back without waiting.
    expect(await releaseAbandonedSends()).toBe(3)
    await drainUntilSettled()
    expect(new Set(fake.deliveries.map((d) => d.idempotencyKey)).size).toBe(3)
    expect(fake.deliveries).toHaveLength(3)
  })
})

describe('pacing provider requests', () => {
  it('never lets more requests start in any second than the rate, however many lanes ask', async () => {
    const pace = providerPacer(20)
    const starts: number[] = []
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 12; i++) {
          await pace()
          starts.push(performance.now())
        }
      }),
    )
    starts.sort((a, b) => a - b)
    expect(starts).toHaveLength(48)
    let busiest = 0
    for (let i = 0; i < starts.length; i++) {
      let j = i
      while (j < starts.length && starts[j]! - starts[i]! < 1000) j++
      busiest = Math.max(busiest, j - i)
    }
    expect(busiest).toBeLessThanOrEqual(20)
    // …and keeps close to the rate: 48 requests at 20/s take about 2.5 s (the window costs 10 %).
    expect(starts.at(-1)! - starts[0]!).toBeLessThan(3_200)
  })
})

describe('Resend webhooks', () => {
  const wh = new Webhook(WEBHOOK_SECRET)
  function delivery(type: string, emailId: string, extra: Record<string, unknown> = {}) {
    const id = `msg_${crypto.randomUUID()}`
    const payload = JSON.stringify({
      type,
      created_at: new Date().toISOString(),
      data: { email_id: emailId, ...extra },
    })
    const now = new Date()
    const headers = new Headers({
      'svix-id': id,
      'svix-timestamp': String(Math.floor(now.getTime() / 1000)),
      'svix-signature': wh.sign(id, now, payload),
    })
    return { payload, headers }
  }

  async function sentInvitation() {
    const campaignId = await queueCampaign(1)
    await drainOutbox({ ratePerSecond: 1000 })
    const message = await prisma.outboxMessage.findFirstOrThrow({
      where: { invitation: { campaignId } },
    })
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { campaignId } })
    return { emailId: message.providerMessageId!, invitation }
  }

  it('records delivery and click once, however often they are replayed', async () => {
    const { emailId, invitation } = await sentInvitation()
    const delivered = delivery('email.delivered', emailId)
    for (let i = 0; i < 3; i++) await handleResendWebhook(delivered.payload, delivered.headers)
    const clicked = delivery('email.clicked', emailId)
    expect(await handleResendWebhook(clicked.payload, clicked.headers)).toEqual({
      status: 200,
      outcome: 'applied',
    })
    expect(await handleResendWebhook(clicked.payload, clicked.headers)).toEqual({
      status: 200,
      outcome: 'duplicate',
    })
    const after = await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })
    expect(after.deliveredAt).not.toBeNull()
    expect(after.clickedAt).not.toBeNull()
    expect(await prisma.resendEvent.count()).toBeGreaterThanOrEqual(2)
  })

  it('a bounce marks the contact as bad data; a complaint unsubscribes the address', async () => {
    const { emailId, invitation } = await sentInvitation()
    const bounced = delivery('email.bounced', emailId, {
      bounce: { message: 'Mailbox does not exist' },
    })
    await handleResendWebhook(bounced.payload, bounced.headers)
    const account = await prisma.account.findUniqueOrThrow({ where: { id: invitation.accountId } })
    expect(account.emailBouncedAt).not.toBeNull()
    expect(account.emailBounceReason).toBe('Mailbox does not exist')

    const complained = delivery('email.complained', emailId)
    await handleResendWebhook(complained.payload, complained.headers)
    expect(
      await prisma.emailOptOut.findUnique({ where: { email: invitation.email } }),
    ).toMatchObject({
      reason: 'complaint',
    })
  })

  it('refuses a bad signature with 400 and changes nothing; acknowledges an unknown email', async () => {
    const { emailId, invitation } = await sentInvitation()
    const genuine = delivery('email.bounced', emailId)
    const forged = new Headers(genuine.headers)
    forged.set(
      'svix-signature',
      new Webhook(`whsec_${Buffer.from('someone-else').toString('base64')}`).sign(
        genuine.headers.get('svix-id')!,
        new Date(),
        genuine.payload,
      ),
    )
    expect(await handleResendWebhook(genuine.payload, forged)).toEqual({
      status: 400,
      outcome: 'bad_signature',
    })
    const tampered = genuine.payload.replace('email.bounced', 'email.clicked')
    expect((await handleResendWebhook(tampered, genuine.headers)).status).toBe(400)
    expect(
      (await prisma.account.findUniqueOrThrow({ where: { id: invitation.accountId } }))
        .emailBouncedAt,
    ).toBeNull()

    const unknown = delivery('email.delivered', 'not-one-of-ours')
    expect(await handleResendWebhook(unknown.payload, unknown.headers)).toEqual({
      status: 200,
      outcome: 'unknown_email',
    })
  })
})
