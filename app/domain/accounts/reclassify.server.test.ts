import crypto from 'node:crypto'
import { prisma } from '~/utils/db.server'
import { cnpjFromBase } from './cnpj'
import { reclassifyIfDue, reclassifyPortfolio, syncAccounts } from './reclassify.server'

const DAY = 86_400_000

async function portfolio(size: number, now: Date) {
  const prefix = crypto.randomUUID().slice(0, 8)
  const accounts = Array.from({ length: size }, (_, i) => ({
    id: `${prefix}-${i}`,
    cnpj: cnpjFromBase(String(100_000_000_000 + crypto.randomInt(800_000_000_000)).slice(0, 12)),
    legalName: `Loja ${i}`,
    tradeName: `Loja ${i}`,
    city: 'Recife',
    state: 'PE',
  }))
  await prisma.account.createMany({ data: accounts })
  // Every account ordered once, 200 days ago: INACTIVE today.
  await prisma.order.createMany({
    data: accounts.map((a, i) => ({
      accountId: a.id,
      channel: 'OFFLINE' as const,
      paymentMethod: 'ERP' as const,
      externalRef: `${prefix}-${i}`,
      subtotalCents: 100,
      totalCents: 100,
      placedAt: new Date(now.getTime() - 200 * DAY),
    })),
  })
  return accounts.map((a) => a.id)
}

describe('reclassifying the portfolio', () => {
  it('rebuilds the history of more accounts than one query can name', async () => {
    const now = new Date('2026-11-23T12:00:00Z')
    const ids = await portfolio(1_200, now)
    const result = await reclassifyPortfolio({ now, rebuild: true })
    expect(result.accounts).toBeGreaterThanOrEqual(1_200)
    expect(
      await prisma.account.count({ where: { id: { in: ids.slice(0, 500) }, status: 'INACTIVE' } }),
    ).toBe(500)
    // ACTIVE, AT_RISK, INACTIVE for each account.
    expect(await prisma.accountStatusChange.count({ where: { accountId: ids[0] } })).toBe(3)
    // Rebuilding again writes the same history, not a second copy.
    await reclassifyPortfolio({ now, rebuild: true })
    expect(await prisma.accountStatusChange.count({ where: { accountId: ids[0] } })).toBe(3)
  })

  it('appends only what happened since the last pass, at the moment it happened', async () => {
    const start = new Date('2026-06-01T12:00:00Z')
    const [id] = await portfolio(1, new Date(start.getTime() + 200 * DAY))
    await syncAccounts(prisma, { accountIds: [id!], now: start })
    expect(await prisma.accountStatusChange.count({ where: { accountId: id } })).toBe(1)
    const later = new Date(start.getTime() + 400 * DAY)
    await syncAccounts(prisma, { accountIds: [id!], now: later })
    const history = await prisma.accountStatusChange.findMany({
      where: { accountId: id },
      orderBy: { changedAt: 'asc' },
    })
    expect(history.map((h) => h.toStatus)).toEqual(['ACTIVE', 'AT_RISK', 'INACTIVE', 'LOST'])
    expect(history[1]!.changedAt.toISOString().slice(0, 10)).toBe('2026-08-31')
  })

  it('brings every account up to date in the daily pass, loading only those due', async () => {
    const t0 = new Date('2027-01-10T12:00:00Z')
    const prefix = crypto.randomUUID().slice(0, 8)
    const ages = [5, 60, 95, 150, 185, 300, 370]
    const ids = ages.map((_, i) => `${prefix}-due-${i}`)
    await prisma.account.createMany({
      data: ids.map((id, i) => ({
        id,
        cnpj: cnpjFromBase(
          String(200_000_000_000 + crypto.randomInt(700_000_000_000)).slice(0, 12),
        ),
        legalName: `L${i}`,
        tradeName: `L${i}`,
        city: 'Recife',
        state: 'PE',
      })),
    })
    await prisma.order.createMany({
      data: ids.map((accountId, i) => ({
        accountId,
        channel: 'OFFLINE' as const,
        paymentMethod: 'ERP' as const,
        externalRef: `${prefix}-due-${i}`,
        subtotalCents: 1,
        totalCents: 1,
        placedAt: new Date(t0.getTime() - ages[i]! * DAY),
      })),
    })
    await syncAccounts(prisma, { accountIds: ids, now: t0 })
    const t1 = new Date(t0.getTime() + 45 * DAY)
    await reclassifyPortfolio({ now: t1, onlyDue: true })
    const { classifyAccount } = await import('./inactivity')
    for (const [i, id] of ids.entries()) {
      const account = await prisma.account.findUniqueOrThrow({ where: { id } })
      expect([ages[i], account.status]).toEqual([
        ages[i],
        classifyAccount([new Date(t0.getTime() - ages[i]! * DAY)], t1).status,
      ])
    }
  })

  it('runs the daily pass once a day', async () => {
    // Later than any pass the other tests ran.
    const now = new Date('2027-03-01T03:00:00Z')
    expect(await reclassifyIfDue(now)).not.toBeNull()
    expect(await reclassifyIfDue(new Date(now.getTime() + 3_600_000))).toBeNull()
    expect(await reclassifyIfDue(new Date(now.getTime() + DAY))).not.toBeNull()
  })
})
