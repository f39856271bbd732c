import { type LoaderFunctionArgs } from '@remix-run/node'
import { stopReasonCsvRows } from '~/domain/outreach/stop-reasons.server'
import { requireStaff } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv-response.server'

/** Every "why did you stop buying?" answer of the last 12 months, newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'dashboard:view')
  return csvResponse('reativa-motivos-de-parada.csv', await stopReasonCsvRows())
}
