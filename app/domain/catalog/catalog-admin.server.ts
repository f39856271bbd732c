/**
 * The catalog as the back office keeps it (/admin/catalog, permission 'catalog:manage'):
 * families as a tree and products. A SKU is unique (compared in capitals, as it is stored) and
 * cannot change once an order line names the product. Every change is audited in the
 * transaction that makes it; a refused change writes nothing.
 */
import { type Prisma } from '@prisma/client'
import { audit, diffFields } from '~/domain/audit/audit.server'
import { isUniqueViolation, prisma, type Tx } from '~/utils/db.server'
import { type FormErrors, formMessage } from '~/utils/form-schema'
import {
  type CheckedImage,
  checkUpload,
  deleteImageIfUnused,
  IMAGE_TOO_LARGE,
  storeImage,
} from '~/utils/images.server'
import { pageWindow } from '~/utils/paging'
import {
  FamilySchema,
  type FamilyInput,
  productFormValues,
  productSchema,
  type ProductInput,
} from './catalog-forms'
import { normalizeSearchText, productSearchText, productTextWhere } from './search-text'

export const ADMIN_PRODUCTS_PAGE_SIZE = 25

type Db = Tx | typeof prisma

/** Thrown inside a transaction to roll it back with form errors. */
class Refusal extends Error {
  constructor(readonly errors: FormErrors) {
    super('refused')
  }
}

export type SaveResult = { ok: true; id: string } | { ok: false; errors: FormErrors }

async function refusalsOf<T>(
  work: () => Promise<T>,
): Promise<T | { ok: false; errors: FormErrors }> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, errors: error.errors }
    throw error
  }
}

// ---------------------------------------------------------------------------------------------
// Families

export type AdminFamily = {
  id: string
  slug: string
  name: string
  parentId: string | null
  active: boolean
  depth: number
  productCount: number
}

/** Every family, active or not, in tree order (each after its parent), with its depth. */
export async function listFamilyTree(): Promise<AdminFamily[]> {
  const families = await prisma.productFamily.findMany({
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      slug: true,
      name: true,
      parentId: true,
      active: true,
      _count: { select: { products: true } },
    },
  })
  const children = new Map<string | null, typeof families>()
  const ids = new Set(families.map((f) => f.id))
  for (const family of families) {
    const parent = family.parentId && ids.has(family.parentId) ? family.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), family])
  }
  const ordered: AdminFamily[] = []
  const visit = (parentId: string | null, depth: number) => {
    for (const { _count, ...family } of children.get(parentId) ?? []) {
      ordered.push({ ...family, depth, productCount: _count.products })
      visit(family.id, depth + 1)
    }
  }
  visit(null, 0)
  return ordered
}

/** "Cimentos & Argamassas" → "cimentos-argamassas". */
export function slugOf(name: string): string {
  return normalizeSearchText(name).replace(/ /g, '-').slice(0, 60) || 'familia'
}

export async function freeSlug(db: Db, name: string): Promise<string> {
  const base = slugOf(name)
  const taken = new Set(
    (
      await db.productFamily.findMany({
        where: { slug: { startsWith: base } },
        select: { slug: true },
      })
    ).map((f) => f.slug),
  )
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

/** The ids of a family and every family under it. */
async function familyWithDescendants(db: Db, id: string): Promise<Set<string>> {
  const all = await db.productFamily.findMany({ select: { id: true, parentId: true } })
  const found = new Set([id])
  let grew = true
  while (grew) {
    grew = false
    for (const family of all) {
      if (family.parentId && found.has(family.parentId) && !found.has(family.id)) {
        found.add(family.id)
        grew = true
      }
    }
  }
  return found
}

/** Form errors for a parent that does not exist, or (moving `familyId`) would make a cycle. */
async function parentProblems(
  db: Db,
  familyId: string | null,
  parentId: string | undefined,
): Promise<FormErrors> {
  if (!parentId) return {}
  const parent = await db.productFamily.findUnique({
    where: { id: parentId },
    select: { id: true },
  })
  if (!parent) return { parentId: [formMessage('familyForm.parentMissing')] }
  if (familyId && (await familyWithDescendants(db, familyId)).has(parentId)) {
    return { parentId: [formMessage('familyForm.cycle')] }
  }
  return {}
}

/** The family form's schema on the server: a parent that exists and makes no cycle. */
export function familySchemaForSave(familyId: string | null) {
  return FamilySchema.superRefine(async (values, ctx) => {
    const found = await parentProblems(prisma, familyId, values.parentId)
    for (const [field, messages] of Object.entries(found)) {
      for (const message of messages) ctx.addIssue({ code: 'custom', path: [field], message })
    }
  })
}

export async function createFamily(actorId: string, input: FamilyInput): Promise<SaveResult> {
  return refusalsOf(() =>
    prisma.$transaction(async (tx) => {
      const problems = await parentProblems(tx, null, input.parentId)
      if (Object.keys(problems).length) throw new Refusal(problems)
      const data = {
        name: input.name,
        parentId: input.parentId || null,
        slug: await freeSlug(tx, input.name),
      }
      const family = await tx.productFamily.create({ data, select: { id: true } })
      await audit(tx, {
        actorId,
        action: 'family.created',
        entity: 'ProductFamily',
        entityId: family.id,
        changes: data,
      })
      return { ok: true as const, id: family.id }
    }),
  )
}

/** Renames and moves a family. Its slug (the storefront's links) stays as it was created. */
export async function updateFamily(
  actorId: string,
  id: string,
  input: FamilyInput,
): Promise<SaveResult> {
  return refusalsOf(() =>
    prisma.$transaction(async (tx) => {
      const before = await tx.productFamily.findUnique({
        where: { id },
        select: { name: true, parentId: true },
      })
      if (!before) throw new Refusal({ '': [formMessage('familyForm.notFound')] })
      const problems = await parentProblems(tx, id, input.parentId)
      if (Object.keys(problems).length) throw new Refusal(problems)
      const after = { name: input.name, parentId: input.parentId || null }
      const changes = diffFields(before, after)
      if (Object.keys(changes).length) {
        await tx.productFamily.update({ where: { id }, data: after })
        await audit(tx, {
          actorId,
          action: 'family.updated',
          entity: 'ProductFamily',
          entityId: id,
          changes,
        })
      }
      return { ok: true as const, id }
    }),
  )
}

export async function setFamilyActive(actorId: string, id: string, active: boolean) {
  return prisma.$transaction(async (tx) => {
    const family = await tx.productFamily.findUnique({ where: { id }, select: { active: true } })
    if (!family) return false
    if (family.active !== active) {
      await tx.productFamily.update({ where: { id }, data: { active } })
      await audit(tx, {
        actorId,
        action: active ? 'family.reactivated' : 'family.deactivated',
        entity: 'ProductFamily',
        entityId: id,
      })
    }
    return true
  })
}

// ---------------------------------------------------------------------------------------------
// Products: the list

export type ProductFilters = {
  q: string | null
  familyId: string | null
  status: 'active' | 'inactive' | null
  page: number
}

export function parseProductFilters(params: URLSearchParams): ProductFilters {
  const status = params.get('status')
  const page = Number(params.get('page') ?? 1)
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100) || null,
    familyId: (params.get('family') ?? '').slice(0, 40) || null,
    status: status === 'active' || status === 'inactive' ? status : null,
    page: Number.isFinite(page) ? page : 1,
  }
}

/** Products by name, a page at a time, searched by SKU or name (any case, any accents). */
export async function listProductsForAdmin(filters: ProductFilters) {
  const where: Prisma.ProductWhereInput = {
    ...(filters.familyId ? { familyId: filters.familyId } : {}),
    ...(filters.status ? { active: filters.status === 'active' } : {}),
    ...productTextWhere(filters.q ?? ''),
  }
  const total = await prisma.product.count({ where })
  const { page, pageCount, skip, take } = pageWindow(total, filters.page, ADMIN_PRODUCTS_PAGE_SIZE)
  const products = await prisma.product.findMany({
    where,
    orderBy: [{ name: 'asc' }, { sku: 'asc' }],
    skip,
    take,
    select: {
      id: true,
      sku: true,
      name: true,
      unit: true,
      packSize: true,
      listPriceCents: true,
      stock: true,
      active: true,
      family: { select: { name: true, active: true } },
    },
  })
  return { products, total, page, pageCount }
}

// ---------------------------------------------------------------------------------------------
// Products: the form

/** A product's editable fields (the form, and the catalog import's comparison). */
export const productSelect = {
  id: true,
  sku: true,
  name: true,
  description: true,
  familyId: true,
  unit: true,
  packSize: true,
  listPriceCents: true,
  stock: true,
  active: true,
  imageFileId: true,
} satisfies Prisma.ProductSelect

/** Whether an order line names the product: its SKU may no longer change. */
async function isOrdered(db: Db, productId: string): Promise<boolean> {
  return (await db.orderLine.count({ where: { productId } })) > 0
}

export async function getProductForEdit(id: string) {
  const product = await prisma.product.findUnique({ where: { id }, select: productSelect })
  if (!product) return null
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    active: product.active,
    imageFileId: product.imageFileId,
    skuLocked: await isOrdered(prisma, id),
    values: productFormValues(product),
  }
}

/**
 * What stops `input` being saved as product `productId` (null: a new product): a SKU another
 * product has, a SKU changed after the product was ordered, a family that does not exist.
 */
async function productProblems(
  db: Db,
  productId: string | null,
  input: { sku?: string; familyId?: string },
): Promise<FormErrors> {
  const errors: FormErrors = {}
  const sku = (input.sku ?? '').trim().toUpperCase()
  if (sku) {
    const holder = await db.product.findFirst({
      where: { sku: { in: [...new Set([sku, input.sku ?? ''])] } },
      select: { id: true },
    })
    if (holder && holder.id !== productId) errors.sku = [formMessage('catalogForm.skuTaken')]
    if (productId && !errors.sku) {
      const current = await db.product.findUnique({
        where: { id: productId },
        select: { sku: true },
      })
      if (current && current.sku !== sku && (await isOrdered(db, productId))) {
        errors.sku = [formMessage('catalogForm.skuLocked')]
      }
    }
  }
  if (input.familyId) {
    const family = await db.productFamily.findUnique({
      where: { id: input.familyId },
      select: { id: true },
    })
    if (!family) errors.familyId = [formMessage('catalogForm.familyMissing')]
  }
  return errors
}

/**
 * The product form's schema on the server (parse it with `async: true`): the database checks,
 * and the photo checked from its bytes. `oversized`: the photo was too large to be read at all
 * (app/utils/uploads.server.ts).
 */
export function productSchemaForSave(productId: string | null, { oversized = false } = {}) {
  return productSchema(async (values, ctx) => {
    const found = await productProblems(prisma, productId, values)
    if (oversized) found.image = [IMAGE_TOO_LARGE]
    else if (values.image) {
      const check = await checkUpload(values.image)
      if (!check.ok) found.image = [check.message]
    }
    for (const [field, messages] of Object.entries(found)) {
      for (const message of messages) ctx.addIssue({ code: 'custom', path: [field], message })
    }
  })
}

type ProductFields = Omit<ProductInput, 'image' | 'removeImage'>

function productData(input: ProductFields) {
  return { ...input, searchText: productSearchText(input) }
}

/** The photo of a save, checked from its bytes before any transaction starts. */
async function imageOf(input: ProductInput): Promise<CheckedImage | null> {
  if (!input.image) return null
  const check = await checkUpload(input.image)
  if (!check.ok) throw new Refusal({ image: [check.message] })
  return check.image
}

function splitImage({ image: _image, removeImage: _remove, ...fields }: ProductInput) {
  return fields
}

/** Two saves of the same SKU at once: the database's unique index answers the second. */
function skuRace(error: unknown): never {
  if (isUniqueViolation(error)) throw new Refusal({ sku: [formMessage('catalogForm.skuTaken')] })
  throw error
}

export async function createProduct(actorId: string, input: ProductInput): Promise<SaveResult> {
  return refusalsOf(async () => {
    const image = await imageOf(input)
    const fields = splitImage(input)
    return prisma
      .$transaction(async (tx) => {
        const problems = await productProblems(tx, null, fields)
        if (Object.keys(problems).length) throw new Refusal(problems)
        const imageFileId = image ? (await storeImage(tx, image)).id : null
        const product = await tx.product.create({
          data: { ...productData(fields), imageFileId },
          select: { id: true },
        })
        await audit(tx, {
          actorId,
          action: 'product.created',
          entity: 'Product',
          entityId: product.id,
          changes: { ...fields, ...(image ? { imageFileId, imageFileName: image.fileName } : {}) },
        })
        return { ok: true as const, id: product.id }
      })
      .catch(skuRace)
  })
}

export async function updateProduct(
  actorId: string,
  id: string,
  input: ProductInput,
): Promise<SaveResult> {
  return refusalsOf(async () => {
    const image = await imageOf(input)
    const fields = splitImage(input)
    return prisma
      .$transaction(async (tx) => {
        const found = await tx.product.findUnique({ where: { id }, select: productSelect })
        if (!found) throw new Refusal({ '': [formMessage('catalogForm.notFound')] })
        const problems = await productProblems(tx, id, fields)
        if (Object.keys(problems).length) throw new Refusal(problems)
        const { imageFileId: oldImageId, ...before } = found
        const imageFileId = image
          ? (await storeImage(tx, image)).id
          : input.removeImage
            ? null
            : oldImageId
        const changes = diffFields(
          { ...before, imageFileId: oldImageId },
          { ...fields, imageFileId },
        )
        if (Object.keys(changes).length) {
          await tx.product.update({ where: { id }, data: { ...productData(fields), imageFileId } })
          if (oldImageId && oldImageId !== imageFileId) await deleteImageIfUnused(tx, oldImageId)
          await audit(tx, {
            actorId,
            action: 'product.updated',
            entity: 'Product',
            entityId: id,
            changes: image ? { ...changes, imageFileName: image.fileName } : changes,
          })
        }
        return { ok: true as const, id }
      })
      .catch(skuRace)
  })
}

export async function setProductActive(actorId: string, id: string, active: boolean) {
  return prisma.$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id }, select: { active: true } })
    if (!product) return false
    if (product.active !== active) {
      await tx.product.update({ where: { id }, data: { active } })
      await audit(tx, {
        actorId,
        action: active ? 'product.reactivated' : 'product.deactivated',
        entity: 'Product',
        entityId: id,
      })
    }
    return true
  })
}
