import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createAccount, createRep, createUser } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { ACCOUNT_INVITATIONS_SHOWN, listAccountInvitations } from './account-invitations.server'
import { createCampaign, SegmentFilters, sendPersonalInvitation } from './campaigns.server'
import { drainOutbox } from './outbox.server'

const MINUTE = 60_000
const DAY = 86_400_000
const form = {
  locale: 'pt-BR' as const,
  subject: 'Sentimos sua falta',
  message: 'Olá, {loja}!',
  offerId: null,
  schedule: 'NOW' as const,
}

/** A state code no other test uses, so a segment only holds this test's accounts. */
function freshState() {
  return `Z${crypto.randomBytes(2).toString('hex').toUpperCase()}`
}

async function inactiveAccount(state: string, repId: string | null = null) {
  return createAccount({
    status: 'INACTIVE',
    state,
    repId,
    email: `loja-${crypto.randomUUID()}@test.example`,
    lastOrderAt: new Date(Date.now() - 200 * DAY),
  })
}

async function campaignTo(state: string, name: string, now: Date) {
  const manager = await createUser({ role: 'MANAGER' })
  const segment = SegmentFilters.parse({ status: ['INACTIVE'], state })
  const result = await createCampaign(manager.id, segment, { ...form, name }, now)
  if (!result.ok) throw new Error(result.code)
  return result.campaignId
}

describe("an account's invitations on its back-office page", () => {
  it('lists the invitations of that account only, newest first, by campaign or by its rep', async () => {
    const state = freshState()
    const rep = await createRep()
    const repUser = await createUser({ role: 'REP', repId: rep.id, name: 'Rita Representante' })
    const account = await inactiveAccount(state, rep.id)
    const neighbour = await inactiveAccount(state, rep.id)
    const start = new Date(Date.now() - 3 * DAY)
    const campaignId = await campaignTo(state, 'Volta SP', start)
    // A day later, so the rep's one-a-day limit lets it through.
    const repSentAt = new Date(start.getTime() + DAY + MINUTE)
    expect(await sendPersonalInvitation(repUser, account.id, { now: repSentAt })).toMatchObject({
      ok: true,
    })

    const { invitations, total, older } = await listAccountInvitations(account.id)
    expect({ total, older }).toEqual({ total: 2, older: 0 })
    expect(invitations).toMatchObject([
      { createdAt: repSentAt, campaign: null, sender: 'Rita Representante', step: 'queued' },
      { createdAt: start, campaign: { id: campaignId, name: 'Volta SP' }, step: 'queued' },
    ])
    expect(invitations.every((i) => i.email === account.email)).toBe(true)
    expect((await listAccountInvitations(neighbour.id)).invitations).toMatchObject([
      { campaign: { id: campaignId } },
    ])
    expect(await listAccountInvitations('no-such-account')).toEqual({
      invitations: [],
      total: 0,
      older: 0,
    })
  })

  it(`shows the latest ${ACCOUNT_INVITATIONS_SHOWN} and counts the older ones`, async () => {
    const state = freshState()
    const account = await inactiveAccount(state)
    const start = new Date(Date.now() - DAY)
    for (let i = 0; i < ACCOUNT_INVITATIONS_SHOWN + 2; i++) {
      await campaignTo(state, `Campanha ${i}`, new Date(start.getTime() + i * MINUTE))
    }
    const { invitations, total, older } = await listAccountInvitations(account.id)
    expect({ shown: invitations.length, total, older }).toEqual({
      shown: ACCOUNT_INVITATIONS_SHOWN,
      total: ACCOUNT_INVITATIONS_SHOWN + 2,
      older: 2,
    })
    expect(invitations.map((i) => i.campaign?.name)).toEqual(
      Array.from({ length: ACCOUNT_INVITATIONS_SHOWN }, (_, i) => `Campanha ${11 - i}`),
    )
  })

  it('says how far each went and whether its unused link still works', async () => {
    const state = freshState()
    const account = await inactiveAccount(state)
    await campaignTo(state, 'Enviada', new Date())
    await drainOutbox({ ratePerSecond: 1000, backoffMs: () => 0 })

    const [sent] = (await listAccountInvitations(account.id)).invitations
    expect(sent).toMatchObject({ step: 'sent', link: { expired: false } })
    expect(sent!.sentAt).not.toBeNull()
    const later = { now: new Date(Date.now() + 15 * DAY) }
    expect((await listAccountInvitations(account.id, later)).invitations[0]).toMatchObject({
      step: 'sent',
      link: { expired: true },
    })
    // A link that was used has nothing left to expire.
    await prisma.invitation.updateMany({
      where: { accountId: account.id },
      data: { activatedAt: new Date() },
    })
    expect((await listAccountInvitations(account.id, later)).invitations[0]).toMatchObject({
      step: 'activated',
      link: null,
    })
  })
})
