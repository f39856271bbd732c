import crypto from 'node:crypto'
import { createAccount, createErpOrder, createRep, createUser } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { CONTACT_ONLY_FIELDS } from '~/domain/accounts/account-forms'
import { updateAccount } from '~/domain/accounts/portfolio.server'
import { sendPersonalInvitation } from '~/domain/campaigns/campaigns.server'
import { campaignFunnel } from '~/domain/campaigns/funnel.server'
import { formatPhone, normalizePhone, whatsappChatUrl } from '~/domain/accounts/phones'
import { ContactLogSchema } from './contact-form'
import { addAccountNote, logContact } from './contacts.server'
import { callQueue } from './queue.server'
import { recordStopReason, recordStopReasonByEmail, stopReasonTable } from './stop-reasons.server'
import { accountTimeline } from './timeline.server'

const DAY = 86_400_000
// Noon in Brasília, so "today" and "tomorrow" are the same days in UTC and in Brasília.
const NOW = new Date('2026-12-03T15:00:00Z')
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY)

async function telesales() {
  return createUser({ role: 'TELESALES' })
}

function contact(values: Record<string, string>) {
  const parsed = ContactLogSchema.safeParse(values)
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues))
  return parsed.data
}

async function invite(accountId: string, at: Date, clickedAt: Date | null = null) {
  await prisma.invitation.create({
    data: {
      id: crypto.randomUUID(),
      accountId,
      email: 'loja@test.example',
      subject: 'Volte',
      message: 'Sentimos sua falta',
      nonce: crypto.randomUUID(),
      tokenHash: crypto.randomUUID(),
      expiresAt: new Date(at.getTime() + 30 * DAY),
      createdAt: at,
      sentAt: at,
      clickedAt,
    },
  })
}

describe('phone numbers', () => {
  it('reads Brazilian numbers as typed, stores E.164 and refuses impossible ones', () => {
    expect(normalizePhone('(11) 98765-4321')).toBe('+5511987654321')
    expect(normalizePhone('+55 31 3333-4444')).toBe('+553133334444')
    expect(normalizePhone('011 98765 4321')).toBe('+5511987654321')
    expect(normalizePhone('(00) 98765-4321')).toBeNull()
    expect(normalizePhone('123')).toBeNull()
    expect(normalizePhone('=HYPERLINK("x")')).toBeNull()
    expect(formatPhone('+5511987654321')).toBe('(11) 98765-4321')
    expect(whatsappChatUrl('+5511987654321', 'Olá, loja & cia')).toBe(
      'https://wa.me/5511987654321?text=Ol%C3%A1%2C%20loja%20%26%20cia',
    )
  })
})

describe('the contact form', () => {
  it('asks for the call-back day and the reason only where the outcome needs them', () => {
    const issues = (values: Record<string, string>) => {
      const parsed = ContactLogSchema.safeParse(values)
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'))
    }
    expect(issues({ accountId: 'a' })).toEqual(['outcome'])
    expect(issues({ accountId: 'a', outcome: 'CALL_BACK' })).toEqual(['callBackOn'])
    expect(issues({ accountId: 'a', outcome: 'CALL_BACK', callBackOn: '31/02/2026' })).toEqual([
      'callBackOn',
    ])
    expect(issues({ accountId: 'a', outcome: 'NOT_INTERESTED' })).toEqual(['reason'])
    expect(issues({ accountId: 'a', outcome: 'NOT_INTERESTED', reason: 'OTHER' })).toEqual(['note'])
    expect(issues({ accountId: 'a', outcome: 'EXPLODE' })).toEqual(['outcome'])
    // A reason given with another outcome is not kept: the shop did not say it.
    expect(contact({ accountId: 'a', outcome: 'NO_ANSWER', reason: 'PRICE' }).reason).toBeNull()
  })
})

describe('the call queue', () => {
  it('lists each account once under its most pressing reason, with every reason, most pressing first', async () => {
    const rep = await createRep()
    const overdue = await createAccount({
      repId: rep.id,
      status: 'ACTIVE',
      lastOrderAt: daysAgo(40),
      expectedNextOrderAt: daysAgo(5),
    })
    const clicked = await createAccount({
      repId: rep.id,
      status: 'INACTIVE',
      lastOrderAt: daysAgo(200),
    })
    await invite(clicked.id, daysAgo(6), daysAgo(4))
    await prisma.accountStatusChange.create({
      data: {
        accountId: clicked.id,
        fromStatus: 'AT_RISK',
        toStatus: 'INACTIVE',
        changedAt: daysAgo(3),
      },
    })
    const notClicked = await createAccount({
      repId: rep.id,
      status: 'LOST',
      lastOrderAt: daysAgo(500),
    })
    await invite(notClicked.id, daysAgo(5))
    const tooFresh = await createAccount({ repId: rep.id, status: 'LOST' })
    await invite(tooFresh.id, daysAgo(1))
    const bounced = await createAccount({
      repId: rep.id,
      status: 'INACTIVE',
      emailBouncedAt: daysAgo(2),
    })
    // Another rep's account is not in this rep's queue.
    await createAccount({
      status: 'ACTIVE',
      lastOrderAt: daysAgo(40),
      expectedNextOrderAt: daysAgo(5),
    })

    const queue = await callQueue({ repId: rep.id }, NOW)
    expect(queue.rows.map((row) => [row.id, row.reasons])).toEqual([
      [bounced.id, ['EMAIL_BOUNCED']],
      [clicked.id, ['CLICKED_NOT_ORDERED', 'NEWLY_INACTIVE']],
      [notClicked.id, ['INVITED_NOT_CLICKED']],
      [overdue.id, ['OVERDUE']],
    ])
    expect(queue.all).toBe(4)
    expect(queue.byReason.CLICKED_NOT_ORDERED).toBe(1)
    expect(queue.rows[3]).toMatchObject({ daysSilent: 40 })

    const onlyOverdue = await callQueue({ repId: rep.id, reason: 'OVERDUE' }, NOW)
    expect(onlyOverdue.rows.map((row) => row.id)).toEqual([overdue.id])
  })

  it('takes out an account once worked, brings a call-back back on its day, and keeps "not interested" out', async () => {
    const rep = await createRep()
    const agent = await telesales()
    const account = await createAccount({
      repId: rep.id,
      status: 'ACTIVE',
      lastOrderAt: daysAgo(40),
      expectedNextOrderAt: daysAgo(5),
    })
    const inQueue = async (at: Date) =>
      (await callQueue({ repId: rep.id }, at)).rows.map((row) => [row.id, row.reasons])

    expect(
      await logContact(agent, contact({ accountId: account.id, outcome: 'NO_ANSWER' }), NOW),
    ).toMatchObject({ ok: true })
    expect(await inQueue(NOW)).toEqual([])
    // Back after a week without contact.
    expect(await inQueue(new Date(NOW.getTime() + 8 * DAY))).toEqual([[account.id, ['OVERDUE']]])

    expect(
      await logContact(
        agent,
        contact({ accountId: account.id, outcome: 'CALL_BACK', callBackOn: '2026-12-04' }),
        NOW,
      ),
    ).toMatchObject({ ok: true })
    expect(await inQueue(NOW)).toEqual([])
    const tomorrow = new Date(NOW.getTime() + DAY)
    expect(await inQueue(tomorrow)).toEqual([[account.id, ['CALL_BACK']]])

    expect(
      await logContact(
        agent,
        contact({
          accountId: account.id,
          outcome: 'NOT_INTERESTED',
          reason: 'PRICE',
          note: 'Caro',
        }),
        tomorrow,
      ),
    ).toMatchObject({ ok: true })
    expect(await inQueue(new Date(NOW.getTime() + 30 * DAY))).toEqual([])
    expect(await inQueue(new Date(NOW.getTime() + 95 * DAY))).toEqual([[account.id, ['OVERDUE']]])

    const stored = await prisma.account.findUniqueOrThrow({ where: { id: account.id } })
    expect(stored).toMatchObject({ lastContactOutcome: 'NOT_INTERESTED', callBackAt: null })
    expect(
      await prisma.stopReasonAnswer.findMany({
        where: { accountId: account.id },
        select: { reason: true, comment: true, source: true },
      }),
    ).toEqual([{ reason: 'PRICE', comment: 'Caro', source: 'CALL' }])
    expect(
      await prisma.auditLog.count({ where: { entityId: account.id, action: 'contact.log' } }),
    ).toBe(3)
  })

  it('refuses a call-back in the past or too far ahead, and a rep logging on another rep’s account', async () => {
    const [mine, theirs] = await Promise.all([createRep(), createRep()])
    const repUser = await createUser({ role: 'REP', repId: mine.id })
    const account = await createAccount({ repId: theirs.id })
    const own = await createAccount({ repId: mine.id })
    const actor = { id: repUser.id, role: repUser.role, repId: mine.id }
    expect(
      await logContact(actor, contact({ accountId: account.id, outcome: 'REACHED' }), NOW),
    ).toEqual({ ok: false, code: 'NOT_FOUND' })
    expect(
      await logContact(
        actor,
        contact({ accountId: own.id, outcome: 'CALL_BACK', callBackOn: '2026-12-02' }),
        NOW,
      ),
    ).toEqual({ ok: false, code: 'CALL_BACK_PAST' })
    expect(
      await logContact(
        actor,
        contact({ accountId: own.id, outcome: 'CALL_BACK', callBackOn: '2027-12-02' }),
        NOW,
      ),
    ).toEqual({ ok: false, code: 'CALL_BACK_FAR' })
    expect(
      await prisma.contactLog.count({ where: { accountId: { in: [account.id, own.id] } } }),
    ).toBe(0)
    expect(
      await logContact(actor, contact({ accountId: own.id, outcome: 'WRONG_NUMBER' }), NOW),
    ).toMatchObject({ ok: true })
    expect(
      (await prisma.account.findUniqueOrThrow({ where: { id: own.id } })).phoneWrongAt,
    ).toEqual(NOW)
  })
})

describe('the account timeline and why accounts stopped', () => {
  it('puts orders, statuses, invitations, contacts, answers and notes in one list, newest first', async () => {
    const rep = await createRep()
    const agent = await telesales()
    const account = await createAccount({ repId: rep.id, state: 'PE', segment: 'Varejo' })
    await createErpOrder(account.id, [{ productId: null, sku: 'OLD', quantity: 1 }], {
      daysAgo: 300,
    })
    await prisma.accountStatusChange.create({
      data: {
        accountId: account.id,
        fromStatus: 'ACTIVE',
        toStatus: 'INACTIVE',
        changedAt: daysAgo(120),
      },
    })
    await invite(account.id, daysAgo(10), daysAgo(9))
    await logContact(
      agent,
      contact({ accountId: account.id, outcome: 'NOT_INTERESTED', reason: 'COMPETITOR' }),
      daysAgo(2),
    )
    await recordStopReason(
      account.id,
      { reason: 'PRICE', comment: 'Atacadista mais barato', source: 'UNSUBSCRIBE' },
      daysAgo(1),
    )
    await addAccountNote(agent, account.id, 'Falar com o dono às sextas', NOW)

    const { events, more } = await accountTimeline(account.id)
    expect(more).toBe(false)
    expect(events.map((event) => event.kind)).toEqual([
      'note',
      'reason',
      'contact',
      'invitation',
      'invitation',
      'status',
      'order',
    ])
    expect(events[2]).toMatchObject({
      kind: 'contact',
      contact: { outcome: 'NOT_INTERESTED', stopReason: { reason: 'COMPETITOR' } },
    })

    // The dashboard counts each account's latest answer once.
    const byState = await stopReasonTable('state', NOW)
    const pe = byState.rows.find((row) => row.group === 'PE')!
    const bySegment = await stopReasonTable('segment', NOW)
    expect(pe.counts.PRICE).toBeGreaterThanOrEqual(1)
    expect(
      bySegment.rows.find((row) => row.group === 'Varejo')!.counts.PRICE,
    ).toBeGreaterThanOrEqual(1)
    const byRep = await stopReasonTable('rep', NOW)
    expect(byRep.rows.find((row) => row.group?.startsWith(`${rep.code} `))).toMatchObject({
      total: 1,
      counts: { PRICE: 1, COMPETITOR: 0 },
    })
  })
})

describe('a reason given on the unsubscribe page', () => {
  it('counts for the accounts whose contact or buyer has that email, and for nobody else', async () => {
    const email = `dono-${crypto.randomUUID()}@loja.example`
    const byContact = await createAccount({ email })
    const byBuyer = await createAccount()
    await createUser({ accountId: byBuyer.id, email })
    const other = await createAccount({ email: `outro-${crypto.randomUUID()}@loja.example` })
    expect(
      await recordStopReasonByEmail(email, { reason: 'CLOSED', comment: 'Fechamos a loja' }, NOW),
    ).toBe(2)
    expect(
      await prisma.stopReasonAnswer.findMany({
        where: { accountId: { in: [byContact.id, byBuyer.id, other.id] } },
        select: { accountId: true, reason: true, source: true },
        orderBy: { accountId: 'asc' },
      }),
    ).toEqual(
      [byContact.id, byBuyer.id]
        .sort()
        .map((accountId) => ({ accountId, reason: 'CLOSED', source: 'UNSUBSCRIBE' })),
    )
    expect(
      await recordStopReasonByEmail('ninguem@loja.example', { reason: 'PRICE', comment: null }),
    ).toBe(0)
  })
})

describe('the telesales team on an account', () => {
  it('changes how to reach it, never its rep, name or login email, whatever the form says', async () => {
    const [rep, other] = await Promise.all([createRep(), createRep()])
    const agent = await telesales()
    const account = await createAccount({ repId: rep.id, email: 'dono@loja.example' })
    const saved = await updateAccount(
      agent.id,
      account.id,
      {
        tradeName: 'Outro Nome',
        email: 'televendas@agente.example',
        phone: '+5519998765432',
        whatsapp: '+5519998765432',
        preferredChannel: 'WHATSAPP',
        street: null,
        city: 'Campinas',
        state: 'SP',
        postalCode: null,
        repId: other.id,
      },
      NOW,
      CONTACT_ONLY_FIELDS,
    )
    expect(saved).toMatchObject({ ok: true })
    expect(await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({
      tradeName: account.tradeName,
      email: 'dono@loja.example',
      repId: rep.id,
      phone: '+5519998765432',
      whatsapp: '+5519998765432',
      preferredChannel: 'WHATSAPP',
    })
    expect(await prisma.repAssignment.count({ where: { accountId: account.id } })).toBe(0)
  })
})

describe('the funnel by channel', () => {
  it('counts an invitation sent by WhatsApp from the queue under WhatsApp, not email', async () => {
    const channels = async () =>
      Object.fromEntries((await campaignFunnel()).byChannel.map((row) => [row.channel, row.sent]))
    const before = await channels()
    const agent = await telesales()
    const account = await createAccount({
      status: 'INACTIVE',
      email: `zap-${crypto.randomUUID()}@loja.example`,
    })
    await prisma.account.update({
      where: { id: account.id },
      data: { whatsapp: '+5519998765432' },
    })
    const sent = await sendPersonalInvitation(
      { ...agent, repId: null, locale: 'pt-BR', name: agent.name },
      account.id,
      { channel: 'WHATSAPP' },
    )
    expect(sent).toMatchObject({ ok: true })
    if (sent.ok) expect(sent.whatsappUrl).toMatch(/^https:\/\/wa\.me\/5519998765432\?text=/)
    const after = await channels()
    expect((after.WHATSAPP ?? 0) - (before.WHATSAPP ?? 0)).toBe(1)
    expect(after.EMAIL ?? 0).toBe(before.EMAIL ?? 0)
  })
})
