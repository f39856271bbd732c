import crypto from 'node:crypto'
import { parseWithZod } from '@conform-to/zod'
import { createAccount, createFamily, createOffer, createProduct } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { formMessage } from '~/utils/form-schema'
import {
  getOfferForEdit,
  listOffers,
  offerSchemaForSave,
  saveOffer,
  setOfferPaused,
  writeOffer,
} from './offer-admin.server'
import { NEW_OFFER_VALUES, type OfferFormValues } from './offer-form'

const form = (values: Partial<OfferFormValues>): OfferFormValues => ({
  ...NEW_OFFER_VALUES,
  ...values,
})

function formData(entries: Record<string, string | string[]>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) {
    for (const item of [value].flat()) data.append(name, item)
  }
  return data
}

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
        name: ['form.required'],
        code: ['offerForm.codeFormat'],
        discountValue: ['offerForm.percent'],
        minOrder: ['offerForm.money'],
        endsOn: ['offerForm.endsBeforeStart'],
        maxRedemptions: ['offerForm.positiveInt'],
        extraTermDays: ['offerForm.termDays'],
        productSkus: [formMessage('offerForm.unknownSkus', { count: 1, skus: 'NOPE-1' })],
        namedCnpjs: [formMessage('offerForm.badCnpjs', { count: 1, cnpjs: '11.111.111/1111-11' })],
        bonusSku: ['offerForm.unknownBonus'],
      },
    })
    expect(await prisma.offer.count()).toBe(before)
  })

  it('refuses an offer that gives nothing, and a code already taken', async () => {
    const actor = await manager()
    expect(await saveOffer(actor.id, null, form({ name: 'Nada' }))).toEqual({
      ok: false,
      errors: { '': ['offerForm.nothingGiven'] },
    })
    const taken = await createOffer()
    const result = await saveOffer(
      actor.id,
      null,
      form({ name: 'Outra', code: taken.code!, discountType: 'FIXED', discountValue: '10' }),
    )
    expect(result).toEqual({ ok: false, errors: { code: ['offerForm.codeTaken'] } })
    // Saving an offer under its own code is not a clash.
    const edit = await getOfferForEdit(taken.id)
    expect(await saveOffer(actor.id, taken.id, edit!.values)).toEqual({ ok: true, id: taken.id })
  })

  it('reports a code taken between the check and the write on the code field', async () => {
    const actor = await manager()
    const code = `R${crypto.randomInt(1e9)}`
    const checked = await offerSchemaForSave(null).parseAsync(
      form({ name: 'Corrida', code, discountType: 'FIXED', discountValue: '5' }),
    )
    await createOffer({ code })
    expect(await writeOffer(actor.id, null, checked)).toEqual({
      ok: false,
      errors: { code: ['offerForm.codeTaken'] },
    })
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

describe("the offer form's schema on the server", () => {
  it('checks the catalog and the portfolio inside the schema, with every error by field', async () => {
    const known = await createProduct()
    const submission = await parseWithZod(
      formData({
        name: 'Só estes',
        code: 'ok-123',
        discountType: 'PERCENT',
        discountValue: '5',
        scope: 'PRODUCTS',
        productSkus: `${known.sku.toLowerCase()}, NOPE-3\nNOPE-4`,
        audience: 'NAMED',
        namedCnpjs: '11.222.333/0001-81',
        bonusSku: 'NOPE-5',
      }),
      { schema: offerSchemaForSave(null), async: true },
    )
    if (submission.status !== 'error') throw new Error(`expected errors, got ${submission.status}`)
    expect(submission.error).toEqual({
      productSkus: [formMessage('offerForm.unknownSkus', { count: 2, skus: 'NOPE-3, NOPE-4' })],
      namedCnpjs: [
        formMessage('offerForm.unknownCnpjs', { count: 1, cnpjs: '11.222.333/0001-81' }),
      ],
      bonusSku: ['offerForm.unknownBonus'],
    })
    // What was typed comes back to the form.
    expect(submission.reply().initialValue).toMatchObject({ code: 'ok-123', bonusSku: 'NOPE-5' })
  })

  it('gives the domain typed values with the products, accounts and bonus it found', async () => {
    const family = await createFamily()
    const account = await createAccount()
    const bonus = await createProduct()
    const submission = await parseWithZod(
      formData({
        name: ' Família ',
        code: ' fam-10 ',
        discountType: 'FIXED',
        discountValue: '1.234,56',
        scope: 'FAMILIES',
        familyIds: [family.id, 'nope'],
        minOrder: '300',
        maxPerAccount: '2',
        audience: 'NAMED',
        namedCnpjs: account.cnpj,
        bonusSku: bonus.sku,
        extraTermDays: '15',
        stackable: 'on',
      }),
      { schema: offerSchemaForSave(null), async: true },
    )
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value).toEqual({
      name: 'Família',
      code: 'FAM-10',
      description: '',
      discountType: 'FIXED',
      discountValue: 123_456,
      scope: 'FAMILIES',
      familyIds: [family.id],
      productIds: [],
      accountIds: [account.id],
      minOrderCents: 30_000,
      startsAt: null,
      endsAt: null,
      maxRedemptions: null,
      maxPerAccount: 2,
      audience: 'NAMED',
      audienceSegment: null,
      stackable: true,
      bonusProductId: bonus.id,
      bonusQuantity: 1,
      extraTermDays: 15,
    })
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
