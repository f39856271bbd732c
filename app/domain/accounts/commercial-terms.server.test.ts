import crypto from 'node:crypto'
import { parseWithZod } from '@conform-to/zod'
import { createAccount, createTerms } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { commercialTermsSchemaForSave, updateCommercialTerms } from './commercial-terms.server'

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
      minimumOrderCents: 125_050,
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
    [{ minimumOrderCents: -1 }, 'INVALID_MINIMUM'],
    [{ minimumOrderCents: 100_000_001 }, 'INVALID_MINIMUM'],
    [{ priceListId: 'nope' }, 'UNKNOWN_PRICE_LIST'],
    [{ termCodes: ['99/999'] }, 'UNKNOWN_TERM'],
  ])('refuses %o and changes nothing', async (bad, code) => {
    const manager = await actor()
    const account = await createAccount({ terms: ['28'], minimumOrderCents: 30_000 })
    const result = await updateCommercialTerms(manager.id, account.id, {
      priceListId: null,
      termCodes: ['28'],
      minimumOrderCents: 30_000,
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

describe("the commercial-terms form's schema on the server", () => {
  function formData(entries: Record<string, string | string[]>) {
    const data = new FormData()
    for (const [name, value] of Object.entries(entries)) {
      for (const item of [value].flat()) data.append(name, item)
    }
    return data
  }

  it('reports each refusal on its own field, all at once', async () => {
    await createTerms(['28'])
    const submission = await parseWithZod(
      formData({ priceListId: 'nope', termCodes: ['28', '99/999'], minimumOrder: 'muito' }),
      { schema: commercialTermsSchemaForSave(), async: true },
    )
    expect(submission.status === 'error' && submission.error).toEqual({
      minimumOrder: ['account.invalidMinimum'],
      priceListId: ['account.unknownPriceList'],
      termCodes: ['account.unknownTerm'],
    })
  })

  it('passes a price list and terms that exist, the minimum in cents', async () => {
    await createTerms(['28', '28/56'])
    const list = await prisma.priceList.create({
      data: { code: `L${crypto.randomInt(1e9)}`, name: 'Norte' },
    })
    const submission = await parseWithZod(
      formData({ priceListId: list.id, termCodes: ['28/56', '28'], minimumOrder: '300' }),
      { schema: commercialTermsSchemaForSave(), async: true },
    )
    expect(submission.status === 'success' && submission.value).toEqual({
      priceListId: list.id,
      termCodes: ['28/56', '28'],
      minimumOrderCents: 30_000,
    })
  })
})
