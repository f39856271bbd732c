import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { type ReactNode } from 'react'
import { Chart } from '~/components/chart'
import { FunnelBars } from '~/components/funnel'
import { Panel } from '~/components/ui/panel'
import { DataTable } from '~/components/ui/table'
import { campaignFunnel } from '~/domain/campaigns/funnel.server'
import { getDashboard, type DashboardTable } from '~/domain/dashboard/dashboard.server'
import { getOnboardingChecklist, type Checklist } from '~/domain/onboarding/checklist.server'
import {
  STOP_REASON_DIMENSIONS,
  STOP_REASONS,
  type StopReasonDimension,
} from '~/domain/outreach/stop-reason-form'
import { stopReasonTable } from '~/domain/outreach/stop-reasons.server'
import { homePathFor, requireStaff } from '~/utils/auth.server'
import { can } from '~/utils/permissions'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.dashboard') },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  // The telesales team's back office starts at its call queue.
  if (!can(user.role, 'dashboard:view')) throw redirect(homePathFor(user.role))
  const by = new URL(request.url).searchParams.get('reasonsBy')
  const [dashboard, funnel, checklist, stopReasons] = await Promise.all([
    getDashboard(),
    campaignFunnel(),
    getOnboardingChecklist(),
    stopReasonTable(
      (STOP_REASON_DIMENSIONS as readonly string[]).includes(by ?? '')
        ? (by as StopReasonDimension)
        : 'state',
    ),
  ])
  return json({ ...dashboard, funnel: funnel.total, checklist, stopReasons })
}

/** A dashboard card whose table downloads as CSV. */
function TablePanel({
  title,
  table,
  children,
}: {
  title: string
  table: DashboardTable
  children: ReactNode
}) {
  return (
    <Panel
      id={`dashboard-${table}`}
      title={title}
      action={<CsvLink href={`/admin/dashboard.csv?table=${table}`} />}
    >
      {children}
    </Panel>
  )
}

/** What a new install still lacks; each step links to where it is done. */
function OnboardingChecklist({ checklist }: { checklist: Checklist }) {
  const { t } = useT()
  const done = checklist.steps.filter((step) => step.done).length
  return (
    <Panel
      id="onboarding-heading"
      title={t('onboarding.title')}
      action={
        <span className="text-sm text-slate-600" data-testid="onboarding-progress">
          {t('onboarding.progress', { done, total: checklist.steps.length })}
        </span>
      }
    >
      <p className="text-sm text-slate-700">{t('onboarding.intro')}</p>
      <ol className="grid gap-2 sm:grid-cols-2" data-testid="onboarding">
        {checklist.steps.map(({ step, done, href }) => (
          <li key={step} data-testid={`onboarding-${step}`} data-done={done}>
            <Link
              to={href}
              className={`flex items-center gap-2 rounded-md border px-3 py-2 text-sm hover:bg-slate-50 ${done ? 'border-emerald-300 text-slate-600' : 'border-slate-300 font-medium text-slate-900'}`}
            >
              <span
                aria-hidden
                className={`flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs ${done ? 'bg-emerald-600 text-white' : 'border border-slate-400'}`}
              >
                {done ? '✓' : ''}
              </span>
              <span className={done ? 'line-through' : 'underline'}>
                {t(`onboarding.step.${step}`)}
              </span>
              <span className="sr-only">
                ({done ? t('onboarding.done') : t('onboarding.todo')})
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </Panel>
  )
}

function CsvLink({ href }: { href: string }) {
  const { t } = useT()
  return (
    <a href={href} className="text-sm text-brand-700 underline" download>
      {t('common.exportCsv')}
    </a>
  )
}

export default function DashboardPage() {
  const data = useLoaderData<typeof loader>()
  const { t, money, percent } = useT()
  const reais = (cents: number) => Math.round(cents / 100)
  return (
    <div className="space-y-6">
      {data.checklist ? <OnboardingChecklist checklist={data.checklist} /> : null}
      <div className="flex flex-wrap items-end gap-6">
        <h1 className="text-2xl font-bold">{t('dashboard.title')}</h1>
        <p className="text-slate-600">
          {t('dashboard.totalAccounts', { count: data.totalAccounts })}
        </p>
        <p className="rounded-lg bg-emerald-50 px-4 py-2 text-emerald-900">
          {t('dashboard.reactivatedThisMonth')}:{' '}
          <strong data-testid="reactivated-this-month">{data.reactivatedThisMonth}</strong>
        </p>
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <TablePanel title={t('dashboard.portfolio')} table="portfolio">
          <Chart
            type="doughnut"
            title={t('dashboard.chartOf', { title: t('dashboard.portfolio') })}
            labels={data.portfolio.map((r) => t(`status.${r.status}`))}
            series={[
              {
                label: t('dashboard.count'),
                data: data.portfolio.map((r) => r.count),
                color: '#0f766e',
              },
            ]}
          />
          <DataTable
            columns={[
              { label: t('accounts.status') },
              { label: t('dashboard.count'), align: 'right' },
              { label: t('dashboard.percent'), align: 'right' },
            ]}
          >
            {data.portfolio.map((row) => (
              <tr
                key={row.status}
                className="border-t border-slate-200"
                data-testid={`portfolio-${row.status}`}
              >
                <td className="p-2">{t(`status.${row.status}`)}</td>
                <td className="p-2 text-right" data-testid="count">
                  {row.count}
                </td>
                <td className="p-2 text-right">{percent(row.percent)}</td>
              </tr>
            ))}
          </DataTable>
        </TablePanel>
        <TablePanel title={t('dashboard.churn')} table="churn">
          <Chart
            type="line"
            title={t('dashboard.chartOf', { title: t('dashboard.churn') })}
            labels={data.churn.map((r) => r.month)}
            series={[
              {
                label: t('dashboard.churnRate'),
                data: data.churn.map((r) => r.churnRate ?? 0),
                color: '#dc2626',
              },
            ]}
          />
          <DataTable
            columns={[
              { label: t('dashboard.month') },
              { label: t('dashboard.activeAtStart'), align: 'right' },
              { label: t('dashboard.becameInactive'), align: 'right' },
              { label: t('dashboard.reactivated'), align: 'right' },
              { label: t('dashboard.churnRate'), align: 'right' },
            ]}
          >
            {data.churn.map((row) => (
              <tr key={row.month} className="border-t border-slate-200">
                <td className="p-2">{row.month}</td>
                <td className="p-2 text-right">{row.activeAtStart}</td>
                <td className="p-2 text-right">{row.becameInactive}</td>
                <td className="p-2 text-right">{row.reactivated}</td>
                <td className="p-2 text-right">
                  {row.churnRate === null ? '—' : percent(row.churnRate)}
                </td>
              </tr>
            ))}
          </DataTable>
        </TablePanel>
        <TablePanel title={t('dashboard.revenue')} table="revenue">
          <Chart
            type="bar"
            stacked
            title={t('dashboard.chartOf', { title: t('dashboard.revenue') })}
            labels={data.revenue.map((r) => r.month)}
            series={[
              {
                label: t('dashboard.online'),
                data: data.revenue.map((r) => reais(r.online)),
                color: '#0f766e',
              },
              {
                label: t('dashboard.offline'),
                data: data.revenue.map((r) => reais(r.offline)),
                color: '#94a3b8',
              },
            ]}
          />
          <DataTable
            columns={[
              { label: t('dashboard.month') },
              { label: t('dashboard.online'), align: 'right' },
              { label: t('dashboard.offline'), align: 'right' },
            ]}
          >
            {data.revenue.map((row) => (
              <tr key={row.month} className="border-t border-slate-200">
                <td className="p-2">{row.month}</td>
                <td className="p-2 text-right">{money(row.online)}</td>
                <td className="p-2 text-right">{money(row.offline)}</td>
              </tr>
            ))}
          </DataTable>
        </TablePanel>
        <TablePanel title={t('dashboard.byState')} table="states">
          <Chart
            type="bar"
            stacked
            title={t('dashboard.chartOf', { title: t('dashboard.byState') })}
            labels={data.revenueByState.map((r) => r.state)}
            series={[
              {
                label: t('dashboard.online'),
                data: data.revenueByState.map((r) => reais(r.online)),
                color: '#0f766e',
              },
              {
                label: t('dashboard.offline'),
                data: data.revenueByState.map((r) => reais(r.offline)),
                color: '#94a3b8',
              },
            ]}
          />
          <DataTable
            columns={[
              { label: t('dashboard.state') },
              { label: t('dashboard.online'), align: 'right' },
              { label: t('dashboard.offline'), align: 'right' },
            ]}
          >
            {data.revenueByState.map((row) => (
              <tr key={row.state} className="border-t border-slate-200">
                <td className="p-2">{row.state}</td>
                <td className="p-2 text-right">{money(row.online)}</td>
                <td className="p-2 text-right">{money(row.offline)}</td>
              </tr>
            ))}
          </DataTable>
        </TablePanel>
        <TablePanel title={t('dashboard.byRep')} table="reps">
          <Chart
            type="bar"
            stacked
            title={t('dashboard.chartOf', { title: t('dashboard.byRep') })}
            labels={data.revenueByRep.map((r) => r.rep)}
            series={[
              {
                label: t('dashboard.online'),
                data: data.revenueByRep.map((r) => reais(r.online)),
                color: '#0f766e',
              },
              {
                label: t('dashboard.offline'),
                data: data.revenueByRep.map((r) => reais(r.offline)),
                color: '#94a3b8',
              },
            ]}
          />
          <DataTable
            columns={[
              { label: t('dashboard.rep') },
              { label: t('dashboard.online'), align: 'right' },
              { label: t('dashboard.offline'), align: 'right' },
            ]}
          >
            {data.revenueByRep.map((row) => (
              <tr key={row.rep} className="border-t border-slate-200">
                <td className="p-2">{row.rep}</td>
                <td className="p-2 text-right">{money(row.online)}</td>
                <td className="p-2 text-right">{money(row.offline)}</td>
              </tr>
            ))}
          </DataTable>
        </TablePanel>
        <Panel
          id="dashboard-campaigns"
          title={t('dashboard.campaigns')}
          action={<CsvLink href="/admin/campaigns/funnel.csv" />}
        >
          <FunnelBars funnel={data.funnel} testId="dashboard-funnel" />
        </Panel>
        <div className="xl:col-span-2">
          <StopReasonsPanel table={data.stopReasons} />
        </div>
      </div>
    </div>
  )
}

/** Why accounts stopped buying: counts by reason, grouped by state, rep or segment. */
function StopReasonsPanel({
  table,
}: {
  table: ReturnType<typeof useLoaderData<typeof loader>>['stopReasons']
}) {
  const { t } = useT()
  return (
    <Panel
      id="dashboard-stop-reasons"
      title={t('stopReasons.title')}
      action={<CsvLink href="/admin/stop-reasons.csv" />}
    >
      <p className="text-sm text-slate-600">{t('stopReasons.intro')}</p>
      <nav aria-label={t('stopReasons.by')} className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">{t('stopReasons.by')}:</span>
        {STOP_REASON_DIMENSIONS.map((by) => (
          <Link
            key={by}
            to={`?reasonsBy=${by}#dashboard-stop-reasons`}
            preventScrollReset
            aria-current={by === table.by ? 'true' : undefined}
            className={`rounded-full border px-3 py-0.5 ${by === table.by ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 hover:bg-slate-100'}`}
          >
            {t(`stopReasons.by.${by}`)}
          </Link>
        ))}
      </nav>
      {table.totals.total === 0 ? (
        <p className="text-sm text-slate-600">{t('stopReasons.none')}</p>
      ) : (
        <>
          <Chart
            type="bar"
            title={t('dashboard.chartOf', { title: t('stopReasons.title') })}
            labels={STOP_REASONS.map((reason) => t(`outreach.reason.${reason}`))}
            wholeNumbers
            series={[
              {
                label: t('stopReasons.total'),
                data: STOP_REASONS.map((reason) => table.totals.counts[reason]),
                color: '#b45309',
              },
            ]}
          />
          <div className="overflow-x-auto">
            <DataTable
              columns={[
                { label: t(`stopReasons.by.${table.by}`) },
                ...STOP_REASONS.map((reason) => ({
                  label: t(`outreach.reason.${reason}`),
                  align: 'right' as const,
                })),
                { label: t('stopReasons.total'), align: 'right' as const },
              ]}
            >
              {table.rows.map((row) => (
                <tr
                  key={row.group ?? ''}
                  className="border-t border-slate-200"
                  data-testid="stop-reason-row"
                >
                  <td className="p-2">{row.group ?? t('stopReasons.noGroup')}</td>
                  {STOP_REASONS.map((reason) => (
                    <td key={reason} className="p-2 text-right" data-reason={reason}>
                      {row.counts[reason]}
                    </td>
                  ))}
                  <td className="p-2 text-right font-semibold">{row.total}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        </>
      )}
    </Panel>
  )
}
