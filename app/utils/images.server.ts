/**
 * Checks uploaded images and makes their resized variants. An upload is judged by its bytes,
 * never by its name or the type the browser claims: JPEG, PNG or WebP that decodes whole, and
 * not so many pixels that decoding it would take the server's memory. SVG is refused (it can
 * carry script). Variants are kept in the database (ImageVariant), so every instance serves a
 * variant made once by any of them (docs/decisions/015-images-in-the-database.md).
 */
import crypto from 'node:crypto'
import sharp, { type Metadata } from 'sharp'
import { isUniqueViolation, prisma, type Tx } from './db.server'
import { formMessage } from './form-schema'
import {
  IMAGE_TYPES,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_MB,
  MAX_IMAGE_PIXELS,
  type ImageFormat,
  type ImageWidth,
} from './images'
import { storeFile } from './files.server'

type ImageType = (typeof IMAGE_TYPES)[number]
const TYPE_OF_FORMAT: Record<string, ImageType> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
}

export type CheckedImage = {
  data: Buffer
  size: number
  sha256: string
  fileName: string
  contentType: ImageType
  width: number
  height: number
}

export type ImageCheck = { ok: true; image: CheckedImage } | { ok: false; message: string }

/** Also the error beside a file too large to be read at all (uploads.server.ts). */
export const IMAGE_TOO_LARGE = formMessage('imageForm.tooLarge', { max: MAX_IMAGE_MB })
const NOT_AN_IMAGE = formMessage('imageForm.notImage')
const TOO_MANY_PIXELS = formMessage('imageForm.tooManyPixels', {
  max: Math.round(MAX_IMAGE_PIXELS / 1_000_000),
})

/** Whether `bytes` is an image we accept, with its type and its size as shown (EXIF turned). */
export async function checkImage(bytes: Buffer, fileName: string): Promise<ImageCheck> {
  if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, message: IMAGE_TOO_LARGE }
  let metadata: Metadata
  try {
    // Headers only: the pixel count is known before anything is decoded.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch {
    return { ok: false, message: NOT_AN_IMAGE }
  }
  const contentType = TYPE_OF_FORMAT[metadata.format ?? '']
  if (!contentType || !metadata.width || !metadata.height) {
    return { ok: false, message: NOT_AN_IMAGE }
  }
  if (metadata.width * metadata.height > MAX_IMAGE_PIXELS) {
    return { ok: false, message: TOO_MANY_PIXELS }
  }
  try {
    // Decoding it whole finds a truncated or corrupt file whose headers look right.
    await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' })
      .resize(32)
      .toBuffer()
  } catch {
    return { ok: false, message: NOT_AN_IMAGE }
  }
  const turned = (metadata.orientation ?? 1) >= 5
  return {
    ok: true,
    image: {
      data: bytes,
      size: bytes.length,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      fileName,
      contentType,
      width: turned ? metadata.height : metadata.width,
      height: turned ? metadata.width : metadata.height,
    },
  }
}

const checked = new WeakMap<Blob, Promise<ImageCheck>>()

/**
 * The check of an uploaded file, made once per request: the form's schema asks it to put the
 * error beside the field, and the write asks again for the bytes it stores.
 */
export function checkUpload(file: Blob & { name?: string }): Promise<ImageCheck> {
  let check = checked.get(file)
  if (!check) {
    check = file
      .arrayBuffer()
      .then((buffer) => checkImage(Buffer.from(buffer), file.name || 'image'))
    checked.set(file, check)
  }
  return check
}

/** Stores a checked image; the caller links it (product, logo) in the same transaction. */
export async function storeImage(tx: Tx, image: CheckedImage) {
  const file = await storeFile(tx, image)
  await tx.storedFile.update({
    where: { id: file.id },
    data: { width: image.width, height: image.height },
  })
  return file
}

/**
 * Deletes a stored image that nothing shows any more (its variants go with it). Called after
 * a product or the logo stopped pointing at it, in the same transaction.
 */
export async function deleteImageIfUnused(tx: Tx, fileId: string) {
  const [products, logos] = await Promise.all([
    tx.product.count({ where: { imageFileId: fileId } }),
    tx.appSettings.count({ where: { logoFileId: fileId } }),
  ])
  if (products === 0 && logos === 0) {
    await tx.storedFile.deleteMany({
      where: { id: fileId, contentType: { in: [...IMAGE_TYPES] } },
    })
  }
}

export type ImageVariantData = { data: Uint8Array; etag: string; contentType: string }

const CONTENT_TYPE_OF: Record<ImageFormat, string> = { webp: 'image/webp', png: 'image/png' }

/**
 * A resized copy of stored image `fileId`: read from the database, or made now and kept there.
 * Null when the file is gone or is not an image we accept (an import's CSV, say).
 */
export async function imageVariant(
  fileId: string,
  width: ImageWidth,
  format: ImageFormat,
): Promise<ImageVariantData | null> {
  const contentType = CONTENT_TYPE_OF[format]
  const kept = await prisma.imageVariant.findUnique({
    where: { fileId_width_format: { fileId, width, format } },
    select: { data: true, etag: true },
  })
  if (kept) return { ...kept, contentType }
  const file = await prisma.storedFile.findUnique({
    where: { id: fileId },
    select: { data: true, contentType: true },
  })
  if (!file || !(IMAGE_TYPES as readonly string[]).includes(file.contentType)) return null
  const resized = sharp(Buffer.from(file.data), { limitInputPixels: MAX_IMAGE_PIXELS })
    .rotate()
    .resize({ width, withoutEnlargement: true })
  const data =
    format === 'webp'
      ? await resized.webp({ quality: 80 }).toBuffer()
      : await resized.png({ compressionLevel: 9, palette: true }).toBuffer()
  const etag = `"${crypto.createHash('sha256').update(data).digest('hex').slice(0, 32)}"`
  try {
    await prisma.imageVariant.create({
      data: { fileId, width, format, data: new Uint8Array(data), etag },
    })
  } catch (error) {
    // Another request (or instance) made the same variant first: theirs is the same picture.
    // A file deleted meanwhile fails its foreign key; this answer is still right once.
    if (!isUniqueViolation(error)) console.warn(`Image variant not kept: ${String(error)}`)
  }
  return { data: new Uint8Array(data), etag, contentType }
}
