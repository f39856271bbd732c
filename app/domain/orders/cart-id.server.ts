import { type Tx } from '~/utils/db.server'

/** The account's cart, created on first use (one per account). */
export async function cartIdFor(db: Tx, accountId: string): Promise<string> {
  const cart = await db.cart.upsert({
    where: { accountId },
    create: { accountId },
    update: {},
    select: { id: true },
  })
  return cart.id
}
