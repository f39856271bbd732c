/**
 * Product photos and the company logo as pages and emails ask for them (shared with the
 * browser). Every variant URL names the stored file, and a new upload is a new file, so a URL
 * never changes meaning and may be cached for a year (/images/<fileId>/<width>.<format>).
 */
import { z } from 'zod'
import { formMessage } from './form-schema'

/** The widths served; any other is refused, so nobody makes the server resize at will. */
export const IMAGE_WIDTHS = [80, 160, 240, 320, 480, 640, 960] as const
export type ImageWidth = (typeof IMAGE_WIDTHS)[number]
/** WebP for pages; PNG for emails, as not every mail client shows WebP. */
export const IMAGE_FORMATS = ['webp', 'png'] as const
export type ImageFormat = (typeof IMAGE_FORMATS)[number]

/** What an upload may be: checked from its bytes on the server, from its type in the browser. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const MAX_IMAGE_MB = 5
export const MAX_IMAGE_BYTES = MAX_IMAGE_MB * 1024 * 1024
/** 40 megapixels (a 8000 × 5000 photo): more is refused before it is decoded. */
export const MAX_IMAGE_PIXELS = 40_000_000

export function imageSrc(fileId: string, width: ImageWidth, format: ImageFormat = 'webp') {
  return `/images/${encodeURIComponent(fileId)}/${width}.${format}`
}

export function imageSrcSet(fileId: string, widths: readonly ImageWidth[]) {
  return widths.map((width) => `${imageSrc(fileId, width)} ${width}w`).join(', ')
}

/** "320.webp" → { width: 320, format: 'webp' }; null for a width or format not served. */
export function parseVariant(variant: string): { width: ImageWidth; format: ImageFormat } | null {
  const match = /^(\d{2,4})\.(webp|png)$/.exec(variant)
  if (!match) return null
  const width = Number(match[1]) as ImageWidth
  if (!IMAGE_WIDTHS.includes(width)) return null
  return { width, format: match[2] as ImageFormat }
}

const isBlob = (value: unknown): value is File =>
  typeof Blob !== 'undefined' && value instanceof Blob

/**
 * An optional image file in a form. The browser checks the size and the type it claims before
 * sending; the server checks the bytes (images.server.ts `checkUpload`) with the same words.
 */
export function imageUploadField() {
  return z
    .custom<File>(isBlob, formMessage('imageForm.notImage'))
    .refine(
      (file) => file.size <= MAX_IMAGE_BYTES,
      formMessage('imageForm.tooLarge', { max: MAX_IMAGE_MB }),
    )
    .refine(
      (file) => !file.type || (IMAGE_TYPES as readonly string[]).includes(file.type),
      formMessage('imageForm.notImage'),
    )
    .optional()
}
