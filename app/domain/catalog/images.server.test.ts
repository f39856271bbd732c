import { parseWithZod } from '@conform-to/zod'
import { createFamily, createProduct as makeProduct, createUser } from '#tests/fixtures/factories'
import { asFile, makeImage, pngClaiming } from '#tests/fixtures/images'
import { loader } from '~/routes/images.$fileId.$variant'
import { saveLogo } from '~/domain/company/logo.server'
import { getBranding } from '~/domain/company/company.server'
import { createSessionCookie } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { storeFile } from '~/utils/files.server'
import { createProduct, productSchemaForSave, updateProduct } from './catalog-admin.server'

const context = { cspNonce: '', clientIp: '127.0.0.1' }

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const [, , fileId, variant] = path.split('/')
  const request = new Request(`http://localhost${path}`, { headers })
  try {
    return await loader({ request, params: { fileId, variant }, context })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

let seq = 0
function productForm(familyId: string, image?: File, extra: Record<string, string> = {}) {
  const form = new FormData()
  const values: Record<string, string> = {
    sku: `IMG-${Date.now().toString(36)}-${++seq}`.toUpperCase(),
    name: 'Argamassa AC-II',
    familyId,
    unit: 'SC',
    packSize: '1',
    listPrice: '20,00',
    active: 'on',
    ...extra,
  }
  for (const [name, value] of Object.entries(values)) form.set(name, value)
  if (image) form.set('image', image)
  return form
}

async function parsed(form: FormData, productId: string | null = null, oversized = false) {
  const submission = await parseWithZod(form, {
    schema: productSchemaForSave(productId, { oversized }),
    async: true,
  })
  return submission
}

const png = async (name = 'foto.png') =>
  asFile(await makeImage('png', { width: 600, height: 400 }), name)

/** The submission's errors by field (none when it parsed). */
function errorsOf(submission: { status?: string; error?: unknown }) {
  return (submission.status === 'error' ? submission.error : {}) as Record<string, string[] | null>
}

async function productWithImage(active = true) {
  const family = await createFamily()
  const actor = await createUser({ role: 'MANAGER' })
  const submission = await parsed(productForm(family.id, await png()))
  if (submission.status !== 'success') throw new Error(JSON.stringify(submission.error))
  const saved = await createProduct(actor.id, { ...submission.value, active })
  if (!saved.ok) throw new Error('not saved')
  const product = await prisma.product.findUniqueOrThrow({ where: { id: saved.id } })
  return { product, actor, family, fileId: product.imageFileId! }
}

describe('a product photo, written by the back office', () => {
  it('stores the checked photo with its size and audits it', async () => {
    const { product, actor, fileId } = await productWithImage()
    const file = await prisma.storedFile.findUniqueOrThrow({ where: { id: fileId } })
    expect(file).toMatchObject({ contentType: 'image/png', width: 600, height: 400 })
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: product.id, action: 'product.created', actorId: actor.id },
    })
    expect(JSON.stringify(entry.changes)).toContain(fileId)
    expect(JSON.stringify(entry.changes)).toContain('foto.png')
  })

  it('replaces and removes the photo, deleting the old file, audited', async () => {
    const { product, actor, family, fileId } = await productWithImage()
    const edit = (image?: File, extra: Record<string, string> = {}) =>
      parsed(productForm(family.id, image, { sku: product.sku, ...extra }), product.id)

    const replaced = await edit(await png('nova.png'))
    if (replaced.status !== 'success') throw new Error('refused')
    expect((await updateProduct(actor.id, product.id, replaced.value)).ok).toBe(true)
    const after = await prisma.product.findUniqueOrThrow({ where: { id: product.id } })
    expect(after.imageFileId).not.toBe(fileId)
    expect(await prisma.storedFile.count({ where: { id: fileId } })).toBe(0)

    // Saving other fields keeps the photo.
    const kept = await edit(undefined, { name: 'Argamassa AC-III' })
    if (kept.status !== 'success') throw new Error('refused')
    await updateProduct(actor.id, product.id, kept.value)
    const renamed = await prisma.product.findUniqueOrThrow({ where: { id: product.id } })
    expect(renamed.imageFileId).toBe(after.imageFileId)

    const removed = await edit(undefined, { removeImage: 'on' })
    if (removed.status !== 'success') throw new Error('refused')
    await updateProduct(actor.id, product.id, removed.value)
    const bare = await prisma.product.findUniqueOrThrow({ where: { id: product.id } })
    expect(bare.imageFileId).toBeNull()
    expect(await prisma.storedFile.count({ where: { id: after.imageFileId! } })).toBe(0)
    const entries = await prisma.auditLog.findMany({
      where: { entityId: product.id, action: 'product.updated' },
    })
    expect(entries.map((e) => String(e.changes)).join()).toContain(
      `"imageFileId":["${after.imageFileId}",null]`,
    )
  })

  it('refuses a file that is not an image, too many pixels or too large, beside the field', async () => {
    const family = await createFamily()
    const before = await prisma.storedFile.count()
    const text = new File(['sku;nome\n'], 'foto.png', { type: 'image/png' })
    const notImage = await parsed(productForm(family.id, text))
    expect(notImage.status).toBe('error')
    expect(errorsOf(notImage).image).toEqual(['imageForm.notImage'])
    const bomb = asFile(await pngClaiming(9000, 9000), 'b.png')
    expect(errorsOf(await parsed(productForm(family.id, bomb))).image).toEqual([
      'imageForm.tooManyPixels {"max":40}',
    ])
    expect(errorsOf(await parsed(productForm(family.id), null, true)).image).toEqual([
      'imageForm.tooLarge {"max":5}',
    ])
    // The domain refuses it too when called without the schema.
    const actor = await createUser({ role: 'MANAGER' })
    const ok = await parsed(productForm(family.id))
    if (ok.status !== 'success') throw new Error('refused')
    const saved = await createProduct(actor.id, { ...ok.value, image: text })
    expect(saved).toEqual({ ok: false, errors: { image: ['imageForm.notImage'] } })
    expect(await prisma.storedFile.count()).toBe(before)
    expect(await prisma.product.count({ where: { sku: ok.value.sku } })).toBe(0)
  })
})

describe('the image route /images/<fileId>/<width>.<format>', () => {
  it('serves an active product photo, cached for a year, with an ETag and 304', async () => {
    const { fileId } = await productWithImage()
    const response = await get(`/images/${fileId}/320.webp`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('image/webp')
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    const etag = response.headers.get('ETag')!
    expect(etag).toMatch(/^".+"$/)
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0)
    const again = await get(`/images/${fileId}/320.webp`, { 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(await prisma.imageVariant.count({ where: { fileId } })).toBe(1)
  })

  it('refuses a width it does not serve', async () => {
    const { fileId } = await productWithImage()
    expect((await get(`/images/${fileId}/321.webp`)).status).toBe(404)
    expect((await get(`/images/${fileId}/4000.webp`)).status).toBe(404)
    expect((await get(`/images/${fileId}/320.svg`)).status).toBe(404)
  })

  it('never serves a stored file that is not a shown image (an import CSV)', async () => {
    const data = Buffer.from('cnpj;nome\n1;A\n')
    const csv = await storeFile(prisma, {
      data,
      size: data.length,
      sha256: 'x',
      fileName: 'clientes.csv',
      contentType: 'text/csv',
    })
    expect((await get(`/images/${csv.id}/320.webp`)).status).toBe(404)
    // Even a CSV someone links to a product as its "photo".
    const product = await makeProduct()
    await prisma.product.update({ where: { id: product.id }, data: { imageFileId: csv.id } })
    expect((await get(`/images/${csv.id}/320.webp`)).status).toBe(404)
  })

  it("shows an inactive product's photo to the catalog staff only, privately", async () => {
    const { fileId } = await productWithImage(false)
    expect((await get(`/images/${fileId}/160.webp`)).status).toBe(404)
    const manager = await createUser({ role: 'MANAGER' })
    const cookie = (await createSessionCookie(manager.id)).split(';')[0]!
    const response = await get(`/images/${fileId}/160.webp`, { Cookie: cookie })
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toMatch(/^private/)
  })
})

describe('the company logo', () => {
  it('is set, shown in the branding with an absolute email address, and removed, audited', async () => {
    const admin = await createUser({ role: 'ADMIN' })
    const logo = asFile(await makeImage('png', { width: 300, height: 100 }), 'logo.png')
    expect(await saveLogo(admin.id, { logo })).toBe('saved')
    const brand = await getBranding()
    expect(brand.logo).toMatchObject({ width: 300, height: 100 })
    expect(brand.logo?.emailUrl).toMatch(/^https?:\/\/.+\/images\/.+\/480\.png$/)
    const served = await get(`/images/${brand.logo!.fileId}/160.png`)
    expect(served.status).toBe(200)
    expect(served.headers.get('Content-Type')).toBe('image/png')

    expect(await saveLogo(admin.id, { remove: true })).toBe('removed')
    expect((await getBranding()).logo).toBeNull()
    expect(await prisma.storedFile.count({ where: { id: brand.logo!.fileId } })).toBe(0)
    const actions = await prisma.auditLog.findMany({
      where: { actorId: admin.id, entity: 'AppSettings' },
      select: { action: true },
    })
    expect(actions.map((a) => a.action).sort()).toEqual(['settings.logo', 'settings.logoRemoved'])
  })
})
