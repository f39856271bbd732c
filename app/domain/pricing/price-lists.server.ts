/**
 * Price lists in the back office: the lists, each list's items (a product's price for the
 * accounts on the list) and quantity tiers, and the accounts on it. What is written here is
 * what the catalog and the cart read (PriceListItem by list and product, PriceTier by list).
 */
import { audit } from '~/domain/audit/audit.server'
import { prisma } from '~/utils/db.server'
import type { FormErrors } from '~/utils/form-schema'
import { formMessage } from '~/utils/form-schema'
import { pageWindow } from '~/utils/paging'
import type { PriceItemInput, PriceListCreate, PriceTierInput } from './pricing-forms'

export const PRICE_ITEMS_PAGE_SIZE = 50

type Result = { ok: true; id: string } | { ok: false; errors: FormErrors }

export async function listPriceLists() {
  const lists = await prisma.priceList.findMany({
    orderBy: { code: 'asc' },
    select: {
      id: true,
      code: true,
      name: true,
      _count: { select: { items: true, accounts: true } },
    },
  })
  return lists.map(({ _count, ...list }) => ({
    ...list,
    items: _count.items,
    accounts: _count.accounts,
  }))
}

/** Creates a list; its code is unique whatever its case. */
export async function createPriceList(actorId: string, input: PriceListCreate): Promise<Result> {
  return prisma.$transaction(async (tx) => {
    const codes = await tx.priceList.findMany({ select: { code: true } })
    if (codes.some((c) => c.code.toUpperCase() === input.code.toUpperCase())) {
      return {
        ok: false as const,
        errors: { code: [formMessage('pricing.form.codeTaken', { code: input.code })] },
      }
    }
    const list = await tx.priceList.create({ data: { code: input.code, name: input.name } })
    await audit(tx, {
      actorId,
      action: 'price_list.created',
      entity: 'PriceList',
      entityId: list.id,
      changes: { code: input.code, name: input.name },
    })
    return { ok: true as const, id: list.id }
  })
}

export async function renamePriceList(actorId: string, id: string, name: string) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.priceList.findUnique({ where: { id }, select: { name: true } })
    if (!before) return false
    if (before.name !== name) {
      await tx.priceList.update({ where: { id }, data: { name } })
      await audit(tx, {
        actorId,
        action: 'price_list.renamed',
        entity: 'PriceList',
        entityId: id,
        changes: { name: [before.name, name] },
      })
    }
    return true
  })
}

/** A list with one page of its items and the accounts on it, or null. */
export async function getPriceList(id: string, requestedPage?: number) {
  const list = await prisma.priceList.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      name: true,
      accounts: {
        orderBy: { tradeName: 'asc' },
        select: { id: true, tradeName: true, cnpj: true },
      },
      tiers: {
        orderBy: [{ product: { sku: 'asc' } }, { minQuantity: 'asc' }],
        select: {
          id: true,
          minQuantity: true,
          priceCents: true,
          product: { select: { sku: true, name: true } },
        },
      },
    },
  })
  if (!list) return null
  const total = await prisma.priceListItem.count({ where: { priceListId: id } })
  const { page, pageCount, skip, take } = pageWindow(total, requestedPage, PRICE_ITEMS_PAGE_SIZE)
  const items = await prisma.priceListItem.findMany({
    where: { priceListId: id },
    orderBy: { product: { sku: 'asc' } },
    skip,
    take,
    select: {
      priceCents: true,
      product: { select: { id: true, sku: true, name: true, listPriceCents: true } },
    },
  })
  return { ...list, items, total, page, pageCount }
}

async function productBySku(sku: string) {
  return prisma.product.findFirst({
    where: { sku: { in: [...new Set([sku, sku.toUpperCase()])] } },
    select: { id: true, sku: true },
  })
}

/** Sets (creates or changes) the list's price for a product named by SKU, audited. */
export async function setListPrice(
  actorId: string,
  priceListId: string,
  input: PriceItemInput,
): Promise<Result> {
  if (!Number.isInteger(input.price) || input.price <= 0) {
    return { ok: false, errors: { price: [formMessage('pricing.form.price')] } }
  }
  const product = await productBySku(input.sku)
  if (!product) {
    return {
      ok: false,
      errors: { sku: [formMessage('pricing.form.unknownSku', { sku: input.sku })] },
    }
  }
  return prisma.$transaction(async (tx) => {
    const list = await tx.priceList.findUnique({ where: { id: priceListId }, select: { id: true } })
    if (!list) return { ok: false as const, errors: { '': [formMessage('form.invalid')] } }
    const key = { priceListId_productId: { priceListId, productId: product.id } }
    const before = await tx.priceListItem.findUnique({ where: key, select: { priceCents: true } })
    await tx.priceListItem.upsert({
      where: key,
      create: { priceListId, productId: product.id, priceCents: input.price },
      update: { priceCents: input.price },
    })
    await audit(tx, {
      actorId,
      action: 'price_list.item_set',
      entity: 'PriceList',
      entityId: priceListId,
      changes: { sku: product.sku, priceCents: [before?.priceCents ?? null, input.price] },
    })
    return { ok: true as const, id: priceListId }
  })
}

/** Removes a product's price from the list (its accounts pay the list price again). */
export async function removeListPrice(actorId: string, priceListId: string, productId: string) {
  return prisma.$transaction(async (tx) => {
    const key = { priceListId_productId: { priceListId, productId } }
    const before = await tx.priceListItem.findUnique({
      where: key,
      select: { priceCents: true, product: { select: { sku: true } } },
    })
    if (!before) return false
    await tx.priceListItem.delete({ where: key })
    await audit(tx, {
      actorId,
      action: 'price_list.item_removed',
      entity: 'PriceList',
      entityId: priceListId,
      changes: { sku: before.product.sku, priceCents: [before.priceCents, null] },
    })
    return true
  })
}

/** Adds a quantity tier to the list for a product named by SKU, audited. */
export async function addListTier(
  actorId: string,
  priceListId: string,
  input: PriceTierInput,
): Promise<Result> {
  const errors: FormErrors = {}
  if (!Number.isInteger(input.price) || input.price <= 0) {
    errors.price = [formMessage('pricing.form.price')]
  }
  if (!Number.isInteger(input.minQuantity) || input.minQuantity < 2) {
    errors.minQuantity = [formMessage('pricing.form.minQuantity')]
  }
  const product = await productBySku(input.sku)
  if (!product) errors.sku = [formMessage('pricing.form.unknownSku', { sku: input.sku })]
  if (!product || Object.keys(errors).length) return { ok: false, errors }
  return prisma.$transaction(async (tx): Promise<Result> => {
    const list = await tx.priceList.findUnique({ where: { id: priceListId }, select: { id: true } })
    if (!list) return { ok: false as const, errors: { '': [formMessage('form.invalid')] } }
    const same = await tx.priceTier.findFirst({
      where: { priceListId, productId: product.id, minQuantity: input.minQuantity },
      select: { id: true },
    })
    if (same) {
      return {
        ok: false as const,
        errors: {
          minQuantity: [
            formMessage('pricing.form.tierTaken', { sku: product.sku, count: input.minQuantity }),
          ],
        },
      }
    }
    const tier = await tx.priceTier.create({
      data: {
        priceListId,
        productId: product.id,
        minQuantity: input.minQuantity,
        priceCents: input.price,
      },
    })
    await audit(tx, {
      actorId,
      action: 'price_list.tier_added',
      entity: 'PriceList',
      entityId: priceListId,
      changes: { sku: product.sku, minQuantity: input.minQuantity, priceCents: input.price },
    })
    return { ok: true as const, id: tier.id }
  })
}

/** Removes one of the list's quantity tiers, audited. */
export async function removeListTier(actorId: string, priceListId: string, tierId: string) {
  return prisma.$transaction(async (tx) => {
    const tier = await tx.priceTier.findFirst({
      where: { id: tierId, priceListId },
      select: { minQuantity: true, priceCents: true, product: { select: { sku: true } } },
    })
    if (!tier) return false
    await tx.priceTier.delete({ where: { id: tierId } })
    await audit(tx, {
      actorId,
      action: 'price_list.tier_removed',
      entity: 'PriceList',
      entityId: priceListId,
      changes: {
        sku: tier.product.sku,
        minQuantity: tier.minQuantity,
        priceCents: tier.priceCents,
      },
    })
    return true
  })
}
