import { productCards } from '~/domain/catalog/catalog.server'
import { checkQuantity } from '~/domain/catalog/quantity'
import { prisma } from '~/utils/db.server'
import { addItemsToCart } from './cart.server'

export type UsualBasketProblem = {
  index: number
  packSize?: number
  code: 'UNAVAILABLE' | 'QUANTITY' | 'NOT_PACK_MULTIPLE'
}

/**
 * Puts the basket's lines in the cart, with the quantities the buyer left (0 skips a line), in
 * one transaction; nothing is added when a line is refused, so the buyer corrects and resends.
 */
export async function addUsualBasket(
  accountId: string,
  lines: readonly { productId: string; quantity: number }[],
): Promise<{ ok: true; added: number } | { ok: false; problems: UsualBasketProblem[] }> {
  const account = await prisma.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { priceListId: true },
  })
  const cards = await productCards(
    account.priceListId,
    lines.map((line) => line.productId),
  )
  const packOf = new Map(cards.map((card) => [card.id, card.packSize]))
  const problems: UsualBasketProblem[] = []
  lines.forEach((line, index) => {
    if (line.quantity === 0) return
    const packSize = packOf.get(line.productId)
    if (packSize === undefined) return problems.push({ index, code: 'UNAVAILABLE' })
    const problem = checkQuantity(line.quantity, packSize)
    if (problem === 'NOT_PACK_MULTIPLE') problems.push({ index, code: problem, packSize })
    else if (problem) problems.push({ index, code: 'QUANTITY' })
  })
  if (problems.length) return { ok: false, problems }
  const wanted = lines.filter((line) => line.quantity > 0)
  await addItemsToCart(accountId, wanted)
  return { ok: true, added: wanted.length }
}
