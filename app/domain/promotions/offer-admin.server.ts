/**
 * The back office's side of offers: the form that creates and edits them, pausing, and how each
 * one performs (redemptions, discounts given, revenue of the orders that used it).
 */
import { Prisma } from '@prisma/client'
import { isUniqueViolation, prisma } from '~/utils/db.server'
import { addFormIssue, formErrorsOf, formMessage, type FormErrors } from '~/utils/form-schema'
import { pageWindow } from '~/utils/paging'
import { bpsToPercent, centsToDecimalText } from '~/utils/money'
import { formatCnpj } from '~/domain/accounts/cnpj'
import { audit, diffFields } from '~/domain/audit/audit.server'
import {
  MAX_OFFER_CNPJS,
  MAX_OFFER_SKUS,
  OFFER_CODE,
  normalizeOfferCode,
  offerCnpjs,
  offerSchema,
  offerSkus,
} from './offer-form'
import type { OfferFormValues, OfferInput } from './offer-form'
import { offerState, type OfferState } from './offer-state'

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
// The form: its schema (offer-form.ts) with the checks against the catalog and the portfolio

/** The offer ready to write: the form's input with its products, accounts and bonus found. */
export type OfferData = Omit<
  OfferInput,
  'familyIds' | 'productSkus' | 'namedCnpjs' | 'bonusSku'
> & {
  familyIds: string[]
  productIds: string[]
  accountIds: string[]
  bonusProductId: string | null
}

/**
 * The offer form's schema on the server (parse it with `async: true`): the browser's checks,
 * plus a code no other offer has, families, SKUs and CNPJs that exist, an active bonus product.
 */

/** The values of `wanted` that are not among `found`, in `wanted`'s order. */
function missing(wanted: string[], found: string[]): string[] {
  const known = new Set(found)
  return wanted.filter((value) => !known.has(value))
}

export function offerSchemaForSave(offerId: string | null) {
  // What the checks found, so the data written is what was checked, read once.
  const found = {
    familyIds: [] as string[],
    productIds: [] as string[],
    accountIds: [] as string[],
    bonusProductId: null as string | null,
  }
  return offerSchema(async (values, ctx) => {
    const code = normalizeOfferCode(values.code)
    if (OFFER_CODE.test(code)) {
      const taken = await prisma.offer.findFirst({
        where: { code, ...(offerId ? { NOT: { id: offerId } } : {}) },
        select: { id: true },
      })
      if (taken) addFormIssue(ctx, 'code', 'offerForm.codeTaken')
    }
    if (values.scope === 'FAMILIES' && values.familyIds.length) {
      const families = await prisma.productFamily.findMany({
        where: { id: { in: values.familyIds } },
        select: { id: true },
      })
      found.familyIds = families.map((f) => f.id)
      if (!families.length) addFormIssue(ctx, 'familyIds', 'offerForm.familiesRequired')
    }
    const skus = values.scope === 'PRODUCTS' ? offerSkus(values.productSkus) : []
    if (skus.length && skus.length <= MAX_OFFER_SKUS) {
      const products = await prisma.product.findMany({
        where: { sku: { in: skus } },
        select: { id: true, sku: true },
      })
      found.productIds = products.map((p) => p.id)
      const unknown = missing(
        skus,
        products.map((p) => p.sku),
      )
      if (unknown.length) {
        addFormIssue(ctx, 'productSkus', 'offerForm.unknownSkus', {
          count: unknown.length,
          skus: unknown.slice(0, 10).join(', '),
        })
      }
    }
    const cnpjs = values.audience === 'NAMED' ? offerCnpjs(values.namedCnpjs) : []
    if (cnpjs.length && cnpjs.length <= MAX_OFFER_CNPJS && cnpjs.every((c) => c.cnpj)) {
      const unique = [...new Set(cnpjs.map((c) => c.cnpj!))]
      const accounts: { id: string; cnpj: string }[] = []
      for (let i = 0; i < unique.length; i += 500) {
        accounts.push(
          ...(await prisma.account.findMany({
            where: { cnpj: { in: unique.slice(i, i + 500) } },
            select: { id: true, cnpj: true },
          })),
        )
      }
      found.accountIds = accounts.map((a) => a.id)
      const unknown = missing(
        unique,
        accounts.map((a) => a.cnpj),
      )
      if (unknown.length) {
        addFormIssue(ctx, 'namedCnpjs', 'offerForm.unknownCnpjs', {
          count: unknown.length,
          cnpjs: unknown.slice(0, 10).map(formatCnpj).join(', '),
        })
      }
    }
    if (values.bonusSku) {
      const product = await prisma.product.findUnique({
        where: { sku: values.bonusSku.toUpperCase() },
        select: { id: true, active: true },
      })
      if (!product?.active) addFormIssue(ctx, 'bonusSku', 'offerForm.unknownBonus')
      else found.bonusProductId = product.id
    }
  }).transform(
    ({
      familyIds: _families,
      productSkus: _skus,
      namedCnpjs: _cnpjs,
      bonusSku: _bonus,
      ...input
    }): OfferData => ({ ...input, ...found }),
  )
}

/** Dates as ISO strings, so the audit diff compares values rather than Date objects. */
function comparable(record: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  )
}

export type SaveOfferResult = { ok: true; id: string } | { ok: false; errors: FormErrors }

/** Writes a checked offer: creates it (id null) or updates it, audited. */
export async function writeOffer(
  actorId: string,
  id: string | null,
  data: OfferData,
): Promise<SaveOfferResult> {
  const { familyIds, productIds, accountIds, ...fields } = data
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
      if (!before)
        return { ok: false, errors: { '': [formMessage('offerForm.notFound')] } } as const
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
    // Another manager took the code between the check and the write.
    if (isUniqueViolation(error)) {
      return { ok: false, errors: { code: [formMessage('offerForm.codeTaken')] } }
    }
    throw error
  }
}

/** Checks the form as typed and writes the offer: every error by field, or the offer's id. */
export async function saveOffer(
  actorId: string,
  id: string | null,
  values: OfferFormValues,
): Promise<SaveOfferResult> {
  const parsed = await offerSchemaForSave(id).safeParseAsync(values)
  if (!parsed.success) return { ok: false, errors: formErrorsOf(parsed.error) }
  return writeOffer(actorId, id, parsed.data)
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
