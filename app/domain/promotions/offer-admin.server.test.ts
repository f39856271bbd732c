import crypto from 'node:crypto'
import { createAccount, createFamily, createOffer, createProduct } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import {
  getOfferForEdit,
  listOffers,
  OfferFormSchema,
  saveOffer,
  setOfferPaused,
  type OfferFormValues,
} from './offer-admin.server'

const form = (values: Partial<OfferFormValues>): OfferFormValues => ({
  ...OfferFormSchema.parse({}),
  ...values,
})

async function manager() {
  return prisma.user.create({
    data: { email: `m-${crypto.randomUUID()}@test.example`, name: 'Gestora', role: 'MANAGER' },
  })
}

describe('the offer form', () => {
  it('creates a family coupon with limits, dates and audience, and audits it', async () => {
    const actor = await manager()
    const family = await createFamily()
    const code = `T${crypto.randomInt(1e9)}`
    const result = await saveOffer(
      actor.id,
      null,
      form({
        name: 'Tintas 10%',
        code: code.toLowerCase(),
        discountType: 'PERCENT',
        discountValue: '7,5',
        scope: 'FAMILIES',
        familyIds: [family.id],
        minOrder: '1.500,00',
        startsOn: '2026-12-01',
        endsOn: '31/12/2026',
        maxRedemptions: '100',
        maxPerAccount: '1',
        audience: 'INACTIVE',
        extraTermDays: '30',
        stackable: true,
      }),
    )
    expect(result.ok).toBe(true)
    const id = (result as { id: string }).id
    const offer = await prisma.offer.findUniqueOrThrow({
      where: { id },
      include: { families: true },
    })
    expect(offer).toMatchObject({
      code,
      discountType: 'PERCENT',
      discountValue: 750,
      minOrderCents: 150_000,
      // Midnight in Brasília on the first day; the end is the first moment after the last day.
      startsAt: new Date('2026-12-01T03:00:00Z'),
      endsAt: new Date('2027-01-01T03:00:00Z'),
      maxRedemptions: 100,
      maxPerAccount: 1,
      audience: 'INACTIVE',
      extraTermDays: 30,
      stackable: true,
    })
    expect(offer.families.map((f) => f.id)).toEqual([family.id])
    expect(
      await prisma.auditLog.count({
        where: { entity: 'Offer', entityId: id, action: 'offer.created' },
      }),
    ).toBe(1)

    // The edit form shows what was typed, and saving it unchanged changes nothing.
    const edit = await getOfferForEdit(id)
    expect(edit?.values).toMatchObject({
      discountValue: '7,5',
      minOrder: '1500,00',
      startsOn: '2026-12-01',
      endsOn: '2026-12-31',
    })
    expect(await saveOffer(actor.id, id, edit!.values)).toEqual({ ok: true, id })
    expect(await prisma.offer.findUniqueOrThrow({ where: { id } })).toMatchObject({
      startsAt: offer.startsAt,
      endsAt: offer.endsAt,
      discountValue: 750,
    })
  })

  it('reports every bad field and writes nothing', async () => {
    const actor = await manager()
    const before = await prisma.offer.count()
    const result = await saveOffer(
      actor.id,
      null,
      form({
        name: '',
        code: 'a b',
        discountType: 'PERCENT',
        discountValue: '150',
        scope: 'PRODUCTS',
        productSkus: 'NOPE-1',
        minOrder: 'abc',
        startsOn: '2026-12-10',
        endsOn: '2026-12-01',
        maxRedemptions: '-1',
        audience: 'NAMED',
        namedCnpjs: '11.111.111/1111-11',
        bonusSku: 'NOPE-2',
        extraTermDays: '999',
      }),
    )
    expect(result).toEqual({
      ok: false,
      errors: {
        name: 'offerForm.required',
        code: 'offerForm.codeFormat',
        discountValue: 'offerForm.percent',
        minOrder: 'offerForm.money',
        endsOn: 'offerForm.endsBeforeStart',
        maxRedemptions: 'offerForm.positiveInt',
        extraTermDays: 'offerForm.termDays',
        productSkus: 'offerForm.unknownSkus',
        namedCnpjs: 'offerForm.badCnpj',
        bonusSku: 'offerForm.unknownBonus',
      },
    })
    expect(await prisma.offer.count()).toBe(before)
  })

  it('refuses an offer that gives nothing, and a code already taken', async () => {
    const actor = await manager()
    expect(await saveOffer(actor.id, null, form({ name: 'Nada' }))).toEqual({
      ok: false,
      errors: { form: 'offerForm.nothingGiven' },
    })
    const taken = await createOffer()
    const result = await saveOffer(
      actor.id,
      null,
      form({ name: 'Outra', code: taken.code!, discountType: 'FIXED', discountValue: '10' }),
    )
    expect(result).toEqual({ ok: false, errors: { code: 'offerForm.codeTaken' } })
  })

  it('names accounts by CNPJ and gives a bonus item', async () => {
    const actor = await manager()
    const account = await createAccount()
    const bonus = await createProduct()
    const result = await saveOffer(
      actor.id,
      null,
      form({
        name: 'Só para você',
        audience: 'NAMED',
        namedCnpjs: account.cnpj,
        bonusSku: bonus.sku.toLowerCase(),
        bonusQuantity: '2',
      }),
    )
    expect(result.ok).toBe(true)
    const offer = await prisma.offer.findUniqueOrThrow({
      where: { id: (result as { id: string }).id },
      include: { namedAccounts: true },
    })
    expect(offer).toMatchObject({ code: null, bonusProductId: bonus.id, bonusQuantity: 2 })
    expect(offer.namedAccounts.map((a) => a.id)).toEqual([account.id])
  })
})

describe('offer status and performance', () => {
  it('pauses and resumes, audited, and lists the offer under its state', async () => {
    const actor = await manager()
    const offer = await createOffer()
    expect(await setOfferPaused(actor.id, offer.id, true)).toBe(true)
    expect((await listOffers({ state: 'paused' })).offers.map((o) => o.id)).toContain(offer.id)
    expect((await listOffers({ state: 'active' })).offers.map((o) => o.id)).not.toContain(offer.id)
    await setOfferPaused(actor.id, offer.id, false)
    expect((await listOffers({ state: 'active' })).offers.map((o) => o.id)).toContain(offer.id)
    expect(await prisma.auditLog.count({ where: { entityId: offer.id } })).toBe(2)
    expect(await setOfferPaused(actor.id, 'missing', true)).toBe(false)
  })

  it('lists a used-up offer as ended', async () => {
    const offer = await createOffer({ maxRedemptions: 2, redemptionCount: 2 })
    const ended = await listOffers({ state: 'ended' })
    expect(ended.offers.find((o) => o.id === offer.id)?.state).toBe('ended')
  })
})
