import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { ContestPhaseBadge, useContestPeriod, useContestRule } from '~/components/contest-parts'
import { Pagination } from '~/components/pagination'
import { EmptyState } from '~/components/ui/empty-state'
import { Alert } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import { listContests } from '~/domain/commission/contests.server'
import { requireStaff } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.contests') }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'contests:manage')
  const page = Number(new URL(request.url).searchParams.get('page') ?? 1)
  return json(await listContests(page))
}

export default function ContestsPage() {
  const { contests, total, page, pageCount } = useLoaderData<typeof loader>()
  const { t } = useT()
  const period = useContestPeriod()
  const rule = useContestRule()
  const [searchParams] = useSearchParams()
  return (
    <div className="max-w-6xl space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('contests.title')}</h1>
        <Link
          to="/admin/contests/new"
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t('contests.new')}
        </Link>
      </div>
      <p className="max-w-3xl text-sm text-slate-700">{t('contests.intro')}</p>
      {searchParams.get('deleted') ? <Alert tone="success">{t('contests.deleted')}</Alert> : null}
      {contests.length === 0 ? (
        <EmptyState
          message={t('contests.empty')}
          linkTo="/admin/contests/new"
          linkLabel={t('contests.new')}
        />
      ) : (
        <>
          <p className="text-sm text-slate-600">{t('contests.count', { count: total })}</p>
          <DataTable
            columns={[
              { label: t('contests.form.name') },
              { label: t('contests.period') },
              { label: t('contests.rule') },
              { label: t('contests.reps'), align: 'right' },
              { label: t('contests.status') },
            ]}
          >
            {contests.map((contest) => (
              <tr key={contest.id} className="border-t border-slate-200" data-testid="contest-row">
                <td className="p-2">
                  <Link
                    to={`/admin/contests/${contest.id}`}
                    className="font-medium text-brand-700 underline"
                  >
                    {contest.name}
                  </Link>
                </td>
                <td className="p-2 whitespace-nowrap">{period(contest)}</td>
                <td className="p-2">{rule(contest)}</td>
                <td className="p-2 text-right">{contest.reps}</td>
                <td className="p-2">
                  <ContestPhaseBadge phase={contest.phase} />
                </td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}
    </div>
  )
}
