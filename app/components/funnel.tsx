import {
  type ChannelFunnel,
  type Funnel,
  type OutboxCounts,
  type RepFunnel,
} from '~/domain/campaigns/funnel'
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

/** Funnels side by side, one row each, named in the first column. */
function FunnelTable({
  heading,
  rows,
  testId,
}: {
  heading: string
  rows: { key: string; label: string; funnel: Funnel }[]
  testId: string
}) {
  const { t, money } = useT()
  return (
    <DataTable
      columns={[
        { label: heading },
        ...FUNNEL_STEPS.map((step) => ({ label: t(`funnel.${step}`), align: 'right' as const })),
        { label: t('funnel.revenueColumn'), align: 'right' },
      ]}
    >
      {rows.map(({ key, label, funnel }) => (
        <tr key={key} className="border-t border-slate-200" data-testid={testId} data-key={key}>
          <td className="p-2">{label}</td>
          {FUNNEL_STEPS.map((step) => (
            <td key={step} className="p-2 text-right tabular-nums" data-step={step}>
              {funnel[step]}
            </td>
          ))}
          <td className="p-2 text-right">{money(funnel.revenueCents)}</td>
        </tr>
      ))}
    </DataTable>
  )
}

export function RepFunnelTable({ rows }: { rows: RepFunnel[] }) {
  const { t } = useT()
  return (
    <FunnelTable
      heading={t('accounts.rep')}
      testId="rep-funnel-row"
      rows={rows.map((row) => ({
        key: row.repId ?? 'none',
        label: row.repCode ? `${row.repCode} · ${row.repName}` : t('accounts.noRep'),
        funnel: row,
      }))}
    />
  )
}

/** The funnel of each channel invitations went by: email, or WhatsApp's click-to-chat. */
export function ChannelFunnelTable({ rows }: { rows: ChannelFunnel[] }) {
  const { t } = useT()
  return (
    <FunnelTable
      heading={t('funnel.channel')}
      testId="channel-funnel-row"
      rows={rows.map((row) => ({
        key: row.channel,
        label: t(`contactChannel.${row.channel}`),
        funnel: row,
      }))}
    />
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
