import type { LoaderFunctionArgs } from '@remix-run/node'
import { brandStylesheet } from '~/domain/company/company-form'
import { getBranding } from '~/domain/company/company.server'

/**
 * The company's colour as the theme's brand variables (app/tailwind.css), linked by the root
 * layout as /resources/brand.css?v=<colour>: a new colour is a new URL, so it may be cached for
 * good. Public: the login page shows the colour too.
 */
export async function loader(_: LoaderFunctionArgs) {
  const { brandColor } = await getBranding()
  return new Response(brandStylesheet(brandColor), {
    headers: {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  })
}
