import { parseWithZod } from '@conform-to/zod'
import {
  createBuyer,
  createFamily as makeFamily,
  createProduct as makeProduct,
  createUser,
  orderProduct,
} from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { addQuickOrder, addToCart } from '~/domain/orders/cart.server'
import { searchCatalog } from './catalog.server'
import {
  createFamily,
  createProduct,
  familySchemaForSave,
  productSchemaForSave,
  setFamilyActive,
  slugOf,
  updateFamily,
  updateProduct,
} from './catalog-admin.server'

let seq = 0
function productForm(overrides: Record<string, string> = {}) {
  seq++
  const form = new FormData()
  const values: Record<string, string> = {
    sku: `adm-${Date.now().toString(36)}-${seq}`,
    name: 'Cimento CP-II 50 kg',
    description: 'Saco de 50 kg',
    unit: 'sc',
    packSize: '10',
    listPrice: '35,90',
    stock: '100',
    active: 'on',
    ...overrides,
  }
  for (const [name, value] of Object.entries(values)) form.set(name, value)
  return form
}

async function parseProduct(form: FormData, productId: string | null = null) {
  return parseWithZod(form, { schema: productSchemaForSave(productId), async: true })
}

/** The submission's errors by field (none when it parsed). */
function errorsOf(submission: { status?: string; error?: unknown }) {
  return (submission.status === 'error' ? submission.error : {}) as Record<string, string[] | null>
}

async function manager() {
  return createUser({ role: 'MANAGER' })
}

describe('catalog administration: products', () => {
  it('creates a product with its normalised SKU, search text and audit entry', async () => {
    const family = await makeFamily()
    const actor = await manager()
    const submission = await parseProduct(productForm({ familyId: family.id, sku: 'cim-a1' }))
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value).toMatchObject({
      sku: 'CIM-A1',
      unit: 'SC',
      packSize: 10,
      listPriceCents: 3590,
      stock: 100,
      active: true,
    })
    const saved = await createProduct(actor.id, submission.value)
    expect(saved.ok).toBe(true)
    if (!saved.ok) return
    const product = await prisma.product.findUniqueOrThrow({ where: { id: saved.id } })
    expect(product.searchText).toBe('cim a1 cimento cp ii 50 kg')
    const audits = await prisma.auditLog.count({
      where: { entity: 'Product', entityId: saved.id, action: 'product.created' },
    })
    expect(audits).toBe(1)
  })

  it('refuses a SKU another product has, whatever its case, and writes nothing', async () => {
    const family = await makeFamily()
    await makeProduct({ sku: 'DUP-9001', familyId: family.id })
    const before = await prisma.product.count()
    const submission = await parseProduct(productForm({ familyId: family.id, sku: 'dup-9001' }))
    expect(submission.status).toBe('error')
    expect(errorsOf(submission).sku).toEqual(['catalogForm.skuTaken'])
    // And the domain refuses it too when the form's check was skipped (two saves at once).
    const actor = await manager()
    const again = await createProduct(actor.id, {
      sku: 'DUP-9001',
      name: 'Outro',
      description: '',
      familyId: family.id,
      unit: 'UN',
      packSize: 1,
      listPriceCents: 100,
      stock: null,
      active: true,
    })
    expect(again).toEqual({ ok: false, errors: { sku: ['catalogForm.skuTaken'] } })
    expect(await prisma.product.count()).toBe(before)
  })

  it('refuses pack size 0, a negative or zero price and negative stock beside each field', async () => {
    const family = await makeFamily()
    const submission = await parseProduct(
      productForm({ familyId: family.id, packSize: '0', listPrice: '-5,00', stock: '-1' }),
    )
    expect(submission.status).toBe('error')
    expect(errorsOf(submission).packSize?.[0]).toMatch(/^catalogForm.packSizeInvalid/)
    expect(errorsOf(submission).listPrice).toEqual(['catalogForm.listPriceInvalid'])
    expect(errorsOf(submission).stock).toEqual(['catalogForm.stockInvalid'])
    const zero = await parseProduct(productForm({ familyId: family.id, listPrice: '0' }))
    expect(errorsOf(zero).listPrice).toEqual(['catalogForm.listPriceInvalid'])
  })

  it('keeps the SKU once the product appears in an order line, and allows other changes', async () => {
    const actor = await manager()
    const { account, user } = await createBuyer({ status: 'ACTIVE' })
    const orderId = await orderProduct({
      accountId: account.id,
      userId: user.id,
      listPriceCents: 1000,
    })
    const line = await prisma.orderLine.findFirstOrThrow({ where: { orderId } })
    const product = await prisma.product.findUniqueOrThrow({ where: { id: line.productId! } })
    const changed = await parseProduct(
      productForm({ familyId: product.familyId, sku: `${product.sku}-X` }),
      product.id,
    )
    expect(errorsOf(changed).sku).toEqual(['catalogForm.skuLocked'])
    const refused = await updateProduct(actor.id, product.id, {
      sku: `${product.sku}-X`,
      name: 'Novo nome',
      description: '',
      familyId: product.familyId,
      unit: 'UN',
      packSize: 1,
      listPriceCents: 1200,
      stock: null,
      active: true,
    })
    expect(refused).toEqual({ ok: false, errors: { sku: ['catalogForm.skuLocked'] } })
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).name).toBe(
      product.name,
    )
    const kept = await parseProduct(
      productForm({ familyId: product.familyId, sku: product.sku, name: 'Novo nome' }),
      product.id,
    )
    expect(kept.status).toBe('success')
    if (kept.status !== 'success') return
    expect((await updateProduct(actor.id, product.id, kept.value)).ok).toBe(true)
    const after = await prisma.product.findUniqueOrThrow({ where: { id: product.id } })
    expect(after.name).toBe('Novo nome')
    expect(after.searchText).toContain('novo nome')
  })

  it('lets a product never ordered change its SKU', async () => {
    const family = await makeFamily()
    const product = await makeProduct({ familyId: family.id })
    const submission = await parseProduct(
      productForm({ familyId: family.id, sku: `${product.sku}-B` }),
      product.id,
    )
    expect(submission.status).toBe('success')
  })
})

describe('catalog administration: families', () => {
  it('makes a unique slug from the name', async () => {
    const actor = await manager()
    const name = `Cimentos & Argamassas ${Date.now()}`
    const first = await createFamily(actor.id, { name })
    const second = await createFamily(actor.id, { name })
    if (!first.ok || !second.ok) throw new Error('not created')
    const slugs = await prisma.productFamily.findMany({
      where: { id: { in: [first.id, second.id] } },
      select: { slug: true },
    })
    expect(slugs.map((f) => f.slug).sort()).toEqual([slugOf(name), `${slugOf(name)}-2`].sort())
  })

  it('refuses to move a family under itself or one of its descendants', async () => {
    const actor = await manager()
    const root = await makeFamily()
    const child = await makeFamily({ parentId: root.id })
    const grandchild = await makeFamily({ parentId: child.id })
    const form = (parentId: string) => {
      const data = new FormData()
      data.set('name', root.name)
      data.set('parentId', parentId)
      return data
    }
    for (const parentId of [root.id, grandchild.id]) {
      const submission = await parseWithZod(form(parentId), {
        schema: familySchemaForSave(root.id),
        async: true,
      })
      expect(errorsOf(submission).parentId).toEqual(['familyForm.cycle'])
    }
    expect(await updateFamily(actor.id, root.id, { name: root.name, parentId: child.id })).toEqual({
      ok: false,
      errors: { parentId: ['familyForm.cycle'] },
    })
    expect(
      (await prisma.productFamily.findUniqueOrThrow({ where: { id: root.id } })).parentId,
    ).toBe(null)
    // Moving the grandchild to the top is fine.
    expect((await updateFamily(actor.id, grandchild.id, { name: 'Solta' })).ok).toBe(true)
  })

  it('hides an inactive family, its sub-families and their products from the storefront', async () => {
    const actor = await manager()
    const parent = await makeFamily()
    const child = await makeFamily({ parentId: parent.id })
    const product = await makeProduct({ sku: `HID-${Date.now()}`, familyId: child.id })
    const find = async () =>
      (await searchCatalog(null, { q: product.sku })).products.map((p) => p.id)
    expect(await find()).toEqual([product.id])
    expect(await setFamilyActive(actor.id, parent.id, false)).toBe(true)
    expect(await find()).toEqual([])
    const result = await searchCatalog(null, {})
    expect(result.products.map((p) => p.id)).not.toContain(product.id)
    const familyIds = JSON.stringify(result.families)
    expect(familyIds).not.toContain(parent.id)
    expect(familyIds).not.toContain(child.id)
    expect((await searchCatalog(null, { family: child.slug })).familyFound).toBe(false)
    expect(
      await prisma.auditLog.count({ where: { entityId: parent.id, action: 'family.deactivated' } }),
    ).toBe(1)
    await setFamilyActive(actor.id, parent.id, true)
    expect(await find()).toEqual([product.id])
  })

  it('refuses to put a product of an inactive family in the cart, by button or quick order', async () => {
    const actor = await manager()
    const family = await makeFamily()
    const product = await makeProduct({ sku: `OFF-${Date.now()}`, familyId: family.id })
    const { account } = await createBuyer()
    await setFamilyActive(actor.id, family.id, false)
    expect(await addToCart(account.id, product.id, 1)).toEqual({
      ok: false,
      problem: 'UNAVAILABLE',
    })
    const quick = await addQuickOrder(account.id, `${product.sku} 1`)
    expect(JSON.stringify(quick)).toContain('UNAVAILABLE')
    await setFamilyActive(actor.id, family.id, true)
    expect((await addToCart(account.id, product.id, 1)).ok).toBe(true)
  })
})
