import { type LoaderFunctionArgs } from '@remix-run/node'
import { monthParam } from '~/domain/commission/goals'
import { goalBoard } from '~/domain/commission/goals.server'
import { requireStaff } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv-response.server'
import { centsToDecimalText } from '~/utils/money'

/** The month's goals and what each rep achieved, as on /admin/goals, for a spreadsheet. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'goals:manage')
  const month = monthParam(new URL(request.url).searchParams.get('month'))
  const rows = await goalBoard(month)
  const money = (cents: number | null) => (cents === null ? '' : centsToDecimalText(cents))
  return csvResponse(`reativa-metas-${month}.csv`, [
    [
      'mes',
      'representante',
      'nome',
      'reativacoes',
      'meta_reativacoes',
      'clientes_positivados',
      'meta_clientes_positivados',
      'receita_online',
      'meta_receita_online',
    ],
    ...rows.map((row) => [
      month,
      row.code,
      row.name,
      row.actual.reactivations,
      row.goals.reactivations ?? '',
      row.actual.activeAccounts,
      row.goals.activeAccounts ?? '',
      money(row.actual.onlineRevenueCents),
      money(row.goals.onlineRevenueCents),
    ]),
  ])
}
