import { type LoaderFunctionArgs } from '@remix-run/node'
import {
  DASHBOARD_TABLES,
  dashboardTableRows,
  getDashboard,
} from '~/domain/dashboard/dashboard.server'
import type { DashboardTable } from '~/domain/dashboard/dashboard.server'
import { requireStaff } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv-response.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'dashboard:view')
  const table = new URL(request.url).searchParams.get('table')
  if (!DASHBOARD_TABLES.includes(table as DashboardTable))
    throw new Response('Unknown table', { status: 400 })
  const rows = dashboardTableRows(await getDashboard(), table as DashboardTable)
  return csvResponse(`reativa-${table}.csv`, rows)
}
