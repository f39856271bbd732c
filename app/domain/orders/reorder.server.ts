import { prisma } from '~/utils/db.server'
import { visibleFamilyIds } from '~/domain/catalog/catalog.server'
import { addItemsToCart } from './cart.server'
import { roundUpToPack } from '~/domain/catalog/quantity'

export type ReorderResult =
  | { ok: false; code: 'NOT_FOUND' }
  | {
      ok: true
      added: { sku: string; quantity: number }[]
      unavailable: { sku: string; name: string; reason: 'DISCONTINUED' | 'NOT_IN_CATALOG' }[]
    }

/**
 * Puts a past order's lines (online or imported) back in the cart. Lines whose product left
 * the catalog are reported, not fatal; quantities are rounded up to today's pack size.
 */
export async function reorder(accountId: string, orderId: number): Promise<ReorderResult> {
  const order = await prisma.order.findFirst({
    where: { id: orderId, accountId },
    // Free items came from an offer, not from the buyer: they are not bought again.
    select: {
      lines: {
        where: { isBonus: false },
        select: { sku: true, name: true, quantity: true, productId: true },
      },
    },
  })
  if (!order) return { ok: false, code: 'NOT_FOUND' }

  // Imported lines may carry only a SKU: match them to the catalog by SKU too.
  const products = await prisma.product.findMany({
    where: {
      OR: [
        { id: { in: order.lines.flatMap((l) => (l.productId ? [l.productId] : [])) } },
        { sku: { in: order.lines.map((l) => l.sku.toUpperCase()) } },
      ],
    },
    select: { id: true, sku: true, active: true, packSize: true, familyId: true },
  })
  // A product of an inactive family is as unavailable as an inactive product.
  const shownFamilies = new Set(await visibleFamilyIds())
  const byId = new Map(products.map((p) => [p.id, p]))
  const bySku = new Map(products.map((p) => [p.sku, p]))

  const wanted = new Map<string, { sku: string; quantity: number }>()
  const unavailable: Extract<ReorderResult, { ok: true }>['unavailable'] = []
  for (const line of order.lines) {
    const product =
      (line.productId && byId.get(line.productId)) || bySku.get(line.sku.toUpperCase())
    if (!product) {
      unavailable.push({ sku: line.sku, name: line.name, reason: 'NOT_IN_CATALOG' })
      continue
    }
    if (!product.active || !shownFamilies.has(product.familyId)) {
      unavailable.push({ sku: line.sku, name: line.name, reason: 'DISCONTINUED' })
      continue
    }
    const previous = wanted.get(product.id)?.quantity ?? 0
    wanted.set(product.id, {
      sku: product.sku,
      quantity: roundUpToPack(previous + line.quantity, product.packSize),
    })
  }

  await addItemsToCart(
    accountId,
    [...wanted].map(([productId, { quantity }]) => ({ productId, quantity })),
  )
  return { ok: true, added: [...wanted.values()], unavailable }
}
