import crypto from 'node:crypto'
import { createFamily, createRep, placeOnlineOrder } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { percentToBps } from '~/utils/money'
import { parseWithZod } from '@conform-to/zod'
import { repRatesSchemaForSave, updateCommissionSettings, updateRepRates } from './admin.server'
import { repBalances, repOrders } from './statement.server'

async function manager() {
  return prisma.user.create({
    data: { email: `m-${crypto.randomUUID()}@test.example`, name: 'Gestora', role: 'MANAGER' },
  })
}

const onlineOrder = (repId: string) => placeOnlineOrder({ repId, listPriceCents: 10_000 })

describe('what a rep sees', () => {
  it("never includes another rep's orders or commission", async () => {
    const mine = await createRep()
    const theirs = await createRep()
    const myOrder = await onlineOrder(mine.id)
    await onlineOrder(theirs.id)
    const { orders, total } = await repOrders(mine.id, 1)
    expect(total).toBe(1)
    expect(orders.map((o) => o.id)).toEqual([myOrder])
    expect((await repBalances(mine.id)).PENDING).toBe(300)
  })
})

describe('rates and settings', () => {
  it('reads percentages with a decimal comma, refusing anything but 0–100 with two decimals', () => {
    expect(percentToBps('3,5')).toBe(350)
    expect(percentToBps('0')).toBe(0)
    expect(percentToBps('100')).toBe(10_000)
    expect(percentToBps('2,125')).toBeNull()
    expect(percentToBps('101')).toBeNull()
    expect(percentToBps('-1')).toBeNull()
    expect(percentToBps('três')).toBeNull()
  })

  it('saves a rep default and family overrides; the server refuses a bad rate beside its family', async () => {
    const actor = await manager()
    const rep = await createRep({ defaultCommissionBps: 300 })
    const family = await createFamily()
    const schema = await repRatesSchemaForSave()
    const form = new FormData()
    form.set('defaultPercent', '4')
    form.set(`family-${family.id}`, '6,5')
    const parsed = parseWithZod(form, { schema })
    if (parsed.status !== 'success') throw new Error('refused')
    expect(await updateRepRates(actor.id, rep.id, parsed.value)).toEqual({ ok: true })
    expect(await prisma.repFamilyRate.findMany({ where: { repId: rep.id } })).toMatchObject([
      { familyId: family.id, bps: 650 },
    ])
    expect(
      (await prisma.rep.findUniqueOrThrow({ where: { id: rep.id } })).defaultCommissionBps,
    ).toBe(400)

    const bad = new FormData()
    bad.set('defaultPercent', '5')
    bad.set(`family-${family.id}`, 'muito')
    const refused = parseWithZod(bad, { schema })
    expect(refused.status === 'error' && refused.error).toEqual({
      [`family-${family.id}`]: ['commissionForm.percent'],
    })
    expect(await updateRepRates(actor.id, 'no-such-rep', parsed.value)).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    })
  })

  it('saves the reactivation bonus, its window and when commission is earned', async () => {
    const actor = await manager()
    expect(
      await updateCommissionSettings(actor.id, { bonusBps: 150, windowDays: 60, onPayment: true }),
    ).toEqual({ ok: true })
    expect(await prisma.appSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      reactivationBonusBps: 150,
      reactivationWindowDays: 60,
      commissionOnPayment: true,
    })
    await updateCommissionSettings(actor.id, { bonusBps: 200, windowDays: 90, onPayment: false })
    expect(
      (await prisma.appSettings.findUniqueOrThrow({ where: { id: 1 } })).commissionOnPayment,
    ).toBe(false)
  })
})
