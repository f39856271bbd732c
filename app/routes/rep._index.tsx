import {
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Pagination } from '~/components/pagination'
import { EmptyState } from '~/components/ui/empty-state'
import { DataTable } from '~/components/ui/table'
import {
  GOALS,
  monthLabel,
  monthOf,
  progressPercent,
  type GoalValues,
} from '~/domain/commission/goals'
import { repGoalProgress, type GoalRow } from '~/domain/commission/goals.server'
import { repContests } from '~/domain/commission/contests.server'
import { ContestPhaseBadge, useContestPeriod, useContestRule } from '~/components/contest-parts'
import { ContestStandingTable } from '~/components/contest-standing'
import { repCommissionSummary, repOrders } from '~/domain/commission/statement.server'
import { requireRep } from '~/utils/auth.server'
import { useGoalText } from '~/components/goal-text'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.myCommission') },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRep(request)
  const page = Number(new URL(request.url).searchParams.get('page') ?? 1)
  const month = monthOf(new Date())
  const [summary, orders, goals, contests] = await Promise.all([
    repCommissionSummary(user.repId),
    repOrders(user.repId, page),
    repGoalProgress(user.repId, month),
    repContests(user.repId),
  ])
  return json({ ...summary, ...orders, goals: { month, ...goals }, contests, repId: user.repId })
}

export default function RepCommissionPage() {
  const { balances, byMonth, thisMonthCents, orders, page, pageCount, goals, contests, repId } =
    useLoaderData<typeof loader>()
  const { t, money, date } = useT()
  const cards = [
    ['rep.thisMonth', thisMonthCents, 'rep-this-month'],
    ['rep.pending', balances.PENDING, 'rep-pending'],
    ['rep.earned', balances.EARNED, 'rep-earned'],
    ['rep.paid', balances.PAID, 'rep-paid'],
  ] as const
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('rep.commissionTitle')}</h1>
        <a href="/rep/statement.csv" className="text-sm text-brand-700 underline" download>
          {t('rep.statementCsv')}
        </a>
      </div>
      <dl className="grid gap-3 sm:grid-cols-4">
        {cards.map(([label, cents, testId]) => (
          <div key={testId} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{t(label)}</dt>
            <dd className="text-xl font-bold" data-testid={testId}>
              {money(cents)}
            </dd>
          </div>
        ))}
      </dl>

      <MonthGoals {...goals} />

      {contests.length ? <MyContests contests={contests} repId={repId} /> : null}

      <section aria-labelledby="orders-heading" className="space-y-2">
        <h2 id="orders-heading" className="text-lg font-semibold">
          {t('rep.orders')}
        </h2>
        {orders.length === 0 ? (
          <EmptyState message={t('rep.noOrders')} />
        ) : (
          <DataTable
            columns={[
              { label: t('orders.number') },
              { label: t('orders.date') },
              { label: t('offers.account') },
              { label: t('orders.total'), align: 'right' },
              { label: t('rep.commission'), align: 'right' },
              { label: t('orders.status') },
            ]}
          >
            {orders.map((order) => (
              <tr key={order.id} className="border-t border-slate-200" data-testid="rep-order">
                <td className="p-2">#{order.id}</td>
                <td className="p-2">{date(order.placedAt, 'datetime')}</td>
                <td className="p-2">
                  {order.account.tradeName}
                  {order.account.reactivatedAt ? (
                    <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">
                      {t('rep.reactivated')}
                    </span>
                  ) : null}
                </td>
                <td className="p-2 text-right">{money(order.totalCents)}</td>
                <td className="p-2 text-right" data-testid="rep-order-commission">
                  {money(order.commissionCents)}
                </td>
                <td className="p-2" data-testid="rep-order-state">
                  {order.commissionState ? t(`rep.state.${order.commissionState}`) : '—'}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination page={page} pageCount={pageCount} />
      </section>

      <section aria-labelledby="months-heading" className="space-y-2">
        <h2 id="months-heading" className="text-lg font-semibold">
          {t('rep.byMonth')}
        </h2>
        {byMonth.length === 0 ? (
          <p className="text-sm text-slate-600">{t('rep.noCommission')}</p>
        ) : (
          <DataTable
            columns={[{ label: t('rep.month') }, { label: t('rep.commission'), align: 'right' }]}
          >
            {byMonth.map((row) => (
              <tr key={row.month} className="border-t border-slate-200">
                <td className="p-2">{row.month}</td>
                <td className="p-2 text-right">{money(row.cents)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  )
}

/** This month's goals and how far the rep is toward each, as text and as a bar. */
function MonthGoals({
  month,
  goals,
  actual,
}: {
  month: string
  goals: GoalValues
  actual: GoalRow['actual']
}) {
  const { t, locale } = useT()
  const goalText = useGoalText()
  const set = GOALS.filter((goal) => goals[goal] !== null)
  return (
    <section
      aria-labelledby="goals-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="goals-heading" className="text-lg font-semibold">
        {t('goals.mine', { month: monthLabel(month, locale) })}
      </h2>
      {set.length === 0 ? (
        <p className="text-sm text-slate-600">{t('goals.none')}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-3">
          {set.map((goal) => {
            const target = goals[goal]!
            const percent = progressPercent(actual[goal], target) ?? 0
            const id = `goal-${goal}`
            return (
              <li key={goal} className="space-y-1" data-testid={id}>
                <p id={id} className="text-sm text-slate-600">
                  {t(`goals.${goal}`)}
                </p>
                <p className="font-semibold">
                  {goalText.progress(goal, actual[goal], target)}{' '}
                  <span className="text-sm font-normal text-slate-600">({percent}%)</span>
                  {percent >= 100 ? (
                    <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">
                      {t('goals.reached')}
                    </span>
                  ) : null}
                </p>
                <progress
                  aria-labelledby={id}
                  max={100}
                  value={Math.min(percent, 100)}
                  className="h-2 w-full accent-brand-700"
                />
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

type RepContest = SerializeFrom<typeof loader>['contests'][number]

/** The contests the rep takes part in: the rule, their place among the others, what it pays. */
function MyContests({ contests, repId }: { contests: RepContest[]; repId: string }) {
  const { t, money } = useT()
  const period = useContestPeriod()
  const rule = useContestRule()
  return (
    <section aria-labelledby="contests-heading" className="space-y-3">
      <h2 id="contests-heading" className="text-lg font-semibold">
        {t('contests.mine')}
      </h2>
      {contests.map(({ contest, standing, mine }) => (
        <article
          key={contest.id}
          aria-labelledby={`contest-${contest.id}`}
          className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
          data-testid="rep-contest"
        >
          <div className="flex flex-wrap items-center gap-2">
            <h3 id={`contest-${contest.id}`} className="font-semibold">
              {contest.name}
            </h3>
            <ContestPhaseBadge phase={contest.phase} />
          </div>
          <p className="text-sm text-slate-700">
            {period(contest)} · {rule(contest)}
          </p>
          {mine ? (
            <p data-testid="rep-contest-mine">
              {t(contest.phase === 'CLOSED' ? 'contests.mineFinal' : 'contests.mineSoFar', {
                place: t('contests.place', { position: mine.position }),
                count: standing.length,
                amount: money(mine.totalCents),
              })}
            </p>
          ) : null}
          <ContestStandingTable rows={standing} mine={repId} />
        </article>
      ))}
    </section>
  )
}
