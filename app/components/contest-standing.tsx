import { DataTable } from '~/components/ui/table'
import { useT } from '~/utils/use-t'

type Row = {
  repId: string
  code: string
  name: string
  position: number
  reactivations: number
  prizeCents: number
  bonusCents: number
  totalCents: number
}

/** A contest's places, what each rep reactivated and earned; the viewer's own row marked. */
export function ContestStandingTable({ rows, mine }: { rows: Row[]; mine?: string }) {
  const { t, money } = useT()
  return (
    <DataTable
      columns={[
        { label: t('contests.position'), align: 'right' },
        { label: t('contests.rep') },
        { label: t('contests.reactivations'), align: 'right' },
        { label: t('contests.prize'), align: 'right' },
        { label: t('contests.bonus'), align: 'right' },
        { label: t('contests.total'), align: 'right' },
      ]}
    >
      {rows.map((row) => (
        <tr
          key={row.repId}
          data-testid="contest-standing-row"
          aria-current={row.repId === mine ? 'true' : undefined}
          className="border-t border-slate-200 aria-[current]:bg-emerald-50 aria-[current]:font-semibold"
        >
          <td className="p-2 text-right" data-testid="contest-position">
            {t('contests.place', { position: row.position })}
          </td>
          <td className="p-2">
            {row.code} · {row.name}
            {row.repId === mine ? ` (${t('contests.you')})` : ''}
          </td>
          <td className="p-2 text-right" data-testid="contest-reactivations">
            {row.reactivations}
          </td>
          <td className="p-2 text-right">{money(row.prizeCents)}</td>
          <td className="p-2 text-right">{money(row.bonusCents)}</td>
          <td className="p-2 text-right" data-testid="contest-total">
            {money(row.totalCents)}
          </td>
        </tr>
      ))}
    </DataTable>
  )
}
