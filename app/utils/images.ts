/**
 * Product photos and the company logo as pages and emails ask for them (shared with the
 * browser). Every variant URL names the stored file, and a new upload is a new file, so a URL
 * never changes meaning and may be cached for a year (/images/<fileId>/<width>.<format>).
 * Nothing here may import zod or a form library: the storefront's pages load this module, and
 * its weight would land in their JavaScript (the upload field is in image-upload-field.ts).
 */

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
