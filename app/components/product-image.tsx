import { imageSrc, imageSrcSet, type ImageWidth } from '~/utils/images'

const WIDTHS: readonly ImageWidth[] = [80, 160, 240, 320, 480, 640, 960]

/**
 * The placeholder's box and initial by size, as classes: the CSP refuses style attributes
 * (server/security.ts), so sizes cannot be written inline.
 */
const PLACEHOLDER = {
  48: { box: 'max-w-12', initial: 'text-base' },
  96: { box: 'max-w-24', initial: 'text-3xl' },
  320: { box: 'max-w-80', initial: 'text-5xl' },
} as const
export type ProductImageSize = keyof typeof PLACEHOLDER

/**
 * A product's photo in a square box, resized by the server to the widths the layout needs
 * (`sizes`), its box sized before it loads (no layout shift). Without a photo, a quiet block
 * with the family's initial; never a broken image. `priority`: the first thing the page shows
 * (loaded at once, ahead of the rest).
 */
export function ProductImage({
  fileId,
  name,
  family,
  size,
  sizes,
  priority = false,
  className = '',
}: {
  fileId: string | null
  name: string
  family: string
  /** The box's side in CSS pixels (its width and height attributes). */
  size: ProductImageSize
  /** How wide the box is on the page, for the browser's choice in `srcset`. */
  sizes: string
  priority?: boolean
  className?: string
}) {
  if (!fileId) {
    return (
      <div
        role="img"
        aria-label={name}
        className={`flex aspect-square items-center justify-center rounded-md bg-gradient-to-br from-brand-50 to-slate-100 font-semibold text-brand-700 select-none leading-none ${PLACEHOLDER[size].box} ${className}`}
        data-placeholder=""
      >
        <span aria-hidden="true" className={PLACEHOLDER[size].initial}>
          {(family.trim()[0] ?? name.trim()[0] ?? '?').toUpperCase()}
        </span>
      </div>
    )
  }
  return (
    <img
      src={imageSrc(fileId, size <= 160 ? 160 : 480)}
      srcSet={imageSrcSet(fileId, WIDTHS)}
      sizes={sizes}
      width={size}
      height={size}
      alt={name}
      loading={priority ? 'eager' : 'lazy'}
      decoding={priority ? 'auto' : 'async'}
      // React 18 knows the attribute only in lower case.
      {...{ fetchpriority: priority ? 'high' : 'auto' }}
      className={`aspect-square rounded-md bg-white object-contain ${className}`}
    />
  )
}
