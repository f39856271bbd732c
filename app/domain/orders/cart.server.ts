import { prisma, readAll, type Tx } from '~/utils/db.server'
import { visibleFamilyIds } from '~/domain/catalog/catalog.server'
import { cartIdFor } from './cart-id.server'
import { type CartProblem } from './errors'
import { offersInPlay, welcomeBackOffers } from '~/domain/promotions/offers.server'
import type { PricingAccountRow } from '~/domain/promotions/offers.server'
import { priceCart, type CartLineInput } from './price-cart'
import { checkQuantity, MAX_LINE_QUANTITY } from '~/domain/catalog/quantity'
import { parseQuickOrder, type QuickOrderLineError } from './quick-order'

export type BuyerAccount = PricingAccountRow & {
  reactivatedAt: Date | null
  tradeName: string
  repId: string | null
  state: string
}

export async function getBuyerAccount(
  accountId: string,
  db: Tx | typeof prisma = prisma,
): Promise<BuyerAccount> {
  const account = await db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      id: true,
      tradeName: true,
      status: true,
      reactivatedAt: true,
      segment: true,
      repId: true,
      state: true,
      priceListId: true,
      minimumOrderCents: true,
      paymentTerms: { select: { code: true }, orderBy: { sortOrder: 'asc' } },
    },
  })
  const { paymentTerms, ...rest } = account
  return { ...rest, paymentTermCodes: paymentTerms.map((term) => term.code) }
}

/**
 * Each family's lineage (itself, then its ancestors: offers on a family cover its
 * sub-families), and the families the storefront hides: inactive ones and every one under them.
 * `families` must hold every ancestor of the families asked about.
 */
export function lineageOf(
  families: readonly { id: string; parentId: string | null; active: boolean }[],
) {
  const parentOf = new Map(families.map((f) => [f.id, f.parentId]))
  const inactive = new Set(families.filter((f) => !f.active).map((f) => f.id))
  const lineage = new Map<string, string[]>()
  const hidden = new Set<string>()
  for (const family of families) {
    const ids: string[] = []
    for (let id: string | null | undefined = family.id; id && !ids.includes(id); ) {
      ids.push(id)
      id = parentOf.get(id)
    }
    lineage.set(family.id, ids)
    if (ids.some((id) => inactive.has(id))) hidden.add(family.id)
  }
  return { lineage, hidden }
}

export type FamilyLineage = ReturnType<typeof lineageOf>

async function familyLineage(db: Tx | typeof prisma) {
  return lineageOf(
    await db.productFamily.findMany({ select: { id: true, parentId: true, active: true } }),
  )
}

/** Cart lines with everything the pricing function needs, read inside or outside a transaction. */
export async function loadCartLines(
  db: Tx | typeof prisma,
  account: Pick<BuyerAccount, 'id' | 'priceListId'>,
  families?: FamilyLineage,
) {
  const priceListId = account.priceListId ?? ''
  const [items, { lineage, hidden }] = await readAll(db, [
    () =>
      db.cartItem.findMany({
        where: { cart: { accountId: account.id } },
        orderBy: { addedAt: 'asc' },
        select: {
          quantity: true,
          product: {
            select: {
              id: true,
              sku: true,
              name: true,
              unit: true,
              packSize: true,
              active: true,
              familyId: true,
              listPriceCents: true,
              prices: { where: { priceListId }, select: { priceCents: true } },
              tiers: {
                where: { OR: [{ priceListId: null }, { priceListId }] },
                select: { minQuantity: true, priceCents: true },
              },
            },
          },
        },
      }),
    () => (families ? Promise.resolve(families) : familyLineage(db)),
  ] as const)
  const lines: CartLineInput[] = []
  const unavailable: { sku: string; name: string }[] = []
  for (const { quantity, product } of items) {
    // A product of an inactive family left the store after it went into the cart.
    if (!product.active || hidden.has(product.familyId)) {
      unavailable.push({ sku: product.sku, name: product.name })
      continue
    }
    lines.push({
      productId: product.id,
      sku: product.sku,
      name: product.name,
      unit: product.unit,
      packSize: product.packSize,
      quantity,
      listPriceCents: product.listPriceCents,
      priceListPriceCents: product.prices[0]?.priceCents ?? null,
      tiers: product.tiers,
      familyIds: lineage.get(product.familyId) ?? [product.familyId],
    })
  }
  return { lines, unavailable }
}

/** The account's cart, priced with its price list and every offer in play. */
/** The buyer's cart priced as the cart page shows it (outside any transaction). */
export async function loadCartPage(account: BuyerAccount) {
  const [cart, items] = await Promise.all([
    loadPricedCart(prisma, account),
    prisma.cartItem.findMany({
      where: { cart: { accountId: account.id } },
      select: {
        product: { select: { id: true, imageFileId: true, family: { select: { name: true } } } },
      },
    }),
  ])
  // Each line's photo (or its family's initial for the placeholder), by product id.
  const pictures: Record<string, { imageFileId: string | null; family: string }> = {}
  for (const { product } of items) {
    pictures[product.id] = { imageFileId: product.imageFileId, family: product.family.name }
  }
  return { ...cart, pictures }
}

export async function loadPricedCart(
  db: Tx | typeof prisma,
  account: BuyerAccount,
  now = new Date(),
) {
  const [{ lines, unavailable }, offers] = await readAll(db, [
    () => loadCartLines(db, account),
    () => offersInPlay(db, account, now),
  ] as const)
  return { ...priceCart({ lines, account, offers, now }), unavailable }
}

/** What the storefront header shows: the account's name and how many lines its cart has. */
export async function getStoreHeader(accountId: string) {
  const [account, cartCount] = await Promise.all([
    prisma.account.findUniqueOrThrow({
      where: { id: accountId },
      select: { id: true, tradeName: true, status: true, segment: true, priceListId: true },
    }),
    prisma.cartItem.count({ where: { cart: { accountId } } }),
  ])
  const welcomeOffers = await welcomeBackOffers(account)
  return { accountName: account.tradeName, cartCount, welcomeOffers }
}

/** Adds already-validated quantities to the account's cart, in one transaction. */
export async function addItemsToCart(
  accountId: string,
  items: readonly { productId: string; quantity: number }[],
) {
  if (!items.length) return
  await prisma.$transaction(async (tx) => {
    const cartId = await cartIdFor(tx, accountId)
    for (const { productId, quantity } of items) {
      await tx.cartItem.upsert({
        where: { cartId_productId: { cartId, productId } },
        create: { cartId, productId, quantity },
        update: { quantity: { increment: quantity } },
      })
    }
  })
}

type AddResult = { ok: true } | { ok: false; problem: CartProblem; packSize?: number }

/** Adds quantity of a product (by id) to the account's cart, summing with what is there. */
export async function addToCart(
  accountId: string,
  productId: string,
  quantity: number,
): Promise<AddResult> {
  const product = await prisma.product.findUnique({
    where: { id: productId },
    select: { active: true, packSize: true, familyId: true },
  })
  if (!product) return { ok: false, problem: 'UNKNOWN_SKU' }
  // A product of an inactive family is as unavailable as an inactive product.
  if (!product.active || !(await visibleFamilyIds()).includes(product.familyId)) {
    return { ok: false, problem: 'UNAVAILABLE' }
  }
  const problem = checkQuantity(quantity, product.packSize)
  if (problem) return { ok: false, problem }
  return prisma.$transaction(async (tx) => {
    const cartId = await cartIdFor(tx, accountId)
    const existing = await tx.cartItem.findUnique({
      where: { cartId_productId: { cartId, productId } },
      select: { quantity: true },
    })
    const total = (existing?.quantity ?? 0) + quantity
    if (total > MAX_LINE_QUANTITY) return { ok: false, problem: 'TOO_LARGE' } as const
    await tx.cartItem.upsert({
      where: { cartId_productId: { cartId, productId } },
      create: { cartId, productId, quantity },
      update: { quantity: total },
    })
    return { ok: true } as const
  })
}

/** Sets a line's quantity; 0 removes it. */
export async function setCartQuantity(
  accountId: string,
  productId: string,
  quantity: number,
): Promise<AddResult> {
  if (quantity === 0) {
    await prisma.cartItem.deleteMany({ where: { productId, cart: { accountId } } })
    return { ok: true }
  }
  const item = await prisma.cartItem.findFirst({
    where: { productId, cart: { accountId } },
    select: { id: true, product: { select: { packSize: true } } },
  })
  if (!item) return { ok: false, problem: 'UNKNOWN_SKU' }
  const problem = checkQuantity(quantity, item.product.packSize)
  if (problem) return { ok: false, problem, packSize: item.product.packSize }
  await prisma.cartItem.update({ where: { id: item.id }, data: { quantity } })
  return { ok: true }
}

export type QuickOrderError =
  | QuickOrderLineError
  | { line: number; text: string; code: CartProblem; packSize?: number }

/**
 * Quick order: every line that names an available product in whole packs goes into the cart
 * (in one transaction); every other line comes back with its reason.
 */
export async function addQuickOrder(accountId: string, text: string) {
  const { entries, errors: parseErrors } = parseQuickOrder(text)
  const errors: QuickOrderError[] = [...parseErrors]
  const products = await prisma.product.findMany({
    where: { sku: { in: entries.map((e) => e.sku) } },
    select: { id: true, sku: true, active: true, packSize: true, familyId: true },
  })
  const bySku = new Map(products.map((p) => [p.sku, p]))
  const shownFamilies = new Set(products.length ? await visibleFamilyIds() : [])
  const accepted: { productId: string; sku: string; quantity: number; lines: number[] }[] = []
  for (const entry of entries) {
    const line = entry.lines[0]!
    const lineText = `${entry.sku} ${entry.quantity}`
    const product = bySku.get(entry.sku)
    if (!product) {
      errors.push({ line, text: lineText, code: 'UNKNOWN_SKU' })
      continue
    }
    if (!product.active || !shownFamilies.has(product.familyId)) {
      errors.push({ line, text: lineText, code: 'UNAVAILABLE' })
      continue
    }
    const problem = checkQuantity(entry.quantity, product.packSize)
    if (problem) {
      errors.push({ line, text: lineText, code: problem, packSize: product.packSize })
      continue
    }
    accepted.push({
      productId: product.id,
      sku: product.sku,
      quantity: entry.quantity,
      lines: entry.lines,
    })
  }
  await addItemsToCart(accountId, accepted)
  errors.sort((a, b) => a.line - b.line)
  return {
    added: accepted.map(({ sku, quantity }) => ({ sku, quantity })),
    addedLines: accepted.flatMap((entry) => entry.lines),
    errors,
  }
}
