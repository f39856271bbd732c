/**
 * Price arithmetic shared by the catalog, the cart, promotions and commission: which price an
 * account pays for a product, quantity tiers, percentages in basis points, and splitting an
 * amount in whole cents. Pure, integer cents only.
 */

export type PriceTierInput = { minQuantity: number; priceCents: number }

/** The account's price for a product: its price list's price, else the list price. */
export function unitPriceFor(
  listPriceCents: number,
  priceListPriceCents: number | null | undefined,
): number {
  return priceListPriceCents ?? listPriceCents
}

/** Unit price for a quantity: the lowest of the base price and every tier reached. */
export function tieredUnitPrice(
  baseCents: number,
  tiers: readonly PriceTierInput[],
  quantity: number,
): { unitPriceCents: number; tierMinQuantity: number | null; nextTier: PriceTierInput | null } {
  let unitPriceCents = baseCents
  let tierMinQuantity: number | null = null
  let nextTier: PriceTierInput | null = null
  for (const tier of tiers) {
    if (tier.minQuantity <= quantity) {
      if (tier.priceCents < unitPriceCents) {
        unitPriceCents = tier.priceCents
        tierMinQuantity = tier.minQuantity
      }
    } else if (
      tier.priceCents < baseCents &&
      (!nextTier || tier.minQuantity < nextTier.minQuantity)
    ) {
      nextTier = tier
    }
  }
  if (nextTier && nextTier.priceCents >= unitPriceCents) nextTier = null
  return { unitPriceCents, tierMinQuantity, nextTier }
}

/** `part` of `whole` in basis points, rounded half up, in integers only. */
export function percentOf(amountCents: number, basisPoints: number): number {
  return Math.floor((amountCents * basisPoints + 5_000) / 10_000)
}

/**
 * Splits `amount` over `weights` in proportion, in whole cents that add up exactly
 * (largest remainder), never giving a weight more than itself.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0)
  if (total <= 0 || amount <= 0) return weights.map(() => 0)
  const capped = Math.min(amount, total)
  const shares = weights.map((w) => Math.floor((capped * w) / total))
  let rest = capped - shares.reduce((sum, s) => sum + s, 0)
  const order = weights
    .map((w, i) => ({ i, remainder: (capped * w) % total }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i)
  for (const { i } of order) {
    if (rest === 0) break
    if (shares[i]! < weights[i]!) {
      shares[i]! += 1
      rest -= 1
    }
  }
  return shares
}
