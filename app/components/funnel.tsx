import { type Funnel, type OutboxCounts, type RepFunnel } from '~/domain/campaigns/funnel'
import { DataTable } from '~/components/ui/table'
import { useT } from '~/utils/use-t'

export const FUNNEL_STEPS = [
  'sent',
  'delivered',
  'bounced',
  'clicked',
  'activated',
  'firstOrder',
  'repeatOrder',
  'reactivated',
] as const

/** The funnel as bars (share of invitations sent) with the counts beside them. */
export function FunnelBars({ funnel, testId }: { funnel: Funnel; testId?: string }) {
  const { t, money } = useT()
  const base = Math.max(1, funnel.sent)
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <dl className="space-y-1.5 text-sm">
        {FUNNEL_STEPS.map((step) => (
          <div
            key={step}
            className="grid grid-cols-[10rem_1fr_4rem] items-center gap-2"
            data-testid={`funnel-${step}`}
          >
            <dt className="text-slate-700">{t(`funnel.${step}`)}</dt>
            {/* SVG attributes, not inline styles: the CSP allows no style attributes. */}
            <svg aria-hidden className="h-3 w-full" preserveAspectRatio="none">
              <rect width="100%" height="100%" rx="3" className="fill-slate-100" />
              <rect
                width={`${Math.min(100, (funnel[step] / base) * 100)}%`}
                height="100%"
                rx="3"
                className={step === 'bounced' ? 'fill-red-400' : 'fill-brand-600'}
              />
            </svg>
            <dd className="text-right font-medium tabular-nums" data-testid="funnel-value">
              {funnel[step]}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-700">
        {t('funnel.revenue', { revenue: money(funnel.revenueCents), count: funnel.orders })}
      </p>
    </div>
  )
}

export function RepFunnelTable({ rows }: { rows: RepFunnel[] }) {
  const { t, money } = useT()
  return (
    <DataTable
      columns={[
        { label: t('accounts.rep') },
        ...FUNNEL_STEPS.map((step) => ({ label: t(`funnel.${step}`), align: 'right' as const })),
        { label: t('funnel.revenueColumn'), align: 'right' },
      ]}
    >
      {rows.map((row) => (
        <tr
          key={row.repId ?? 'none'}
          className="border-t border-slate-200"
          data-testid="rep-funnel-row"
        >
          <td className="p-2">
            {row.repCode ? `${row.repCode} · ${row.repName}` : t('accounts.noRep')}
          </td>
          {FUNNEL_STEPS.map((step) => (
            <td key={step} className="p-2 text-right tabular-nums">
              {row[step]}
            </td>
          ))}
          <td className="p-2 text-right">{money(row.revenueCents)}</td>
        </tr>
      ))}
    </DataTable>
  )
}

/** One line on where a set of emails stands in the outbox. */
export function OutboxLine({ counts, testId }: { counts: OutboxCounts; testId: string }) {
  const { t } = useT()
  return (
    <p className="text-sm text-slate-700" data-testid={testId}>
      {t('campaigns.outbox', {
        pending: counts.PENDING + counts.SENDING,
        sent: counts.SENT,
        failed: counts.FAILED,
      })}
    </p>
  )
}
