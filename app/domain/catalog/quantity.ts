/** Products are sold in whole packs: a quantity must be a positive multiple of the pack size. */
export const MAX_LINE_QUANTITY = 100_000

export type QuantityProblem =
  | 'NOT_A_WHOLE_NUMBER'
  | 'NOT_POSITIVE'
  | 'TOO_LARGE'
  | 'NOT_PACK_MULTIPLE'

export function checkQuantity(quantity: number, packSize: number): QuantityProblem | null {
  if (!Number.isInteger(quantity)) return 'NOT_A_WHOLE_NUMBER'
  if (quantity <= 0) return 'NOT_POSITIVE'
  if (quantity > MAX_LINE_QUANTITY) return 'TOO_LARGE'
  if (quantity % packSize !== 0) return 'NOT_PACK_MULTIPLE'
  return null
}

/** The smallest pack multiple that covers the quantity (used by reorder). */
export function roundUpToPack(quantity: number, packSize: number): number {
  return Math.max(packSize, Math.ceil(quantity / packSize) * packSize)
}
