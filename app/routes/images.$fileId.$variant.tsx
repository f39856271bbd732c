import type { LoaderFunctionArgs } from '@remix-run/node'
import { imageAudience } from '~/domain/catalog/images.server'
import { can } from '~/utils/permissions'
import { getUser } from '~/utils/auth.server'
import { parseVariant } from '~/utils/images'
import { imageVariant } from '~/utils/images.server'

// Never cached: a photo hidden today (inactive product) may be shown tomorrow, and a shared
// cache must not keep the 404 an anonymous visitor got for one that staff may see.
const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } })

/**
 * /images/<fileId>/<width>.<webp|png>: a product photo or the logo, resized to one of the
 * widths pages ask for. A new upload is a new file id, so the answer never changes and may be
 * cached for a year; the ETag answers a revalidation with 304.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const variant = parseVariant(params.variant ?? '')
  const fileId = params.fileId ?? ''
  if (!variant || !/^[a-z0-9]{1,40}$/i.test(fileId)) throw notFound()
  const audience = await imageAudience(fileId)
  if (!audience) throw notFound()
  if (audience === 'catalog-staff') {
    const user = await getUser(request)
    if (!user || !can(user.role, 'catalog:manage')) throw notFound()
  }
  const image = await imageVariant(fileId, variant.width, variant.format)
  if (!image) throw notFound()
  const headers = {
    'Cache-Control':
      audience === 'public'
        ? 'public, max-age=31536000, immutable'
        : 'private, max-age=300, must-revalidate',
    ETag: image.etag,
    'Content-Type': image.contentType,
    'X-Content-Type-Options': 'nosniff',
  }
  const match = request.headers.get('If-None-Match')
  if (match && match.split(/\s*,\s*/).includes(image.etag)) {
    return new Response(null, { status: 304, headers })
  }
  return new Response(image.data as Uint8Array<ArrayBuffer>, {
    headers: { ...headers, 'Content-Length': String(image.data.byteLength) },
  })
}
