/**
 * The offer form's schema, shared by the back office's action and its component (Conform). It
 * checks everything that needs no database and turns the typed text into an `OfferInput`;
 * `offerSchemaForSave` in offer-admin.server.ts adds the checks against the catalog and the
 * portfolio (a SKU that exists, a code not taken…).
 */
import { type OfferAudience, type OfferDiscountType, type OfferScope } from '@prisma/client'
import { z } from 'zod'
import { percentToBps } from '~/utils/money'
import {
  addFormIssue,
  brazilianDay,
  formMessage,
  listItems,
  moneyCents,
  optionalText,
  requiredText,
  wholeNumber,
} from '~/utils/form-schema'
import { normalizeCnpj } from '~/domain/accounts/cnpj'

const DAY = 24 * 60 * 60 * 1000
export const OFFER_CODE = /^[A-Z0-9][A-Z0-9_-]{2,29}$/
export const MAX_OFFER_SKUS = 500
export const MAX_OFFER_CNPJS = 5_000
const MAX_MINIMUM_CENTS = 100_000_000

const DISCOUNT_TYPES = ['NONE', 'PERCENT', 'FIXED'] as const satisfies readonly OfferDiscountType[]
const SCOPES = ['ORDER', 'FAMILIES', 'PRODUCTS'] as const satisfies readonly OfferScope[]
const AUDIENCES = [
  'EVERYONE',
  'SEGMENT',
  'INACTIVE',
  'NAMED',
] as const satisfies readonly OfferAudience[]

/** Coupon codes are compared in capitals, whatever the buyer or the manager typed. */
export function normalizeOfferCode(code: string | undefined): string {
  return (code ?? '').trim().toUpperCase()
}

export const offerSkus = (text: string | undefined) => [
  ...new Set(listItems(text).map((sku) => sku.toUpperCase())),
]
export const offerCnpjs = (text: string | undefined) =>
  listItems(text).map((cnpj) => ({ typed: cnpj, cnpj: normalizeCnpj(cnpj) }))

/** Optional text that, when filled in, must read as `check` says. */
function checkedText(max: number, message: string, check: (text: string) => boolean) {
  return z
    .string({ invalid_type_error: message })
    .trim()
    .max(max, message)
    .refine((text) => text === '' || check(text), message)
    .optional()
}

const fields = z.object({
  name: requiredText(120),
  code: checkedText(30, formMessage('offerForm.codeFormat'), (code) =>
    OFFER_CODE.test(normalizeOfferCode(code)),
  ),
  description: optionalText(500),
  discountType: z.enum(DISCOUNT_TYPES).default('NONE'),
  // Read as a percentage or an amount depending on the type: checked below.
  discountValue: optionalText(20),
  scope: z.enum(SCOPES).default('ORDER'),
  familyIds: z.array(z.string().max(40)).max(200).default([]),
  productSkus: optionalText(20_000),
  minOrder: checkedText(20, formMessage('offerForm.money'), (text) =>
    Boolean(moneyCents(text, { max: MAX_MINIMUM_CENTS }) !== null),
  ),
  startsOn: checkedText(10, formMessage('offerForm.date'), (text) => !!brazilianDay(text)),
  endsOn: checkedText(10, formMessage('offerForm.date'), (text) => !!brazilianDay(text)),
  maxRedemptions: checkedText(9, formMessage('offerForm.positiveInt'), (text) =>
    Boolean(wholeNumber(text, 1, 10_000_000)),
  ),
  maxPerAccount: checkedText(9, formMessage('offerForm.positiveInt'), (text) =>
    Boolean(wholeNumber(text, 1, 1_000)),
  ),
  audience: z.enum(AUDIENCES).default('EVERYONE'),
  audienceSegment: optionalText(80),
  namedCnpjs: optionalText(100_000),
  stackable: z.boolean().default(false),
  bonusSku: optionalText(40),
  bonusQuantity: checkedText(6, formMessage('offerForm.positiveInt'), (text) =>
    Boolean(wholeNumber(text, 1, 1_000)),
  ),
  extraTermDays: checkedText(4, formMessage('offerForm.termDays'), (text) =>
    Boolean(wholeNumber(text, 1, 180)),
  ),
})

/** The form as typed (what the edit form starts from, and what the action receives). */
export type OfferFormValues = z.input<typeof fields>
type OfferFields = z.output<typeof fields>

/** A new offer's form before anything is typed. */
export const NEW_OFFER_VALUES = {
  name: '',
  discountType: 'NONE',
  scope: 'ORDER',
  audience: 'EVERYONE',
  familyIds: [],
  stackable: false,
} satisfies OfferFormValues

/** The discount in basis points or cents, or null when the typed value is not one. */
function discountOf(values: OfferFields): number | null {
  const text = values.discountValue ?? ''
  if (values.discountType === 'PERCENT') {
    const bps = percentToBps(text)
    return bps ? bps : null
  }
  if (values.discountType === 'FIXED') return moneyCents(text, { min: 1 })
  return 0
}

/** The rules between fields: what the discount type, the scope and the audience require. */
function crossFieldChecks(values: OfferFields, ctx: z.RefinementCtx) {
  const discount = discountOf(values)
  if (discount === null) {
    addFormIssue(
      ctx,
      'discountValue',
      values.discountType === 'PERCENT' ? 'offerForm.percent' : 'offerForm.money',
    )
  }

  const startsAt = values.startsOn ? brazilianDay(values.startsOn) : null
  const lastDay = values.endsOn ? brazilianDay(values.endsOn) : null
  if (startsAt && lastDay && lastDay.getTime() + DAY <= startsAt.getTime()) {
    addFormIssue(ctx, 'endsOn', 'offerForm.endsBeforeStart')
  }

  if (values.scope === 'FAMILIES' && !values.familyIds.length) {
    addFormIssue(ctx, 'familyIds', 'offerForm.familiesRequired')
  }
  if (values.scope === 'PRODUCTS') {
    const skus = offerSkus(values.productSkus)
    if (!skus.length) addFormIssue(ctx, 'productSkus', 'offerForm.productsRequired')
    else if (skus.length > MAX_OFFER_SKUS) {
      addFormIssue(ctx, 'productSkus', 'offerForm.tooManySkus', { count: MAX_OFFER_SKUS })
    }
  }

  if (values.audience === 'SEGMENT' && !values.audienceSegment) {
    addFormIssue(ctx, 'audienceSegment', 'form.required')
  }
  if (values.audience === 'NAMED') {
    const cnpjs = offerCnpjs(values.namedCnpjs)
    const bad = cnpjs.filter((c) => c.cnpj === null).map((c) => c.typed)
    if (!cnpjs.length) addFormIssue(ctx, 'namedCnpjs', 'offerForm.accountsRequired')
    else if (bad.length) {
      addFormIssue(ctx, 'namedCnpjs', 'offerForm.badCnpjs', {
        count: bad.length,
        cnpjs: bad.slice(0, 10).join(', '),
      })
    } else if (cnpjs.length > MAX_OFFER_CNPJS) {
      addFormIssue(ctx, 'namedCnpjs', 'offerForm.tooManyCnpjs', { count: MAX_OFFER_CNPJS })
    }
  }

  const extraDaysText = values.extraTermDays ?? ''
  const extraDays = extraDaysText ? wholeNumber(extraDaysText, 1, 180) : 0
  const givesSomething = !!discount || !!values.bonusSku || !!extraDays
  // Only when the benefits typed are all readable: a bad percentage is its own error.
  if (!givesSomething && discount !== null && extraDays !== null) {
    addFormIssue(ctx, null, 'offerForm.nothingGiven')
  }
}

/** The offer as the domain stores it: typed, normalised, with its lists parsed. */
export type OfferInput = {
  name: string
  code: string | null
  description: string
  discountType: OfferDiscountType
  /** Basis points (PERCENT), cents (FIXED) or 0. */
  discountValue: number
  scope: OfferScope
  familyIds: string[]
  productSkus: string[]
  minOrderCents: number
  startsAt: Date | null
  /** The first moment it no longer applies: the day after the last day typed. */
  endsAt: Date | null
  maxRedemptions: number | null
  maxPerAccount: number | null
  audience: OfferAudience
  audienceSegment: string | null
  namedCnpjs: string[]
  stackable: boolean
  bonusSku: string | null
  bonusQuantity: number
  extraTermDays: number
}

function toOfferInput(values: OfferFields): OfferInput {
  const optionalNumber = (text: string | undefined, min: number, max: number) =>
    text ? wholeNumber(text, min, max) : null
  const lastDay = values.endsOn ? brazilianDay(values.endsOn) : null
  const bonusSku = values.bonusSku ? values.bonusSku.toUpperCase() : null
  return {
    name: values.name,
    code: normalizeOfferCode(values.code) || null,
    description: values.description ?? '',
    discountType: values.discountType,
    discountValue: discountOf(values) ?? 0,
    scope: values.scope,
    familyIds: values.scope === 'FAMILIES' ? [...new Set(values.familyIds)] : [],
    productSkus: values.scope === 'PRODUCTS' ? offerSkus(values.productSkus) : [],
    minOrderCents: values.minOrder ? (moneyCents(values.minOrder) ?? 0) : 0,
    startsAt: values.startsOn ? brazilianDay(values.startsOn) : null,
    endsAt: lastDay ? new Date(lastDay.getTime() + DAY) : null,
    maxRedemptions: optionalNumber(values.maxRedemptions, 1, 10_000_000),
    maxPerAccount: optionalNumber(values.maxPerAccount, 1, 1_000),
    audience: values.audience,
    audienceSegment: values.audience === 'SEGMENT' ? (values.audienceSegment ?? null) : null,
    namedCnpjs:
      values.audience === 'NAMED'
        ? [...new Set(offerCnpjs(values.namedCnpjs).map((c) => c.cnpj!))]
        : [],
    stackable: values.stackable,
    bonusSku,
    bonusQuantity: bonusSku ? (optionalNumber(values.bonusQuantity, 1, 1_000) ?? 1) : 0,
    extraTermDays: optionalNumber(values.extraTermDays, 1, 180) ?? 0,
  }
}

/**
 * The schema with, on the server, checks that need the database: they run even when other
 * fields are wrong, so the manager sees every problem at once.
 */
export function offerSchema(
  databaseChecks: (values: OfferFields, ctx: z.RefinementCtx) => void | Promise<void> = () => {},
) {
  return fields.superRefine(crossFieldChecks).superRefine(databaseChecks).transform(toOfferInput)
}

/** What the browser checks before sending. */
export const OfferSchema = offerSchema()
