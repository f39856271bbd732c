import { createFamily, createProduct } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { CATALOG_PAGE_SIZE, getProductBySku, searchCatalog } from './catalog.server'

describe('catalog search', () => {
  it('finds products case- and accent-insensitively, by name or SKU', async () => {
    const family = await createFamily()
    await createProduct({ sku: 'ARG-7001', name: 'Argamassa Colante AC-III', familyId: family.id })
    await createProduct({ sku: 'HID-7001', name: 'Tubo PVC Água Fria 25 mm', familyId: family.id })
    await createProduct({ sku: 'CIM-7001', name: 'Cimento CP-II 50 kg', familyId: family.id })
    const names = async (q: string) =>
      (await searchCatalog(null, { q, family: family.slug })).products.map((p) => p.name)
    expect(await names('argamassa')).toEqual(['Argamassa Colante AC-III'])
    expect(await names('ÁGUA')).toEqual(['Tubo PVC Água Fria 25 mm'])
    expect(await names('agua fria')).toEqual(['Tubo PVC Água Fria 25 mm'])
    expect(await names('cimento')).toEqual(['Cimento CP-II 50 kg'])
    expect(await names('cim-7001')).toEqual(['Cimento CP-II 50 kg'])
    expect(await names('tijolo')).toEqual([])
  })

  it('shows only the product whose SKU was typed in full, not every product sharing its digits', async () => {
    const family = await createFamily()
    await createProduct({ sku: 'CIM-8001', name: 'Cimento CP-II', familyId: family.id })
    await createProduct({ sku: 'TEL-8001', name: 'Telha de Fibrocimento', familyId: family.id })
    const result = await searchCatalog(null, { q: ' cim-8001 ' })
    expect(result.products.map((p) => p.sku)).toEqual(['CIM-8001'])
    expect((await searchCatalog(null, { q: 'cimento', family: family.slug })).total).toBe(2)
  })

  it('includes sub-families, hides discontinued products and pages the results', async () => {
    const parent = await createFamily()
    const child = await createFamily({ parentId: parent.id })
    for (let i = 0; i < CATALOG_PAGE_SIZE + 2; i++) {
      await createProduct({
        name: `Item ${String(i).padStart(2, '0')}`,
        familyId: i % 2 ? child.id : parent.id,
      })
    }
    await createProduct({ name: 'Item fora de linha', familyId: child.id, active: false })
    const first = await searchCatalog(null, { family: parent.slug })
    expect(first.total).toBe(CATALOG_PAGE_SIZE + 2)
    expect(first.products).toHaveLength(CATALOG_PAGE_SIZE)
    expect(first.pageCount).toBe(2)
    const second = await searchCatalog(null, { family: parent.slug, page: 2 })
    expect(second.products.map((p) => p.name)).toEqual([
      `Item ${CATALOG_PAGE_SIZE}`,
      `Item ${CATALOG_PAGE_SIZE + 1}`,
    ])
    const beyond = await searchCatalog(null, { family: parent.slug, page: 99 })
    expect(beyond.page).toBe(2)
  })

  it('says when a family does not exist instead of showing everything silently', async () => {
    const result = await searchCatalog(null, { family: 'does-not-exist' })
    expect(result.familyFound).toBe(false)
  })

  it("shows the account's price-list price, else the list price", async () => {
    const product = await createProduct({ sku: 'PRC-7001', listPriceCents: 5000 })
    const list = await prisma.priceList.create({ data: { code: 'PL-PRC', name: 'Lista' } })
    await prisma.priceListItem.create({
      data: { priceListId: list.id, productId: product.id, priceCents: 4500 },
    })
    expect((await getProductBySku(list.id, 'prc-7001'))?.priceCents).toBe(4500)
    expect((await getProductBySku(null, 'PRC-7001'))?.priceCents).toBe(5000)
  })
})
