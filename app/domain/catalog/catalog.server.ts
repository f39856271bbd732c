import { type Prisma } from '@prisma/client'
import { prisma } from '~/utils/db.server'
import { pageWindow } from '~/utils/paging'
import { tieredUnitPrice, unitPriceFor } from '~/domain/pricing/prices'
import { productTextWhere, searchTerms } from './search-text'

export const CATALOG_PAGE_SIZE = 24

export type FamilyNode = { id: string; slug: string; name: string; children: FamilyNode[] }

/** Every family in catalog order, flat, for pickers in the back office. */
export async function listFamilyOptions() {
  return prisma.productFamily.findMany({
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, parentId: true },
  })
}

/**
 * The families the storefront shows, as a tree: an inactive family is hidden with every family
 * under it (and their products, see `visibleFamilyIds`).
 */
export async function listFamilies(): Promise<FamilyNode[]> {
  const families = await prisma.productFamily.findMany({
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    select: { id: true, slug: true, name: true, parentId: true, active: true },
  })
  const nodes = new Map(
    families.map((f) => [
      f.id,
      { id: f.id, slug: f.slug, name: f.name, children: [] as FamilyNode[] },
    ]),
  )
  const byId = new Map(families.map((f) => [f.id, f]))
  const roots: FamilyNode[] = []
  for (const family of families) {
    if (!family.active) continue
    const node = nodes.get(family.id)!
    const parent = family.parentId ? byId.get(family.parentId) : undefined
    if (parent) {
      if (parent.active) nodes.get(parent.id)!.children.push(node)
    } else roots.push(node)
  }
  return roots
}

/** Ids of every family in the storefront's tree (active, under active families only). */
function treeIds(roots: FamilyNode[]): string[] {
  const ids: string[] = []
  const walk = [...roots]
  while (walk.length) {
    const node = walk.pop()!
    ids.push(node.id)
    walk.push(...node.children)
  }
  return ids
}

/** The families whose products the storefront may show. */
export async function visibleFamilyIds(): Promise<string[]> {
  return treeIds(await listFamilies())
}

function familyAndDescendantIds(roots: FamilyNode[], slug: string): string[] | null {
  const stack = [...roots]
  while (stack.length) {
    const node = stack.pop()!
    if (node.slug === slug) {
      const ids: string[] = []
      const walk = [node]
      while (walk.length) {
        const current = walk.pop()!
        ids.push(current.id)
        walk.push(...current.children)
      }
      return ids
    }
    stack.push(...node.children)
  }
  return null
}

const productCardSelect = (priceListId: string | null) =>
  ({
    id: true,
    sku: true,
    name: true,
    unit: true,
    packSize: true,
    listPriceCents: true,
    imageFileId: true,
    stock: true,
    family: { select: { slug: true, name: true } },
    prices: { where: { priceListId: priceListId ?? '' }, select: { priceCents: true } },
    tiers: {
      where: { OR: [{ priceListId: null }, { priceListId: priceListId ?? '' }] },
      orderBy: { minQuantity: 'asc' },
      select: { minQuantity: true, priceCents: true },
    },
  }) satisfies Prisma.ProductSelect

type ProductRow = Prisma.ProductGetPayload<{ select: ReturnType<typeof productCardSelect> }>

/**
 * The price the account pays for the smallest quantity it can buy (one pack), and the quantity
 * tiers below that price, exactly as the cart will price them.
 */
function withAccountPrice<T extends ProductRow>(product: T) {
  const { prices, tiers, ...rest } = product
  const base = unitPriceFor(product.listPriceCents, prices[0]?.priceCents)
  const { unitPriceCents } = tieredUnitPrice(base, tiers, product.packSize)
  return {
    ...rest,
    priceCents: unitPriceCents,
    tiers: tiers.filter((tier) => tier.priceCents < unitPriceCents),
  }
}

async function findActiveSku(query: string, familyIds: string[]): Promise<string | null> {
  const sku = query.trim().toUpperCase()
  if (!/^[A-Z0-9][A-Z0-9._\-/]*$/.test(sku)) return null
  const product = await prisma.product.findFirst({
    where: { sku, active: true, familyId: { in: familyIds } },
    select: { id: true },
  })
  return product?.id ?? null
}

export type CatalogQuery = { q?: string; family?: string; page?: number }

export async function searchCatalog(priceListId: string | null, query: CatalogQuery) {
  const families = await listFamilies()
  const familyIds = query.family ? familyAndDescendantIds(families, query.family) : null
  const shownFamilyIds = familyIds ?? treeIds(families)
  const terms = searchTerms(query.q ?? '')
  // A buyer who types a whole SKU wants that product, not everything sharing its digits.
  const exactSku = terms.length ? await findActiveSku(query.q ?? '', shownFamilyIds) : null
  const where: Prisma.ProductWhereInput = exactSku
    ? { id: exactSku }
    : {
        active: true,
        familyId: { in: shownFamilyIds },
        ...productTextWhere(query.q ?? ''),
      }
  const total = await prisma.product.count({ where })
  const { page, pageCount, skip, take } = pageWindow(total, query.page, CATALOG_PAGE_SIZE)
  const products = await prisma.product.findMany({
    where,
    orderBy: [{ name: 'asc' }, { sku: 'asc' }],
    skip,
    take,
    select: productCardSelect(priceListId),
  })
  return {
    families,
    familyFound: !query.family || familyIds !== null,
    products: products.map(withAccountPrice),
    total,
    page,
    pageCount,
  }
}

export async function getProductBySku(priceListId: string | null, sku: string) {
  const product = await prisma.product.findFirst({
    where: { sku: sku.toUpperCase(), active: true, familyId: { in: await visibleFamilyIds() } },
    select: { ...productCardSelect(priceListId), description: true },
  })
  return product ? withAccountPrice(product) : null
}

/** These products as a price list shows them, those on sale today only (active, family shown). */
export async function productCards(priceListId: string | null, ids: readonly string[]) {
  if (!ids.length) return []
  const products = await prisma.product.findMany({
    where: { id: { in: [...ids] }, active: true, familyId: { in: await visibleFamilyIds() } },
    select: productCardSelect(priceListId),
  })
  return products.map(withAccountPrice)
}

async function priceListOf(accountId: string): Promise<string | null> {
  const account = await prisma.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { priceListId: true },
  })
  return account.priceListId
}

/** The catalog as one account sees it: its price list's prices. */
export async function searchCatalogForAccount(accountId: string, query: CatalogQuery) {
  return searchCatalog(await priceListOf(accountId), query)
}

export async function getProductForAccount(accountId: string, sku: string) {
  return getProductBySku(await priceListOf(accountId), sku)
}
