/**
 * The catalog's imports: products (with their families, written as a path such as
 * `Cimentos > CP-II`) and the prices of price lists (a list's price, or a quantity tier). The
 * rules are the catalog's and the price lists' own: a row is checked with the same schemas as
 * the back-office forms (catalog-forms.ts, pricing-forms.ts), so an import can store nothing
 * that the forms would refuse.
 */
import { type z } from 'zod'
import { productSelect } from '~/domain/catalog/catalog-admin.server'
import { FamilySchema, ProductSchema, type ProductFormValues } from '~/domain/catalog/catalog-forms'
import { normalizeSearchText } from '~/domain/catalog/search-text'
import { MAX_TIER_QUANTITY, PriceListCreateSchema } from '~/domain/pricing/pricing-forms'
import { chunks } from '~/utils/chunks'
import { prisma } from '~/utils/db.server'
import { moneyCents, wholeNumber } from '~/utils/form-schema'
import {
  type Analysis,
  Collector,
  eachRow,
  empty,
  finish,
  type ImportFormat,
  type PriceRecord,
  type ProductRecord,
  required,
  type RowErrorCode,
  addSample,
  type AnalyzeOptions,
  type SampleRow,
} from './analyze.server'

/** Families nested deeper than this are refused: a path, not a paragraph. */
const MAX_FAMILY_DEPTH = 6

/** "sim", "S", "ativo", "1", "true" → true; "não", "n", "inativo", "0", "false" → false. */
export function parseYesNo(text: string): boolean | null {
  const value = normalizeSearchText(text)
  if (['sim', 's', 'ativo', 'a', '1', 'true', 'yes', 'y', 'x'].includes(value)) return true
  if (['nao', 'n', 'inativo', 'i', '0', 'false', 'no'].includes(value)) return false
  return null
}

/** "Cimentos > CP-II" → ["Cimentos", "CP-II"]; null when a part is empty or too short/long. */
export function parseFamilyPath(text: string): string[] | null {
  const parts = text.split('>').map((part) => part.trim().replace(/\s+/g, ' '))
  if (parts.length > MAX_FAMILY_DEPTH) return null
  for (const part of parts) if (!FamilySchema.safeParse({ name: part }).success) return null
  return parts
}

/** How families are matched by name under the same parent: no case, accents or punctuation. */
export function familyKey(parentId: string | null, name: string): string {
  return `${parentId ?? ''}/${normalizeSearchText(name)}`
}

/** The id of the family at the end of `path`, or null if some family of it does not exist. */
export function resolveFamilyPath(
  byKey: ReadonlyMap<string, string>,
  path: readonly string[],
): string | null {
  let parentId: string | null = null
  for (const name of path) {
    const id = byKey.get(familyKey(parentId, name))
    if (!id) return null
    parentId = id
  }
  return parentId
}

/** Counts a row by its outcome; true when it is to be written (created or updated). */
function count(
  result: { toCreate: number; toUpdate: number; unchanged: number },
  action: 'create' | 'update' | 'unchanged',
): boolean {
  if (action === 'unchanged') result.unchanged++
  else if (action === 'create') result.toCreate++
  else result.toUpdate++
  return action !== 'unchanged'
}

export async function familyIndex(
  db: Pick<typeof prisma, 'productFamily'> = prisma,
): Promise<Map<string, string>> {
  const families = await db.productFamily.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, parentId: true },
  })
  const byKey = new Map<string, string>()
  for (const family of families) {
    const key = familyKey(family.parentId, family.name)
    if (!byKey.has(key)) byKey.set(key, family.id)
  }
  return byKey
}

/** Which import column each product form field comes from, and the error its refusal gives. */
const PRODUCT_FIELDS: Record<string, { column: string; code: RowErrorCode }> = {
  sku: { column: 'sku', code: 'INVALID_SKU' },
  name: { column: 'nome', code: 'INVALID_NAME' },
  description: { column: 'descricaoLonga', code: 'INVALID_TEXT' },
  unit: { column: 'unidade', code: 'INVALID_UNIT' },
  packSize: { column: 'embalagem', code: 'INVALID_PACK_SIZE' },
  listPrice: { column: 'precoLista', code: 'INVALID_PRICE' },
  stock: { column: 'estoque', code: 'INVALID_STOCK' },
}

type ProductRow = Omit<ProductRecord, 'familyId' | 'existingId'> & {
  line: number
  // What the file left blank keeps the product's current value on an update.
  given: { unit: boolean; packSize: boolean; stock: boolean; description: boolean; active: boolean }
}

export async function analyzeProducts(
  file: string,
  format: ImportFormat,
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  const result = empty('PRODUCTS', options.sink)
  const errors = new Collector(options.sink)
  const bySku = new Map<string, ProductRow>()
  const read = await eachRow(
    'PRODUCTS',
    file,
    format,
    (row) => {
      const skuText = required(row, 'sku', errors)
      const nameText = required(row, 'nome', errors)
      const familyText = required(row, 'familia', errors)
      const priceText = required(row, 'precoLista', errors)
      const familyPath = familyText ? parseFamilyPath(familyText) : null
      if (familyText && !familyPath)
        errors.add({ line: row.line, code: 'INVALID_FAMILY', column: 'familia', value: familyText })
      const activeText = row.get('ativo')
      const active = activeText ? parseYesNo(activeText) : true
      if (active === null)
        errors.add({ line: row.line, code: 'INVALID_BOOLEAN', column: 'ativo', value: activeText })
      const values: ProductFormValues = {
        sku: skuText ?? 'A',
        name: nameText ?? 'AA',
        description: row.get('descricaoLonga'),
        // Checked on its own (the path); the form's field is an id.
        familyId: 'path',
        unit: row.get('unidade') || 'UN',
        packSize: row.get('embalagem') || '1',
        listPrice: priceText ?? '1',
        stock: row.get('estoque'),
        active: active ?? true,
      }
      const parsed = ProductSchema.safeParse(values)
      if (!parsed.success) {
        const seen = new Set<string>()
        for (const issue of (parsed.error as z.ZodError).issues) {
          const field = PRODUCT_FIELDS[String(issue.path[0])]
          if (!field || seen.has(field.column)) continue
          seen.add(field.column)
          errors.add({
            line: row.line,
            code: field.code,
            column: field.column,
            value: row.get(field.column),
          })
        }
      }
      if (errors.errorLines.has(row.line) || !parsed.success || !familyPath) return
      const input = parsed.data
      if (bySku.has(input.sku)) {
        errors.add({ line: row.line, code: 'DUPLICATE_KEY', column: 'sku', value: input.sku })
        return
      }
      bySku.set(input.sku, {
        line: row.line,
        sku: input.sku,
        name: input.name,
        description: input.description,
        familyPath,
        unit: input.unit,
        packSize: input.packSize,
        listPriceCents: input.listPriceCents,
        stock: input.stock,
        active: active ?? true,
        given: {
          unit: !!row.get('unidade'),
          packSize: !!row.get('embalagem'),
          stock: !!row.get('estoque'),
          description: !!row.get('descricaoLonga'),
          active: !!activeText,
        },
      })
    },
    options.sink,
  )
  Object.assign(result, read)
  if (read.fileError) return result

  const families = await familyIndex()
  const rows = [...bySku.values()]
  const existing = new Map<
    string,
    Omit<ProductRecord, 'familyPath' | 'existingId'> & { id: string; familyId: string }
  >()
  for (const part of chunks(
    rows.map((r) => r.sku),
    500,
  )) {
    const found = await prisma.product.findMany({
      where: { sku: { in: part } },
      select: productSelect,
    })
    found.forEach((p) => existing.set(p.sku, p))
  }
  for (const { line, given, ...row } of rows) {
    const current = existing.get(row.sku)
    const record: ProductRecord = {
      ...row,
      familyId: resolveFamilyPath(families, row.familyPath),
      existingId: current?.id ?? null,
    }
    let action: SampleRow['action'] = 'create'
    if (current) {
      if (!given.unit) record.unit = current.unit
      if (!given.packSize) record.packSize = current.packSize
      if (!given.stock) record.stock = current.stock
      if (!given.description) record.description = current.description
      if (!given.active) record.active = current.active
      const fields = [
        'name',
        'description',
        'familyId',
        'unit',
        'packSize',
        'listPriceCents',
        'stock',
        'active',
      ] as const
      action = fields.some((f) => record[f] !== current[f]) ? 'update' : 'unchanged'
    }
    if (count(result, action)) result.products.push(record)
    addSample(result, {
      line,
      action,
      cells: {
        sku: record.sku,
        name: record.name,
        family: record.familyPath.join(' > '),
        unit: record.unit,
        packSize: record.packSize,
        price: record.listPriceCents,
        stock: record.stock,
      },
    })
  }
  return finish(result, errors)
}

export async function analyzePriceLists(
  file: string,
  format: ImportFormat,
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  const result = empty('PRICE_LISTS', options.sink)
  const errors = new Collector(options.sink)
  type Pending = Omit<PriceRecord, 'listId' | 'productId' | 'existing'> & { line: number }
  const byKey = new Map<string, Pending>()
  const read = await eachRow(
    'PRICE_LISTS',
    file,
    format,
    (row) => {
      const listText = required(row, 'lista', errors)
      const skuText = required(row, 'sku', errors)?.toUpperCase()
      const priceText = required(row, 'preco', errors)
      const list = listText
        ? PriceListCreateSchema.safeParse({
            code: listText,
            name: row.get('nomeLista') || listText,
          })
        : null
      if (list && !list.success) {
        const nameRefused = list.error.issues.some((issue) => issue.path[0] === 'name')
        errors.add(
          nameRefused && !list.error.issues.some((issue) => issue.path[0] === 'code')
            ? {
                line: row.line,
                code: 'INVALID_TEXT',
                column: 'nomeLista',
                value: row.get('nomeLista'),
              }
            : { line: row.line, code: 'INVALID_LIST_CODE', column: 'lista', value: listText ?? '' },
        )
      }
      const priceCents = priceText ? moneyCents(priceText, { min: 1 }) : null
      if (priceText && priceCents === null)
        errors.add({ line: row.line, code: 'INVALID_PRICE', column: 'preco', value: priceText })
      const quantityText = row.get('quantidadeMinima')
      const quantity = quantityText ? wholeNumber(quantityText, 1, MAX_TIER_QUANTITY) : 1
      if (quantity === null)
        errors.add({
          line: row.line,
          code: 'INVALID_QUANTITY',
          column: 'quantidadeMinima',
          value: quantityText,
        })
      if (errors.errorLines.has(row.line) || !list?.success || !skuText || priceCents === null)
        return
      // One unit is the list's own price; from two units on, a quantity tier.
      const minQuantity = quantity && quantity > 1 ? quantity : null
      const key = `${list.data.code}|${skuText}|${minQuantity ?? 1}`
      if (byKey.has(key)) {
        errors.add({
          line: row.line,
          code: 'DUPLICATE_KEY',
          column: 'sku',
          value: `${list.data.code} · ${skuText}${minQuantity ? ` · ${minQuantity}` : ''}`,
        })
        return
      }
      byKey.set(key, {
        line: row.line,
        listCode: list.data.code,
        listName: list.data.name,
        sku: skuText,
        minQuantity,
        priceCents,
      })
    },
    options.sink,
  )
  Object.assign(result, read)
  if (read.fileError) return result

  const pending = [...byKey.values()]
  const lists = await prisma.priceList.findMany({ select: { id: true, code: true } })
  const listIds = new Map(lists.map((l) => [l.code.toUpperCase(), l.id]))
  const productIds = new Map<string, string>()
  for (const part of chunks([...new Set(pending.map((p) => p.sku))], 500)) {
    const found = await prisma.product.findMany({
      where: { sku: { in: part } },
      select: { id: true, sku: true },
    })
    found.forEach((p) => productIds.set(p.sku, p.id))
  }
  const items = new Map<string, number>()
  const tiers = new Map<string, number>()
  const known = pending.filter((p) => productIds.has(p.sku) && listIds.has(p.listCode))
  for (const part of chunks(known, 500)) {
    const where = {
      priceListId: { in: [...new Set(part.map((p) => listIds.get(p.listCode)!))] },
      productId: { in: [...new Set(part.map((p) => productIds.get(p.sku)!))] },
    }
    const [foundItems, foundTiers] = await Promise.all([
      prisma.priceListItem.findMany({
        where,
        select: { priceListId: true, productId: true, priceCents: true },
      }),
      prisma.priceTier.findMany({
        where,
        select: { priceListId: true, productId: true, minQuantity: true, priceCents: true },
      }),
    ])
    foundItems.forEach((i) => items.set(`${i.priceListId}|${i.productId}`, i.priceCents))
    foundTiers.forEach((t) =>
      tiers.set(`${t.priceListId}|${t.productId}|${t.minQuantity}`, t.priceCents),
    )
  }
  for (const { line, ...row } of pending) {
    const productId = productIds.get(row.sku)
    if (!productId) {
      errors.add({ line, code: 'UNKNOWN_PRODUCT', column: 'sku', value: row.sku })
      continue
    }
    const listId = listIds.get(row.listCode) ?? null
    const key = `${listId}|${productId}`
    const before = listId
      ? row.minQuantity
        ? tiers.get(`${key}|${row.minQuantity}`)
        : items.get(key)
      : undefined
    const record: PriceRecord = { ...row, listId, productId, existing: before !== undefined }
    const action: SampleRow['action'] =
      before === undefined ? 'create' : before === row.priceCents ? 'unchanged' : 'update'
    if (count(result, action)) result.prices.push(record)
    addSample(result, {
      line,
      action,
      cells: {
        list: row.listCode,
        sku: row.sku,
        minQuantity: row.minQuantity,
        price: row.priceCents,
      },
    })
  }
  return finish(result, errors)
}
