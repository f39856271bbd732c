/**
 * Prices a cart for one account. The cart page, the checkout and the order snapshot all use
 * this function, so the price a buyer sees is the price they pay. Promotions (coupons, bonus
 * items, term offers) will add their discounts here.
 */
export type CartLineInput = {
  productId: string
  sku: string
  name: string
  unit: string
  packSize: number
  quantity: number
  unitPriceCents: number
}

export type PricedLine = CartLineInput & { discountCents: number; totalCents: number }

export type PricedCart = {
  lines: PricedLine[]
  subtotalCents: number
  discountCents: number
  totalCents: number
  minimumOrderCents: number
  /** How much is missing to reach the account's minimum order, 0 when reached. */
  missingForMinimumCents: number
}

/** The account's price for a product: its price list's price, else the list price. */
export function unitPriceFor(
  listPriceCents: number,
  priceListPriceCents: number | undefined,
): number {
  return priceListPriceCents ?? listPriceCents
}

export function priceCart(lines: readonly CartLineInput[], minimumOrderCents: number): PricedCart {
  const priced = lines.map((line) => {
    const totalCents = line.unitPriceCents * line.quantity
    return { ...line, discountCents: 0, totalCents }
  })
  const subtotalCents = priced.reduce((sum, line) => sum + line.totalCents, 0)
  const discountCents = priced.reduce((sum, line) => sum + line.discountCents, 0)
  const totalCents = subtotalCents - discountCents
  return {
    lines: priced,
    subtotalCents,
    discountCents,
    totalCents,
    minimumOrderCents,
    missingForMinimumCents: Math.max(0, minimumOrderCents - totalCents),
  }
}
