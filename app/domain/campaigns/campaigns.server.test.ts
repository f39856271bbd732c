import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  createAccount,
  createFamily,
  createOffer,
  createProduct,
  createRep,
  createUser,
  orderProduct,
} from '#tests/fixtures/factories'
import { hashPassword } from '~/utils/password.server'
import { prisma } from '~/utils/db.server'
import { acceptInvitationIntoCart } from '~/domain/orders/invitation-landing.server'
import { optOut, viewInvitation } from './invitations.server'
import {
  cancelCampaign,
  createCampaign,
  nextRunAfter,
  segmentFromParams,
  segmentSize,
  runCampaign,
  runDueCampaigns,
  sendPersonalInvitation,
  SegmentFilters,
} from './campaigns.server'
import { campaignFunnel } from './funnel.server'
import { unsubscribeUrl, verifyUnsubscribe } from './links.server'
import { drainOutbox } from './outbox.server'

const DAY = 86_400_000
const form = {
  name: 'Volta PE',
  locale: 'pt-BR' as const,
  subject: '{loja}, sentimos sua falta',
  message: 'Olá, {loja}! Fale com {representante}.',
  offerId: null,
  schedule: 'NOW' as const,
}
const segment = (state: string) => SegmentFilters.parse({ status: ['INACTIVE'], state })
const email = () => `loja-${crypto.randomUUID()}@test.example`
const fast = { ratePerSecond: 1000, backoffMs: () => 0 }

/** A state code no other test uses, so segments only see this test's accounts. */
function freshState() {
  return `Z${crypto.randomBytes(2).toString('hex').toUpperCase()}`
}

async function inactiveAccount(state: string, extra: Parameters<typeof createAccount>[0] = {}) {
  return createAccount({
    status: 'INACTIVE',
    state,
    email: email(),
    lastOrderAt: new Date(Date.now() - 200 * DAY),
    ...extra,
  })
}

/** The invitation link the worker put in the dev mailbox for `to`. */
async function mailedLink(to: string) {
  const mail = await prisma.mailboxMessage.findFirstOrThrow({
    where: { to },
    orderBy: { createdAt: 'desc' },
  })
  const invite = /\/invite\/([^"\s<]+)/.exec(mail.text)?.[1]
  const unsubscribe = /(http[^"\s<]*\/unsubscribe\?[^"\s<]+)/.exec(mail.text)?.[1]
  if (!invite || !unsubscribe) throw new Error(`no links in the email: ${mail.text}`)
  return {
    mail,
    token: decodeURIComponent(invite),
    unsubscribe: unsubscribe.replace(/&amp;/g, '&'),
  }
}

describe('campaigns', () => {
  it('queues one invitation per reachable account of the segment, and skips the rest with reasons', async () => {
    const state = freshState()
    const manager = await createUser({ role: 'MANAGER' })
    const reachable = [await inactiveAccount(state), await inactiveAccount(state)]
    await inactiveAccount(state, { email: null })
    await inactiveAccount(state, { emailBouncedAt: new Date() })
    const optedOut = await inactiveAccount(state)
    await optOut(optedOut.email!, 'unsubscribe')
    await createAccount({ status: 'ACTIVE', state, email: email() })

    const result = await createCampaign(manager.id, segment(state), form)
    expect(result).toMatchObject({ ok: true, queued: 2 })
    if (!result.ok) return
    const invitations = await prisma.invitation.findMany({
      where: { campaignId: result.campaignId },
    })
    expect(invitations.map((i) => i.accountId).sort()).toEqual(reachable.map((a) => a.id).sort())
    const outbox = await prisma.outboxMessage.findMany({
      where: { invitationId: { in: invitations.map((i) => i.id) } },
    })
    expect(outbox).toHaveLength(2)
    expect(
      outbox.every(
        (m) => m.status === 'PENDING' && m.idempotencyKey === `invitation:${m.invitationId}`,
      ),
    ).toBe(true)
  })

  it('narrows a segment to the accounts that bought from a family or its sub-families', async () => {
    const state = freshState()
    const paint = await createFamily({ name: 'Tintas' })
    const enamel = await createFamily({ name: 'Esmaltes', parentId: paint.id })
    const other = await createFamily({ name: 'Outros' })
    const buyers = [
      await inactiveAccount(state),
      await inactiveAccount(state),
      await inactiveAccount(state),
    ]
    const products = [
      await createProduct({ familyId: paint.id }),
      await createProduct({ familyId: enamel.id }),
      await createProduct({ familyId: other.id }),
    ]
    for (const [index, account] of buyers.entries()) {
      await prisma.order.create({
        data: {
          accountId: account.id,
          channel: 'OFFLINE',
          paymentMethod: 'ERP',
          subtotalCents: 1000,
          totalCents: 1000,
          placedAt: new Date(Date.now() - 200 * DAY),
          lines: {
            create: {
              productId: products[index]!.id,
              sku: products[index]!.sku,
              name: products[index]!.name,
              quantity: 1,
              unitPriceCents: 1000,
              totalCents: 1000,
            },
          },
        },
      })
    }
    const size = await segmentSize(SegmentFilters.parse({ state, family: [paint.id] }))
    expect(size).toMatchObject({ total: 2, reachable: 2 })
    expect(await segmentSize(SegmentFilters.parse({ state, family: [other.id] }))).toMatchObject({
      total: 1,
    })
    expect(await segmentSize(SegmentFilters.parse({ state }))).toMatchObject({ total: 3 })
  })

  it('refuses an empty segment, an unknown placeholder and a date in the past, writing nothing', async () => {
    const state = freshState()
    const manager = await createUser({ role: 'MANAGER' })
    const before = await prisma.campaign.count()
    expect(await createCampaign(manager.id, segment(state), form)).toMatchObject({
      ok: false,
      code: 'EMPTY_SEGMENT',
    })
    await inactiveAccount(state)
    expect(
      await createCampaign(manager.id, segment(state), {
        ...form,
        message: 'Olá {cliente}, volte!',
      }),
    ).toMatchObject({ ok: false, code: 'UNKNOWN_PLACEHOLDER', detail: '{cliente}' })
    expect(
      await createCampaign(manager.id, segment(state), {
        ...form,
        schedule: 'ONCE',
        startsAt: new Date(Date.now() - 60_000),
      }),
    ).toMatchObject({ ok: false, code: 'START_IN_PAST' })
    expect(await prisma.campaign.count()).toBe(before)
  })

  it('queues a run once even when two workers run it at the same moment', async () => {
    const state = freshState()
    const manager = await createUser({ role: 'MANAGER' })
    await inactiveAccount(state)
    await inactiveAccount(state)
    const start = new Date(Date.now() + 3_600_000)
    const created = await createCampaign(manager.id, segment(state), {
      ...form,
      schedule: 'ONCE',
      startsAt: start,
    })
    expect(created).toMatchObject({ ok: true, queued: null })
    if (!created.ok) return
    const later = new Date(start.getTime() + 1000)
    const runs = await Promise.all([
      runCampaign(created.campaignId, later),
      runCampaign(created.campaignId, later),
    ])
    expect(runs.filter(Boolean)).toHaveLength(1)
    expect(await prisma.invitation.count({ where: { campaignId: created.campaignId } })).toBe(2)
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: created.campaignId } })
    expect(campaign).toMatchObject({ runs: 1, nextRunAt: null })
  })

  it('repeats a monthly campaign only for accounts still inactive', async () => {
    const state = freshState()
    const manager = await createUser({ role: 'MANAGER' })
    const stays = await inactiveAccount(state)
    const comesBack = await inactiveAccount(state)
    const start = new Date()
    const created = await createCampaign(manager.id, SegmentFilters.parse({ state }), {
      ...form,
      schedule: 'MONTHLY',
      startsAt: start,
    })
    expect(created).toMatchObject({ ok: true, queued: 2 })
    if (!created.ok) return
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: created.campaignId } })
    expect(campaign.nextRunAt!.getTime() - start.getTime()).toBeGreaterThanOrEqual(28 * DAY)

    await prisma.account.update({ where: { id: comesBack.id }, data: { status: 'ACTIVE' } })
    expect(await runDueCampaigns(new Date(campaign.nextRunAt!.getTime() - 1000))).toBe(0)
    expect(await runDueCampaigns(new Date(campaign.nextRunAt!.getTime() + 1000))).toBe(1)
    const second = await prisma.invitation.findMany({
      where: { campaignId: created.campaignId, run: 2 },
    })
    expect(second.map((i) => i.accountId)).toEqual([stays.id])
  })

  it('cancelling drops what is still queued and stops future runs', async () => {
    const state = freshState()
    const manager = await createUser({ role: 'MANAGER' })
    await inactiveAccount(state)
    const created = await createCampaign(manager.id, segment(state), {
      ...form,
      schedule: 'FORTNIGHTLY',
      startsAt: new Date(),
    })
    if (!created.ok) throw new Error(created.code)
    expect(await cancelCampaign(manager.id, created.campaignId)).toEqual({ ok: true, dropped: 1 })
    const message = await prisma.outboxMessage.findFirstOrThrow({
      where: { invitation: { campaignId: created.campaignId } },
    })
    expect(message.status).toBe('CANCELLED')
    expect(
      (await prisma.campaign.findUniqueOrThrow({ where: { id: created.campaignId } })).nextRunAt,
    ).toBeNull()
  })
})

describe('schedules and segment input', () => {
  it('a recurring campaign that missed runs while the server was down runs once, then keeps its rhythm', () => {
    const due = new Date('2026-01-01T12:00:00Z')
    const now = new Date('2026-03-20T12:00:00Z')
    expect(nextRunAfter('MONTHLY', due, now)?.toISOString()).toBe('2026-04-01T12:00:00.000Z')
    expect(nextRunAfter('FORTNIGHTLY', due, due)?.toISOString()).toBe('2026-01-15T12:00:00.000Z')
    expect(nextRunAfter('ONCE', due, now)).toBeNull()
    expect(nextRunAfter('NOW', due, now)).toBeNull()
  })

  it('reads a segment from a form, and refuses values out of range instead of failing', () => {
    const params = new URLSearchParams(
      'status=INACTIVE&status=LOST&state=PE&minDays=180&family=f1&name=x',
    )
    expect(segmentFromParams(params)).toMatchObject({
      status: ['INACTIVE', 'LOST'],
      state: 'PE',
      minDays: 180,
      family: ['f1'],
    })
    expect(segmentFromParams(new URLSearchParams('status=GONE'))).toBeNull()
    expect(segmentFromParams(new URLSearchParams('minDays=-3'))).toBeNull()
    expect(segmentFromParams(new URLSearchParams('maxDays=muitos'))).toBeNull()
  })
})

describe('the outbox with the dev mailbox', () => {
  it('delivers each invitation once, with its link, the offer and an unsubscribe link', async () => {
    const state = freshState()
    const manager = await createUser({ role: 'MANAGER' })
    const rep = await createRep()
    const account = await inactiveAccount(state, { repId: rep.id })
    const offer = await createOffer({ description: '10% no pedido' })
    const created = await createCampaign(manager.id, segment(state), { ...form, offerId: offer.id })
    if (!created.ok) throw new Error(created.code)

    await drainOutbox(fast)
    await drainOutbox(fast)
    const mails = await prisma.mailboxMessage.findMany({ where: { to: account.email! } })
    expect(mails).toHaveLength(1)
    const { mail, token, unsubscribe } = await mailedLink(account.email!)
    expect(mail.subject).toBe(`${account.tradeName}, sentimos sua falta`)
    expect(mail.text).toContain(`Fale com ${rep.name}`)
    expect(mail.text).toContain(offer.code!)
    // Only the token's hash is stored.
    const invitation = await prisma.invitation.findFirstOrThrow({
      where: { campaignId: created.campaignId },
    })
    expect(invitation.tokenHash).not.toContain(token.split('.')[1])
    expect(invitation.sentAt).not.toBeNull()
    const url = new URL(unsubscribe)
    expect(await verifyUnsubscribe(url.searchParams.get('e'), url.searchParams.get('s'))).toBe(
      account.email,
    )
  })

  it('renders each account into the shared template, escaped in HTML, and without a rep says so', async () => {
    const state = freshState()
    const manager = await createUser({ role: 'MANAGER' })
    const odd = await inactiveAccount(state)
    await prisma.account.update({ where: { id: odd.id }, data: { tradeName: 'Casa & Cia <Ltda>' } })
    const plain = await inactiveAccount(state)
    const created = await createCampaign(manager.id, segment(state), form)
    if (!created.ok) throw new Error(created.code)
    await drainOutbox(fast)
    const oddMail = await mailedLink(odd.email!)
    expect(oddMail.mail.subject).toBe('Casa & Cia <Ltda>, sentimos sua falta')
    expect(oddMail.mail.html).toContain('Casa &amp; Cia &lt;Ltda&gt;')
    expect(oddMail.mail.html).not.toContain('<Ltda>')
    expect(oddMail.mail.text).toContain('Fale com nossa equipe comercial.')
    const plainMail = await mailedLink(plain.email!)
    expect(plainMail.mail.text).toContain(plain.tradeName)
    expect(plainMail.token).not.toBe(oddMail.token)
    expect(`${oddMail.mail.html}${oddMail.mail.text}`).not.toMatch(/RTVMARK/)
  })

  it('does not send to an address that unsubscribed after the campaign was queued', async () => {
    const state = freshState()
    const manager = await createUser({ role: 'MANAGER' })
    const account = await inactiveAccount(state)
    const created = await createCampaign(manager.id, segment(state), form)
    if (!created.ok) throw new Error(created.code)
    await optOut(account.email!.toUpperCase(), 'unsubscribe')
    const result = await drainOutbox(fast)
    expect(result.cancelled).toBeGreaterThanOrEqual(1)
    expect(await prisma.mailboxMessage.count({ where: { to: account.email! } })).toBe(0)
    const message = await prisma.outboxMessage.findFirstOrThrow({ where: { to: account.email! } })
    expect(message).toMatchObject({ status: 'CANCELLED', lastError: 'opted out (unsubscribe)' })
  })
})

describe('unsubscribe links', () => {
  it('are signed for one address', async () => {
    const url = new URL(await unsubscribeUrl('a@test.example'))
    const e = url.searchParams.get('e')
    const s = url.searchParams.get('s')
    expect(await verifyUnsubscribe(e, s)).toBe('a@test.example')
    const other = Buffer.from('b@test.example').toString('base64url')
    expect(await verifyUnsubscribe(other, s)).toBeNull()
    expect(
      await verifyUnsubscribe(e, `${s!.slice(0, -1)}${s!.endsWith('A') ? 'B' : 'A'}`),
    ).toBeNull()
    expect(await verifyUnsubscribe(null, s)).toBeNull()
  })
})

describe('invitation links', () => {
  async function invitedAccount(offerCode?: boolean) {
    const state = freshState()
    const manager = await createUser({ role: 'MANAGER' })
    const rep = await createRep({ defaultCommissionBps: 300 })
    const account = await inactiveAccount(state, { repId: rep.id })
    const offer = offerCode ? await createOffer({}) : null
    const created = await createCampaign(manager.id, segment(state), {
      ...form,
      offerId: offer?.id ?? null,
    })
    if (!created.ok) throw new Error(created.code)
    await drainOutbox(fast)
    const { token } = await mailedLink(account.email!)
    return { account, offer, token, campaignId: created.campaignId, rep }
  }
  const ip = () => `10.0.${crypto.randomInt(255)}.${crypto.randomInt(255)}`
  const accept = (token: string, password = 'segredo-forte') =>
    acceptInvitationIntoCart({
      token,
      name: 'Maria Compras',
      password,
      confirm: password,
      ip: ip(),
    })

  it('sets a password, puts the coupon in the cart, and works only once', async () => {
    const { account, offer, token } = await invitedAccount(true)
    expect(await viewInvitation(token, ip())).toMatchObject({
      state: 'VALID',
      mode: 'SET_PASSWORD',
    })
    const result = await accept(token)
    expect(result).toMatchObject({ ok: true, couponApplied: offer!.code })
    const user = await prisma.user.findUniqueOrThrow({ where: { email: account.email! } })
    expect(user).toMatchObject({ role: 'BUYER', accountId: account.id })
    expect(user.passwordHash).toMatch(/^\$argon2id\$/)
    const cart = await prisma.cart.findUniqueOrThrow({
      where: { accountId: account.id },
      include: { offers: true },
    })
    expect(cart.offers.map((o) => o.offerId)).toEqual([offer!.id])
    const invitation = await prisma.invitation.findFirstOrThrow({
      where: { accountId: account.id },
    })
    expect(invitation.activatedAt).not.toBeNull()
    expect(invitation.clickedAt).not.toBeNull()

    expect(await accept(token)).toEqual({ ok: false, code: 'USED' })
    expect(await viewInvitation(token, ip())).toEqual({ state: 'USED' })
  })

  it('refuses a tampered link and an expired one, changing nothing', async () => {
    const { account, token } = await invitedAccount()
    const last = token.at(-1) === 'A' ? 'B' : 'A'
    const tampered = `${token.slice(0, -1)}${last}`
    expect(await viewInvitation(tampered, ip())).toEqual({ state: 'INVALID' })
    expect(await accept(tampered)).toEqual({ ok: false, code: 'INVALID' })
    expect(await accept('not-a-token')).toEqual({ ok: false, code: 'INVALID' })

    await prisma.invitation.updateMany({
      where: { accountId: account.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect(await viewInvitation(token, ip())).toEqual({ state: 'EXPIRED' })
    expect(await accept(token)).toEqual({ ok: false, code: 'EXPIRED' })
    expect(await prisma.user.count({ where: { email: account.email! } })).toBe(0)
  })

  it('asks a buyer who already has a password for it, and a wrong one uses nothing up', async () => {
    const { account, token } = await invitedAccount()
    await createUser({
      accountId: account.id,
      email: account.email!,
      passwordHash: await hashPassword('senha-antiga'),
    })
    expect(await viewInvitation(token, ip())).toMatchObject({ state: 'VALID', mode: 'LOG_IN' })
    expect(await accept(token, 'errada-errada')).toEqual({ ok: false, code: 'WRONG_PASSWORD' })
    expect(
      (await prisma.invitation.findFirstOrThrow({ where: { accountId: account.id } })).activatedAt,
    ).toBeNull()
    expect(await accept(token, 'senha-antiga')).toMatchObject({ ok: true })
  })

  it('never hands an address that logs in elsewhere to this shop', async () => {
    const { account, token } = await invitedAccount()
    const other = await createAccount({})
    await createUser({
      accountId: other.id,
      email: account.email!,
      passwordHash: await hashPassword('x-x-x-x-x'),
    })
    expect(await viewInvitation(token, ip())).toMatchObject({ mode: 'EMAIL_IN_USE' })
    expect(await accept(token, 'x-x-x-x-x')).toEqual({ ok: false, code: 'EMAIL_IN_USE' })
  })

  it('attributes the order to the invitation, records the reactivation and moves the funnel', async () => {
    const { account, token, campaignId, offer } = await invitedAccount(true)
    // Its history: one ERP order 200 days ago, so the portal order brings it back.
    await prisma.order.create({
      data: {
        accountId: account.id,
        channel: 'OFFLINE',
        paymentMethod: 'ERP',
        subtotalCents: 50_000,
        totalCents: 50_000,
        placedAt: new Date(Date.now() - 200 * DAY),
        externalRef: `ERP-${account.id}`,
      },
    })
    const accepted = await accept(token)
    if (!accepted.ok) throw new Error(accepted.code)
    const orderId = await orderProduct({
      accountId: account.id,
      userId: accepted.userId,
      listPriceCents: 10_000,
      quantity: 5,
    })
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { campaignId } })
    const saved = await prisma.order.findUniqueOrThrow({ where: { id: orderId } })
    expect(saved.invitationId).toBe(invitation.id)
    expect(saved.discountCents).toBeGreaterThan(0)
    const reactivation = await prisma.reactivation.findFirstOrThrow({
      where: { accountId: account.id },
    })
    expect(reactivation).toMatchObject({ orderId, invitationId: invitation.id })

    const { total } = await campaignFunnel(campaignId)
    expect(total).toMatchObject({
      invited: 1,
      sent: 1,
      clicked: 1,
      activated: 1,
      firstOrder: 1,
      repeatOrder: 0,
      orders: 1,
      revenueCents: saved.totalCents,
      reactivated: 1,
    })
    expect(offer).not.toBeNull()
  })
})

describe('rep invitations', () => {
  it("a rep invites their own account once a day, and never another rep's", async () => {
    const rep = await createRep()
    const otherRep = await createRep()
    const repUser = await prisma.user.create({
      data: { email: email(), name: 'Rep', role: 'REP', repId: rep.id },
    })
    const mine = await inactiveAccount(freshState(), { repId: rep.id })
    const theirs = await inactiveAccount(freshState(), { repId: otherRep.id })
    const noEmail = await inactiveAccount(freshState(), { repId: rep.id, email: null })

    expect(await sendPersonalInvitation(repUser, theirs.id)).toEqual({
      ok: false,
      code: 'NOT_YOUR_ACCOUNT',
    })
    expect(await sendPersonalInvitation(repUser, noEmail.id)).toEqual({ ok: false, code: 'NO_EMAIL' })
    expect(await sendPersonalInvitation(repUser, mine.id)).toMatchObject({ ok: true })
    expect(await sendPersonalInvitation(repUser, mine.id)).toEqual({ ok: false, code: 'TOO_SOON' })
    const invitations = await prisma.invitation.findMany({
      where: { accountId: { in: [mine.id, theirs.id] } },
    })
    expect(invitations).toHaveLength(1)
    expect(invitations[0]).toMatchObject({ repId: rep.id, sentById: repUser.id, campaignId: null })
  })

  it('invites by WhatsApp: a click-to-chat link with the message and a working signed link, no email sent', async () => {
    const rep = await createRep()
    const repUser = await prisma.user.create({
      data: { email: email(), name: 'Rita Rep', role: 'REP', repId: rep.id },
    })
    const noPhone = await inactiveAccount(freshState(), { repId: rep.id })
    expect(await sendPersonalInvitation(repUser, noPhone.id, { channel: 'WHATSAPP' })).toEqual({
      ok: false,
      code: 'NO_PHONE',
    })
    const mine = await inactiveAccount(freshState(), { repId: rep.id, phone: '(19) 99876-5432' })
    const sent = await sendPersonalInvitation(repUser, mine.id, { channel: 'WHATSAPP' })
    if (!sent.ok) throw new Error(sent.code)
    const url = new URL(sent.whatsappUrl!)
    expect(`${url.origin}${url.pathname}`).toBe('https://wa.me/5519998765432')
    const text = url.searchParams.get('text')!
    expect(text).toContain(mine.tradeName)
    expect(text).toContain('Rita Rep')
    // The link in the message opens the invitation, as the email's does.
    const token = decodeURIComponent(/\/invite\/(\S+)$/.exec(text)![1]!)
    expect(await viewInvitation(token, '203.0.113.9')).toMatchObject({ state: 'VALID' })
    const invitation = await prisma.invitation.findUniqueOrThrow({
      where: { id: sent.invitationId },
      include: { outbox: true },
    })
    expect(invitation).toMatchObject({ channel: 'WHATSAPP', repId: rep.id, outbox: null })
    expect(invitation.sentAt).not.toBeNull()
    // One invitation a day, whatever the channel.
    expect(await sendPersonalInvitation(repUser, mine.id)).toEqual({ ok: false, code: 'TOO_SOON' })
  })

  it('refuses a "we miss you" invitation to an ACTIVE account that ordered recently', async () => {
    const rep = await createRep()
    const repUser = await prisma.user.create({
      data: { email: email(), name: 'Rep', role: 'REP', repId: rep.id },
    })
    const now = new Date()
    const buying = await inactiveAccount(freshState(), {
      repId: rep.id,
      status: 'ACTIVE',
      lastOrderAt: new Date(now.getTime() - 5 * DAY),
    })
    // A 60-day cadence: 45 days of silence is still within the habit.
    const slowBuyer = await inactiveAccount(freshState(), {
      repId: rep.id,
      status: 'ACTIVE',
      lastOrderAt: new Date(now.getTime() - 45 * DAY),
    })
    await prisma.account.update({ where: { id: slowBuyer.id }, data: { medianIntervalDays: 60 } })
    // ACTIVE by the thresholds, but silent for longer than 30 days and with no cadence.
    const quiet = await inactiveAccount(freshState(), {
      repId: rep.id,
      status: 'ACTIVE',
      lastOrderAt: new Date(now.getTime() - 40 * DAY),
    })

    for (const account of [buying, slowBuyer]) {
      expect(await sendPersonalInvitation(repUser, account.id, { now })).toEqual({
        ok: false,
        code: 'RECENTLY_ACTIVE',
      })
    }
    expect(
      await prisma.invitation.count({ where: { accountId: { in: [buying.id, slowBuyer.id] } } }),
    ).toBe(0)
    expect(
      await prisma.auditLog.count({
        where: { entityId: { in: [buying.id, slowBuyer.id] }, action: 'invitation.send' },
      }),
    ).toBe(0)
    expect(await sendPersonalInvitation(repUser, quiet.id, { now })).toMatchObject({ ok: true })
    expect(
      await prisma.auditLog.count({ where: { entityId: quiet.id, action: 'invitation.send' } }),
    ).toBe(1)
  })
})
