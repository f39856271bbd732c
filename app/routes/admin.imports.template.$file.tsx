import type { LoaderFunctionArgs } from '@remix-run/node'
import { IMPORT_KINDS } from '~/domain/accounts/imports/import-form'
import { importTemplate } from '~/domain/accounts/imports/templates'
import { requireStaff } from '~/utils/auth.server'

/** An example CSV for an import (/admin/imports/template/PRODUCTS.csv). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'imports:manage')
  const kind = IMPORT_KINDS.find((k) => `${k}.csv` === params.file)
  const body = kind ? importTemplate(kind) : null
  if (!kind || body === null) throw new Response('Not found', { status: 404 })
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="modelo-${kind.toLowerCase()}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
