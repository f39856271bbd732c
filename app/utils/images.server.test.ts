import sharp from 'sharp'
import { createProduct as makeProduct } from '#tests/fixtures/factories'
import { asFile, makeImage, pngClaiming, SVG } from '#tests/fixtures/images'
import { prisma } from './db.server'
import { storeFile } from './files.server'
import { MAX_IMAGE_BYTES, parseVariant } from './images'
import { checkImage, imageVariant, storeImage } from './images.server'
import { readFormWithFiles } from './uploads.server'

async function storedImage(format: 'png' | 'jpeg' = 'png') {
  const check = await checkImage(await makeImage(format, { width: 800, height: 600 }), 'p.png')
  if (!check.ok) throw new Error(check.message)
  return prisma.$transaction((tx) => storeImage(tx, check.image))
}

describe('checking an uploaded image from its bytes', () => {
  it.each(['png', 'jpeg', 'webp'] as const)(
    'accepts a %s with its type and size',
    async (format) => {
      const check = await checkImage(
        await makeImage(format, { width: 30, height: 20 }),
        `a.${format}`,
      )
      expect(check).toMatchObject({
        ok: true,
        image: { contentType: `image/${format}`, width: 30, height: 20 },
      })
    },
  )

  it('refuses a text file, whatever its name says', async () => {
    const check = await checkImage(Buffer.from('sku;name\nA-1;Cimento\n'), 'photo.png')
    expect(check).toEqual({ ok: false, message: 'imageForm.notImage' })
  })

  it('refuses SVG (it can carry script) and GIF', async () => {
    expect(await checkImage(SVG, 'logo.svg')).toEqual({ ok: false, message: 'imageForm.notImage' })
    const gif = await makeImage('gif')
    expect(await checkImage(gif, 'a.gif')).toEqual({ ok: false, message: 'imageForm.notImage' })
  })

  it('refuses a truncated image whose header looks right', async () => {
    const jpeg = await makeImage('jpeg', { width: 400, height: 300 })
    const check = await checkImage(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'cut.jpg')
    expect(check).toEqual({ ok: false, message: 'imageForm.notImage' })
  })

  it('refuses too many pixels before decoding them', async () => {
    const check = await checkImage(await pngClaiming(20_000, 20_000), 'bomb.png')
    expect(check).toEqual({ ok: false, message: 'imageForm.tooManyPixels {"max":40}' })
  })

  it('refuses more than the size limit', async () => {
    const check = await checkImage(Buffer.alloc(MAX_IMAGE_BYTES + 1), 'big.png')
    expect(check).toEqual({ ok: false, message: 'imageForm.tooLarge {"max":5}' })
  })
})

describe('reading an upload form', () => {
  it('drops a 20 MB file, names it, and keeps the other fields', async () => {
    const form = new FormData()
    form.set('name', 'Cimento')
    form.set(
      'image',
      new File([new Uint8Array(20 * 1024 * 1024)], 'huge.png', { type: 'image/png' }),
    )
    form.set('sku', 'CIM-1')
    const read = await readFormWithFiles(new Request('http://x/', { method: 'POST', body: form }))
    expect(read?.oversized.has('image')).toBe(true)
    expect(read?.form.get('image')).toBeNull()
    expect(read?.form.get('name')).toBe('Cimento')
    expect(read?.form.get('sku')).toBe('CIM-1')
  })

  it('keeps a file within the limit, and no file when none was chosen', async () => {
    const form = new FormData()
    form.set('image', asFile(await makeImage(), 'ok.png'))
    form.set('other', new File([], '', { type: 'application/octet-stream' }))
    const read = await readFormWithFiles(new Request('http://x/', { method: 'POST', body: form }))
    expect(read?.oversized.size).toBe(0)
    expect((read?.form.get('image') as File).name).toBe('ok.png')
    // Read as an empty field, which the form's schema takes as no file.
    expect(read?.form.get('other') || null).toBeNull()
  })

  it('holds at most two files of the limit in memory, whatever the number of files sent', async () => {
    const form = new FormData()
    const four = Buffer.alloc(4 * 1024 * 1024, 1)
    for (const name of ['a', 'b', 'c']) form.append(name, new File([four], `${name}.png`))
    const read = await readFormWithFiles(new Request('http://x/', { method: 'POST', body: form }))
    expect((read?.form.get('a') as File).size).toBe(four.length)
    expect((read?.form.get('b') as File).size).toBe(four.length)
    // Two 5 MB files' worth (10 MB) at most: 8 MB are held, the third would pass it.
    expect([...(read?.oversized ?? [])]).toEqual(['c'])
  })

  it('answers null to a body that is not the form it claims', async () => {
    const request = new Request('http://x/', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=zzz' },
      body: 'not multipart at all',
    })
    const read = await readFormWithFiles(request)
    expect(read === null || read.form.get('image') === null).toBe(true)
  })
})

describe('image variants', () => {
  it('serves only the widths and formats pages ask for', () => {
    expect(parseVariant('320.webp')).toEqual({ width: 320, format: 'webp' })
    expect(parseVariant('480.png')).toEqual({ width: 480, format: 'png' })
    expect(parseVariant('321.webp')).toBeNull()
    expect(parseVariant('5000.webp')).toBeNull()
    expect(parseVariant('320.gif')).toBeNull()
    expect(parseVariant('320.webp.exe')).toBeNull()
  })

  it('resizes once and keeps the variant for every instance', async () => {
    const file = await storedImage('jpeg')
    const first = await imageVariant(file.id, 160, 'webp')
    expect(first?.contentType).toBe('image/webp')
    const meta = await sharp(Buffer.from(first!.data)).metadata()
    expect(meta).toMatchObject({ format: 'webp', width: 160, height: 120 })
    const again = await imageVariant(file.id, 160, 'webp')
    expect(again?.etag).toBe(first?.etag)
    expect(await prisma.imageVariant.count({ where: { fileId: file.id } })).toBe(1)
    const png = await imageVariant(file.id, 160, 'png')
    expect((await sharp(Buffer.from(png!.data)).metadata()).format).toBe('png')
    expect(await prisma.imageVariant.count({ where: { fileId: file.id } })).toBe(2)
  })

  it('never enlarges a small image', async () => {
    const check = await checkImage(await makeImage('png', { width: 100, height: 50 }), 'a.png')
    const file = await prisma.$transaction((tx) => storeImage(tx, check.ok ? check.image : null!))
    const variant = await imageVariant(file.id, 960, 'webp')
    expect((await sharp(Buffer.from(variant!.data)).metadata()).width).toBe(100)
  })

  it('refuses a stored file that is not an image (an import CSV)', async () => {
    const data = Buffer.from('cnpj;nome\n1;A\n')
    const csv = await storeFile(prisma, {
      data,
      size: data.length,
      sha256: 'x',
      fileName: 'clientes.csv',
      contentType: 'text/csv',
    })
    expect(await imageVariant(csv.id, 160, 'webp')).toBeNull()
    expect(await imageVariant('missing', 160, 'webp')).toBeNull()
  })

  it('goes with its image when the image is deleted', async () => {
    const file = await storedImage()
    await imageVariant(file.id, 80, 'webp')
    const product = await makeProduct()
    await prisma.product.update({ where: { id: product.id }, data: { imageFileId: file.id } })
    await prisma.storedFile.delete({ where: { id: file.id } })
    expect(await prisma.imageVariant.count({ where: { fileId: file.id } })).toBe(0)
    const after = await prisma.product.findUniqueOrThrow({ where: { id: product.id } })
    expect(after.imageFileId).toBeNull()
  })
})
