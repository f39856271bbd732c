import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createAccount, createUser } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import {
  CAMPAIGNS_PAGE_SIZE,
  createCampaign,
  getCampaign,
  INVITATIONS_PAGE_SIZE,
  listCampaigns,
  SegmentFilters,
} from './campaigns.server'

const MINUTE = 60_000

describe('the campaign list, page by page', () => {
  it('shows the newest first, and page 2 holds the ones after page 1', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const start = Date.now() - 60 * MINUTE
    for (let i = 0; i < CAMPAIGNS_PAGE_SIZE + 5; i++) {
      await prisma.campaign.create({
        data: {
          name: `Campanha ${String(i).padStart(2, '0')}`,
          filters: '{}',
          subject: 'Assunto',
          message: 'Mensagem',
          createdById: manager.id,
          createdAt: new Date(start + i * MINUTE),
        },
      })
    }
    const names = (page: Awaited<ReturnType<typeof listCampaigns>>) =>
      page.campaigns.map((campaign) => campaign.name)
    const first = await listCampaigns(1)
    const second = await listCampaigns(2)
    expect(first).toMatchObject({ total: CAMPAIGNS_PAGE_SIZE + 5, page: 1, pageCount: 2 })
    expect(names(first)[0]).toBe(`Campanha ${CAMPAIGNS_PAGE_SIZE + 4}`)
    expect(names(second)).toEqual([
      'Campanha 04',
      'Campanha 03',
      'Campanha 02',
      'Campanha 01',
      'Campanha 00',
    ])
    expect(new Set([...names(first), ...names(second)]).size).toBe(CAMPAIGNS_PAGE_SIZE + 5)

    for (const [requested, expected] of [
      [0, 1],
      [-3, 1],
      [Number('abc'), 1],
      [1.5, 1],
      [9999, 2],
      [Infinity, 1],
    ]) {
      const page = await listCampaigns(requested!)
      expect({ requested, page: page.page }).toEqual({ requested, page: expected })
      expect(page.campaigns.length).toBeGreaterThan(0)
    }
  })

  it("pages a campaign's invitations, clamping a page out of range", async () => {
    const state = `Z${crypto.randomBytes(2).toString('hex').toUpperCase()}`
    for (let i = 0; i < INVITATIONS_PAGE_SIZE + 3; i++) {
      await createAccount({
        status: 'INACTIVE',
        state,
        email: `loja-${crypto.randomUUID()}@test.example`,
      })
    }
    const manager = await createUser({ role: 'MANAGER' })
    const created = await createCampaign(
      manager.id,
      SegmentFilters.parse({ status: ['INACTIVE'], state }),
      {
        name: 'Muitos convites',
        locale: 'pt-BR',
        subject: 'Assunto',
        message: 'Olá, {loja}!',
        offerId: null,
        schedule: 'NOW',
      },
    )
    if (!created.ok) throw new Error(created.code)
    const first = await getCampaign(created.campaignId, 1)
    const second = await getCampaign(created.campaignId, 2)
    expect(first).toMatchObject({ total: INVITATIONS_PAGE_SIZE + 3, page: 1, pageCount: 2 })
    expect(second?.invitations).toHaveLength(3)
    const ids = [...first!.invitations, ...second!.invitations].map((invitation) => invitation.id)
    expect(new Set(ids).size).toBe(INVITATIONS_PAGE_SIZE + 3)
    expect((await getCampaign(created.campaignId, 9999))?.page).toBe(2)
    expect((await getCampaign(created.campaignId, 1.25))?.page).toBe(1)
    expect((await getCampaign(created.campaignId, Number.NaN))?.page).toBe(1)
  })
})
