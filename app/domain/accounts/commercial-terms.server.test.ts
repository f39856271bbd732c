import crypto from 'node:crypto'
import { createAccount, createTerms } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { updateCommercialTerms } from './portfolio.server'

async function actor() {
  return prisma.user.create({
    data: { email: `m-${crypto.randomUUID()}@test.example`, name: 'Gestora', role: 'MANAGER' },
  })
}

describe("an account's commercial terms", () => {
  it('sets the price list, the allowed terms and the minimum order, audited', async () => {
    const manager = await actor()
    await createTerms(['28', '28/56'])
    const account = await createAccount({ terms: ['28'] })
    const list = await prisma.priceList.create({
      data: { code: `L${crypto.randomInt(1e9)}`, name: 'Sul' },
    })
    const result = await updateCommercialTerms(manager.id, account.id, {
      priceListId: list.id,
      termCodes: ['28/56', '28'],
      minimumOrder: '1.250,50',
    })
    expect(result).toEqual({ ok: true, changed: 3 })
    const saved = await prisma.account.findUniqueOrThrow({
      where: { id: account.id },
      include: { paymentTerms: { orderBy: { code: 'asc' } } },
    })
    expect(saved.priceListId).toBe(list.id)
    expect(saved.minimumOrderCents).toBe(125_050)
    expect(saved.paymentTerms.map((t) => t.code)).toEqual(['28', '28/56'])
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: account.id, action: 'account.commercial_terms' },
    })
    expect(JSON.parse(entry.changes)).toMatchObject({ paymentTerms: ['28', '28, 28/56'] })
  })

  it.each([
    [{ minimumOrder: 'muito' }, 'INVALID_MINIMUM'],
    [{ priceListId: 'nope' }, 'UNKNOWN_PRICE_LIST'],
    [{ termCodes: ['99/999'] }, 'UNKNOWN_TERM'],
  ])('refuses %o and changes nothing', async (bad, code) => {
    const manager = await actor()
    const account = await createAccount({ terms: ['28'], minimumOrderCents: 30_000 })
    const result = await updateCommercialTerms(manager.id, account.id, {
      priceListId: null,
      termCodes: ['28'],
      minimumOrder: '300,00',
      ...bad,
    })
    expect(result).toEqual({ ok: false, code })
    const same = await prisma.account.findUniqueOrThrow({
      where: { id: account.id },
      include: { paymentTerms: true },
    })
    expect(same.minimumOrderCents).toBe(30_000)
    expect(same.paymentTerms.map((t) => t.code)).toEqual(['28'])
  })
})
