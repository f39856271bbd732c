import type { LoaderFunctionArgs } from '@remix-run/node'
import { IMPORT_KINDS } from '~/domain/imports/import-form'
import { importTemplate } from '~/domain/imports/templates'
import { importTemplateXlsx } from '~/domain/imports/templates.server'
import { requireStaff } from '~/utils/auth.server'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** An example file for an import, CSV or Excel (/admin/imports/template/PRODUCTS.xlsx). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'imports:manage')
  const match = /^([A-Z_]+)\.(csv|xlsx)$/.exec(params.file ?? '')
  const kind = IMPORT_KINDS.find((k) => k === match?.[1])
  const format = match?.[2]
  const body = !kind
    ? null
    : format === 'xlsx'
      ? await importTemplateXlsx(kind)
      : importTemplate(kind)
  if (!kind || body === null) throw new Response('Not found', { status: 404 })
  return new Response(body, {
    headers: {
      'Content-Type': format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="modelo-${kind.toLowerCase()}.${format}"`,
      'Cache-Control': 'no-store',
    },
  })
}
