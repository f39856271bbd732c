/**
 * The one pricing function. It takes the cart, the account, the account's price list (already
 * attached to each line) and the offers in play, and returns every line's price, every discount
 * with its reason, the bonus items and the payment terms. The cart page, the checkout and the
 * order snapshot all call it, so the price a buyer sees is the price they pay.
 *
 * Pure: no database, no clock (the caller passes `now`). Money in integer cents.
 */
import { extendTermCode, offerEligibility } from '~/domain/promotions/eligibility'
import type { OfferRefusal, PricingAccount, PricingOffer } from '~/domain/promotions/eligibility'
import { allocate, percentOf, tieredUnitPrice, unitPriceFor } from '~/domain/pricing/prices'
import type { PriceTierInput } from '~/domain/pricing/prices'

export type CartLineInput = {
  productId: string
  sku: string
  name: string
  unit: string
  packSize: number
  quantity: number
  listPriceCents: number
  /** The account's price list price for this product, if the list has one. */
  priceListPriceCents?: number | null
  /** Quantity tiers that apply to this account (its price list's and the general ones). */
  tiers?: readonly PriceTierInput[]
  /** The product's family and every ancestor family, for family-scoped offers. */
  familyIds?: readonly string[]
}

export type LineDiscount = { offerId: string; cents: number }

export type PricedLine = Omit<CartLineInput, 'tiers' | 'familyIds'> & {
  familyIds: readonly string[]
  /** The price the account pays per unit, tier included, before offers. */
  unitPriceCents: number
  /** The tier that set unitPriceCents, if any. */
  tierMinQuantity: number | null
  /** The next tier the buyer could reach on this line. */
  nextTier: PriceTierInput | null
  discounts: LineDiscount[]
  discountCents: number
  totalCents: number
}

export type BonusItem = {
  offerId: string
  productId: string
  sku: string
  name: string
  unit: string
  quantity: number
  /** What the item would cost the account; the buyer pays nothing for it. */
  unitValueCents: number
}

export type OfferOutcome = {
  offerId: string
  name: string
  code: string | null
  automatic: boolean
  applied: boolean
  /** Why it does not apply; absent when applied. */
  refusal?: OfferRefusal
  discountCents: number
  bonus: BonusItem | null
  extraTermDays: number
}

export type TermOption = { code: string; extraDays: number; effectiveCode: string }

export type PricedCart = {
  lines: PricedLine[]
  bonusItems: BonusItem[]
  offers: OfferOutcome[]
  subtotalCents: number
  discountCents: number
  totalCents: number
  /** Discounts plus the value of the bonus items. */
  savingsCents: number
  minimumOrderCents: number
  /** How much is missing to reach the account's minimum order, 0 when reached. */
  missingForMinimumCents: number
  /** Extra days granted by the applied offers (the largest one; they do not add up). */
  extraTermDays: number
  terms: TermOption[]
}

export type PriceCartInput = {
  lines: readonly CartLineInput[]
  account: PricingAccount
  /** Automatic offers that might apply, and the coupons the buyer applied (in that order). */
  offers?: readonly PricingOffer[]
  now: Date
}

type WorkLine = PricedLine

function targets(offer: PricingOffer, line: WorkLine): boolean {
  if (offer.scope === 'ORDER') return true
  if (offer.scope === 'PRODUCTS') return offer.productIds.includes(line.productId)
  return line.familyIds.some((id) => offer.familyIds.includes(id))
}

/** The discount an offer gives on the lines' remaining amounts, per line. */
function discountPerLine(offer: PricingOffer, lines: readonly WorkLine[]): number[] {
  const remaining = lines.map((line) =>
    targets(offer, line) ? line.totalCents - line.discountCents : 0,
  )
  const eligible = remaining.reduce((sum, r) => sum + r, 0)
  const amount =
    offer.discountType === 'PERCENT'
      ? percentOf(eligible, offer.discountValue)
      : offer.discountType === 'FIXED'
        ? Math.min(offer.discountValue, eligible)
        : 0
  return allocate(amount, remaining)
}

function bonusOf(offer: PricingOffer): BonusItem | null {
  const bonus = offer.bonus
  if (!bonus || !bonus.available || bonus.quantity <= 0) return null
  return {
    offerId: offer.id,
    productId: bonus.productId,
    sku: bonus.sku,
    name: bonus.name,
    unit: bonus.unit,
    quantity: bonus.quantity,
    unitValueCents: bonus.unitValueCents,
  }
}

/** Applies a set of offers in order to fresh copies of the lines; returns what each gave. */
function applyOffers(base: readonly WorkLine[], offers: readonly PricingOffer[]) {
  const lines = base.map((line) => ({ ...line, discounts: [...line.discounts] }))
  const given = new Map<string, { discountCents: number; bonus: BonusItem | null }>()
  for (const offer of offers) {
    const shares = discountPerLine(offer, lines)
    let discountCents = 0
    shares.forEach((cents, i) => {
      if (cents <= 0) return
      const line = lines[i]!
      line.discounts.push({ offerId: offer.id, cents })
      line.discountCents += cents
      discountCents += cents
    })
    given.set(offer.id, { discountCents, bonus: bonusOf(offer) })
  }
  const value = [...given.values()].reduce(
    (sum, g) => sum + g.discountCents + (g.bonus ? g.bonus.quantity * g.bonus.unitValueCents : 0),
    0,
  )
  return { lines, given, value }
}

export function priceCart({ lines, account, offers = [], now }: PriceCartInput): PricedCart {
  const base: WorkLine[] = lines.map((line) => {
    const listed = unitPriceFor(line.listPriceCents, line.priceListPriceCents)
    const tier = tieredUnitPrice(listed, line.tiers ?? [], line.quantity)
    const { tiers: _tiers, familyIds = [], ...rest } = line
    return {
      ...rest,
      familyIds,
      unitPriceCents: tier.unitPriceCents,
      tierMinQuantity: tier.tierMinQuantity,
      nextTier: tier.nextTier,
      discounts: [],
      discountCents: 0,
      totalCents: tier.unitPriceCents * line.quantity,
    }
  })
  const subtotalCents = base.reduce((sum, line) => sum + line.totalCents, 0)

  // Each offer on its own terms: dates, audience, limits, what the cart must contain.
  const refusals = new Map<string, OfferRefusal>()
  const candidates: PricingOffer[] = []
  for (const offer of offers) {
    const refusal = offerEligibility(offer, {
      account,
      now,
      subtotalCents,
      hasTargetedLine: base.some((line) => targets(offer, line)),
    })
    if (refusal) refusals.set(offer.id, refusal)
    else candidates.push(offer)
  }

  // Stacking: every stackable offer goes together; an offer that does not stack goes alone.
  // The buyer gets whichever of those choices is worth the most to them.
  const stackable = candidates.filter((offer) => offer.stackable)
  const choices = [stackable, ...candidates.filter((o) => !o.stackable).map((o) => [o])]
  let best = applyOffers(base, [])
  let chosen: PricingOffer[] = []
  for (const choice of choices) {
    if (!choice.length) continue
    const result = applyOffers(base, choice)
    const days = Math.max(0, ...choice.map((o) => o.extraTermDays))
    const bestDays = Math.max(0, ...chosen.map((o) => o.extraTermDays))
    if (
      !chosen.length ||
      result.value > best.value ||
      (result.value === best.value && days > bestDays)
    ) {
      best = result
      chosen = choice
    }
  }
  const chosenIds = new Set(chosen.map((offer) => offer.id))
  const blocker = chosen.find((offer) => !offer.stackable) ?? chosen[0]
  for (const offer of candidates) {
    if (!chosenIds.has(offer.id) && blocker) {
      refusals.set(offer.id, { code: 'NOT_STACKABLE', otherOffer: blocker.name })
    }
  }

  const pricedLines: PricedLine[] = best.lines.map((line) => ({
    ...line,
    totalCents: line.totalCents - line.discountCents,
  }))
  const outcomes: OfferOutcome[] = offers.map((offer) => {
    const given = chosenIds.has(offer.id) ? best.given.get(offer.id) : undefined
    return {
      offerId: offer.id,
      name: offer.name,
      code: offer.code,
      automatic: offer.code === null,
      applied: Boolean(given),
      ...(given ? {} : { refusal: refusals.get(offer.id) }),
      discountCents: given?.discountCents ?? 0,
      bonus: given?.bonus ?? null,
      extraTermDays: given ? offer.extraTermDays : 0,
    }
  })
  const bonusItems = outcomes.flatMap((o) => (o.bonus ? [o.bonus] : []))
  const discountCents = pricedLines.reduce((sum, line) => sum + line.discountCents, 0)
  const totalCents = subtotalCents - discountCents
  const extraTermDays = Math.max(0, ...outcomes.map((o) => o.extraTermDays))
  return {
    lines: pricedLines,
    bonusItems,
    offers: outcomes,
    subtotalCents,
    discountCents,
    totalCents,
    savingsCents:
      discountCents + bonusItems.reduce((sum, b) => sum + b.quantity * b.unitValueCents, 0),
    minimumOrderCents: account.minimumOrderCents,
    missingForMinimumCents: Math.max(0, account.minimumOrderCents - totalCents),
    extraTermDays,
    terms: account.paymentTermCodes.map((code) => ({
      code,
      extraDays: extraTermDays,
      effectiveCode: extendTermCode(code, extraTermDays),
    })),
  }
}
