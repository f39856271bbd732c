/**
 * The back office's side of offers: the form that creates and edits them, pausing, and how each
 * one performs (redemptions, discounts given, revenue of the orders that used it).
 */
import { Prisma } from '@prisma/client'
import { z } from 'zod'
import { isUniqueViolation, prisma } from '~/utils/db.server'
import { pageWindow } from '~/utils/paging'
import { parseBrazilianDate, parseBrazilianMoney } from '~/utils/csv'
import { bpsToPercent, centsToDecimalText, percentToBps } from '~/utils/money'
import { normalizeCnpj } from '../accounts/cnpj'
import { audit, diffFields } from '../audit/audit.server'
import { offerState, type OfferState } from './offer-state'
import { normalizeCode } from './offers.server'

const DAY = 24 * 60 * 60 * 1000
export const OFFERS_PAGE_SIZE = 25
function stateWhere(state: OfferState, now: Date): Prisma.OfferWhereInput {
  switch (state) {
    case 'paused':
      return { paused: true }
    case 'scheduled':
      return {
        paused: false,
        startsAt: { gt: now },
        OR: [{ endsAt: null }, { endsAt: { gt: now } }],
      }
    case 'ended':
      return {
        paused: false,
        OR: [
          { endsAt: { lte: now } },
          { maxRedemptions: { not: null, lte: prisma.offer.fields.redemptionCount } },
        ],
      }
    case 'active':
      return {
        paused: false,
        AND: [
          { OR: [{ startsAt: null }, { startsAt: { lte: now } }] },
          { OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
          {
            OR: [
              { maxRedemptions: null },
              { maxRedemptions: { gt: prisma.offer.fields.redemptionCount } },
            ],
          },
        ],
      }
  }
}

type OfferStats = { redemptions: number; discountCents: number; revenueCents: number }
const NO_STATS: OfferStats = { redemptions: 0, discountCents: 0, revenueCents: 0 }

/** Redemptions, discounts and the revenue of the orders that used each offer (one query). */
export async function offerStats(offerIds: readonly string[]): Promise<Map<string, OfferStats>> {
  if (!offerIds.length) return new Map()
  const rows = await prisma.$queryRaw<
    {
      offerId: string
      redemptions: bigint | number
      discount: bigint | number | null
      revenue: bigint | number | null
    }[]
  >(Prisma.sql`
    SELECT r."offerId" AS "offerId", COUNT(*) AS redemptions,
           SUM(r."discountCents") AS discount, SUM(o."totalCents") AS revenue
    FROM "OfferRedemption" r JOIN "Order" o ON o."id" = r."orderId"
    WHERE r."offerId" IN (${Prisma.join(offerIds)}) AND o."status" <> 'CANCELLED'
    GROUP BY r."offerId"`)
  return new Map(
    rows.map((row) => [
      row.offerId,
      {
        redemptions: Number(row.redemptions),
        discountCents: Number(row.discount ?? 0),
        revenueCents: Number(row.revenue ?? 0),
      },
    ]),
  )
}

export async function listOffers(query: { state?: OfferState; page?: number }, now = new Date()) {
  const where = query.state ? stateWhere(query.state, now) : {}
  const total = await prisma.offer.count({ where })
  const { page, pageCount, skip, take } = pageWindow(total, query.page, OFFERS_PAGE_SIZE)
  const offers = await prisma.offer.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    skip,
    take,
    select: {
      id: true,
      name: true,
      code: true,
      discountType: true,
      discountValue: true,
      scope: true,
      audience: true,
      bonusQuantity: true,
      extraTermDays: true,
      paused: true,
      startsAt: true,
      endsAt: true,
      maxRedemptions: true,
      redemptionCount: true,
      bonusProduct: { select: { sku: true } },
    },
  })
  const stats = await offerStats(offers.map((o) => o.id))
  return {
    offers: offers.map((offer) => ({
      ...offer,
      state: offerState(offer, now),
      stats: stats.get(offer.id) ?? NO_STATS,
    })),
    total,
    page,
    pageCount,
  }
}

/** The offer as the edit form shows it: money and percentages as typed, dates as days. */
export async function getOfferForEdit(id: string, now = new Date()) {
  const offer = await prisma.offer.findUnique({
    where: { id },
    include: {
      families: { select: { id: true } },
      products: { select: { sku: true } },
      namedAccounts: { select: { cnpj: true } },
      bonusProduct: { select: { sku: true } },
    },
  })
  if (!offer) return null
  const day = (date: Date | null) =>
    date ? new Date(date.getTime() - 3 * 60 * 60 * 1000).toISOString().slice(0, 10) : ''
  const values: OfferFormValues = {
    name: offer.name,
    code: offer.code ?? '',
    description: offer.description,
    discountType: offer.discountType,
    discountValue:
      offer.discountType === 'PERCENT'
        ? bpsToPercent(offer.discountValue)
        : offer.discountType === 'FIXED'
          ? centsToDecimalText(offer.discountValue)
          : '',
    scope: offer.scope,
    familyIds: offer.families.map((f) => f.id),
    productSkus: offer.products.map((p) => p.sku).join('\n'),
    minOrder: offer.minOrderCents ? centsToDecimalText(offer.minOrderCents) : '',
    startsOn: day(offer.startsAt),
    // Stored as the first moment it no longer applies; shown as the last day it does.
    endsOn: day(offer.endsAt ? new Date(offer.endsAt.getTime() - DAY) : null),
    maxRedemptions: offer.maxRedemptions === null ? '' : String(offer.maxRedemptions),
    maxPerAccount: offer.maxPerAccount === null ? '' : String(offer.maxPerAccount),
    audience: offer.audience,
    audienceSegment: offer.audienceSegment ?? '',
    namedCnpjs: offer.namedAccounts.map((a) => a.cnpj).join('\n'),
    stackable: offer.stackable,
    bonusSku: offer.bonusProduct?.sku ?? '',
    bonusQuantity: offer.bonusQuantity ? String(offer.bonusQuantity) : '',
    extraTermDays: offer.extraTermDays ? String(offer.extraTermDays) : '',
  }
  const stats = (await offerStats([offer.id])).get(offer.id) ?? NO_STATS
  return {
    id: offer.id,
    paused: offer.paused,
    state: offerState(offer, now),
    redemptionCount: offer.redemptionCount,
    values,
    stats,
  }
}

export async function listRedemptions(offerId: string, requestedPage: number) {
  const where = { offerId }
  const total = await prisma.offerRedemption.count({ where })
  const { page, pageCount, skip, take } = pageWindow(total, requestedPage, OFFERS_PAGE_SIZE)
  const redemptions = await prisma.offerRedemption.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    skip,
    take,
    select: {
      id: true,
      createdAt: true,
      discountCents: true,
      bonusQuantity: true,
      extraTermDays: true,
      order: { select: { id: true, totalCents: true, status: true } },
      account: { select: { id: true, tradeName: true, cnpj: true } },
    },
  })
  return { redemptions, total, page, pageCount }
}

// ---------------------------------------------------------------------------------------------
// The form

const text = (max: number) => z.string().trim().max(max).default('')

export const OfferFormSchema = z.object({
  name: text(120),
  code: text(40),
  description: text(500),
  discountType: z.enum(['NONE', 'PERCENT', 'FIXED']).default('NONE'),
  discountValue: text(20),
  scope: z.enum(['ORDER', 'FAMILIES', 'PRODUCTS']).default('ORDER'),
  familyIds: z.array(z.string().max(40)).max(200).default([]),
  productSkus: text(20_000),
  minOrder: text(20),
  startsOn: text(10),
  endsOn: text(10),
  maxRedemptions: text(9),
  maxPerAccount: text(9),
  audience: z.enum(['EVERYONE', 'SEGMENT', 'INACTIVE', 'NAMED']).default('EVERYONE'),
  audienceSegment: text(80),
  namedCnpjs: text(100_000),
  stackable: z.boolean().default(false),
  bonusSku: text(40),
  bonusQuantity: text(6),
  extraTermDays: text(4),
})

export type OfferFormValues = z.infer<typeof OfferFormSchema>

/** Error message keys (see the offerForm.* texts), by field. */
export type OfferFormErrors = Partial<Record<keyof OfferFormValues | 'form', string>>

export function offerFormValues(form: FormData): OfferFormValues {
  const raw = Object.fromEntries(
    [...form.keys()].filter((k) => k !== 'familyIds').map((k) => [k, form.get(k)]),
  )
  const parsed = OfferFormSchema.safeParse({
    ...raw,
    familyIds: form.getAll('familyIds').map(String),
    stackable: form.get('stackable') === 'on',
  })
  // Anything the schema refuses (wrong enum, too long) comes back as an empty form to fill.
  return parsed.success ? parsed.data : OfferFormSchema.parse({})
}

const lines = (value: string) =>
  value
    .split(/[\s,;]+/)
    .map((v) => v.trim())
    .filter(Boolean)

function optionalInt(value: string, min: number, max: number): number | null | 'invalid' {
  if (value === '') return null
  if (!/^\d+$/.test(value)) return 'invalid'
  const n = Number(value)
  return n < min || n > max ? 'invalid' : n
}

type OfferData = Omit<
  Prisma.OfferUncheckedCreateInput,
  'families' | 'products' | 'namedAccounts'
> & {
  familyIds: string[]
  productIds: string[]
  accountIds: string[]
}

/** Checks the form against the catalog and the portfolio; returns the data or every error. */
async function validateOffer(
  values: OfferFormValues,
): Promise<{ ok: true; data: OfferData } | { ok: false; errors: OfferFormErrors }> {
  const errors: OfferFormErrors = {}
  if (!values.name) errors.name = 'offerForm.required'
  const code = normalizeCode(values.code)
  if (code && !/^[A-Z0-9][A-Z0-9_-]{2,29}$/.test(code)) errors.code = 'offerForm.codeFormat'

  let discountValue = 0
  if (values.discountType === 'PERCENT') {
    const bps = percentToBps(values.discountValue)
    if (bps === null || bps === 0) errors.discountValue = 'offerForm.percent'
    else discountValue = bps
  } else if (values.discountType === 'FIXED') {
    const cents = parseBrazilianMoney(values.discountValue)
    if (cents === null || cents <= 0) errors.discountValue = 'offerForm.money'
    else discountValue = cents
  }

  const minOrderCents = values.minOrder ? parseBrazilianMoney(values.minOrder) : 0
  if (minOrderCents === null || minOrderCents < 0) errors.minOrder = 'offerForm.money'

  const startsAt = values.startsOn ? parseBrazilianDate(values.startsOn) : null
  if (values.startsOn && !startsAt) errors.startsOn = 'offerForm.date'
  const lastDay = values.endsOn ? parseBrazilianDate(values.endsOn) : null
  if (values.endsOn && !lastDay) errors.endsOn = 'offerForm.date'
  const endsAt = lastDay ? new Date(lastDay.getTime() + DAY) : null
  if (startsAt && endsAt && endsAt <= startsAt) errors.endsOn = 'offerForm.endsBeforeStart'

  const maxRedemptions = optionalInt(values.maxRedemptions, 1, 10_000_000)
  if (maxRedemptions === 'invalid') errors.maxRedemptions = 'offerForm.positiveInt'
  const maxPerAccount = optionalInt(values.maxPerAccount, 1, 1_000)
  if (maxPerAccount === 'invalid') errors.maxPerAccount = 'offerForm.positiveInt'
  const extraTermDays = optionalInt(values.extraTermDays, 1, 180)
  if (extraTermDays === 'invalid') errors.extraTermDays = 'offerForm.termDays'

  let familyIds: string[] = []
  let productIds: string[] = []
  if (values.scope === 'FAMILIES') {
    const found = await prisma.productFamily.findMany({
      where: { id: { in: values.familyIds } },
      select: { id: true },
    })
    familyIds = found.map((f) => f.id)
    if (!familyIds.length) errors.familyIds = 'offerForm.familiesRequired'
  }
  if (values.scope === 'PRODUCTS') {
    const skus = [...new Set(lines(values.productSkus).map((s) => s.toUpperCase()))]
    const found = await prisma.product.findMany({
      where: { sku: { in: skus.slice(0, 500) } },
      select: { id: true, sku: true },
    })
    productIds = found.map((p) => p.id)
    if (!skus.length) errors.productSkus = 'offerForm.productsRequired'
    else if (found.length !== skus.length || skus.length > 500)
      errors.productSkus = 'offerForm.unknownSkus'
  }

  let accountIds: string[] = []
  if (values.audience === 'SEGMENT' && !values.audienceSegment)
    errors.audienceSegment = 'offerForm.required'
  if (values.audience === 'NAMED') {
    const cnpjs = lines(values.namedCnpjs).map((c) => normalizeCnpj(c))
    if (!cnpjs.length) errors.namedCnpjs = 'offerForm.accountsRequired'
    else if (cnpjs.some((c) => c === null) || cnpjs.length > 5_000)
      errors.namedCnpjs = 'offerForm.badCnpj'
    else {
      const unique = [...new Set(cnpjs as string[])]
      const found: { id: string }[] = []
      for (let i = 0; i < unique.length; i += 500) {
        found.push(
          ...(await prisma.account.findMany({
            where: { cnpj: { in: unique.slice(i, i + 500) } },
            select: { id: true },
          })),
        )
      }
      accountIds = found.map((a) => a.id)
      if (found.length !== unique.length) errors.namedCnpjs = 'offerForm.unknownCnpj'
    }
  }

  let bonusProductId: string | null = null
  let bonusQuantity = 0
  if (values.bonusSku) {
    const product = await prisma.product.findUnique({
      where: { sku: values.bonusSku.toUpperCase() },
      select: { id: true, active: true },
    })
    if (!product?.active) errors.bonusSku = 'offerForm.unknownBonus'
    else bonusProductId = product.id
    const quantity = optionalInt(values.bonusQuantity || '1', 1, 1_000)
    if (quantity === 'invalid' || quantity === null) errors.bonusQuantity = 'offerForm.positiveInt'
    else bonusQuantity = quantity
  }

  const givesSomething = discountValue > 0 || bonusProductId !== null || (extraTermDays ?? 0) !== 0
  if (!givesSomething && !errors.discountValue && !errors.bonusSku && !errors.extraTermDays)
    errors.form = 'offerForm.nothingGiven'

  if (Object.keys(errors).length) return { ok: false, errors }
  return {
    ok: true,
    data: {
      name: values.name,
      code: code || null,
      description: values.description,
      discountType: values.discountType,
      discountValue,
      scope: values.scope,
      minOrderCents: minOrderCents ?? 0,
      startsAt,
      endsAt,
      maxRedemptions: maxRedemptions as number | null,
      maxPerAccount: maxPerAccount as number | null,
      audience: values.audience,
      audienceSegment: values.audience === 'SEGMENT' ? values.audienceSegment : null,
      stackable: values.stackable,
      bonusProductId,
      bonusQuantity,
      extraTermDays: (extraTermDays as number | null) ?? 0,
      familyIds,
      productIds,
      accountIds,
    },
  }
}

/** Dates as ISO strings, so the audit diff compares values rather than Date objects. */
function comparable(record: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  )
}

export type SaveOfferResult = { ok: true; id: string } | { ok: false; errors: OfferFormErrors }

/** Creates (id null) or updates an offer from the form, audited. */
export async function saveOffer(
  actorId: string,
  id: string | null,
  values: OfferFormValues,
): Promise<SaveOfferResult> {
  const validated = await validateOffer(values)
  if (!validated.ok) return validated
  const { familyIds, productIds, accountIds, ...fields } = validated.data
  try {
    return await prisma.$transaction(async (tx) => {
      const relations = {
        families: { set: familyIds.map((fid) => ({ id: fid })) },
        products: { set: productIds.map((pid) => ({ id: pid })) },
        namedAccounts: { set: accountIds.map((aid) => ({ id: aid })) },
      }
      if (id === null) {
        const created = await tx.offer.create({
          data: {
            ...fields,
            createdById: actorId,
            families: { connect: relations.families.set },
            products: { connect: relations.products.set },
            namedAccounts: { connect: relations.namedAccounts.set },
          },
          select: { id: true },
        })
        await audit(tx, {
          actorId,
          action: 'offer.created',
          entity: 'Offer',
          entityId: created.id,
          changes: {
            ...fields,
            families: familyIds.length,
            products: productIds.length,
            accounts: accountIds.length,
          },
        })
        return { ok: true, id: created.id } as const
      }
      const before = await tx.offer.findUnique({ where: { id } })
      if (!before) return { ok: false, errors: { form: 'offerForm.notFound' } } as const
      await tx.offer.update({ where: { id }, data: { ...fields, ...relations } })
      await audit(tx, {
        actorId,
        action: 'offer.updated',
        entity: 'Offer',
        entityId: id,
        changes: diffFields(comparable(before), comparable(fields)),
      })
      return { ok: true, id } as const
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { code: 'offerForm.codeTaken' } }
    throw error
  }
}

export async function setOfferPaused(
  actorId: string,
  id: string,
  paused: boolean,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.offer.updateMany({ where: { id }, data: { paused } })
    if (!updated.count) return false
    await audit(tx, {
      actorId,
      action: paused ? 'offer.paused' : 'offer.resumed',
      entity: 'Offer',
      entityId: id,
    })
    return true
  })
}
