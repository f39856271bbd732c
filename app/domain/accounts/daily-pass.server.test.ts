import { createAccount } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { runDailyPass } from './daily-pass.server'

const DAY = 86_400_000

describe('the daily pass', () => {
  it('runs once when started several times at once, and not again the same day', async () => {
    await createAccount({ status: 'ACTIVE', lastOrderAt: new Date(Date.now() - 200 * DAY) })
    await prisma.appSettings.upsert({
      where: { id: 1 },
      create: { id: 1, lastReclassifiedAt: new Date(Date.now() - 2 * DAY) },
      update: { lastReclassifiedAt: new Date(Date.now() - 2 * DAY) },
    })
    const results = await Promise.all([runDailyPass(), runDailyPass(), runDailyPass()])
    expect(results.filter(Boolean)).toHaveLength(1)
    const settings = await prisma.appSettings.findUniqueOrThrow({ where: { id: 1 } })
    expect(Date.now() - settings.lastReclassifiedAt!.getTime()).toBeLessThan(60_000)

    expect(await runDailyPass()).toBeNull()
  })
})
