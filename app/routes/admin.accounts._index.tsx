import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { Pagination } from '~/components/pagination'
import { SegmentFields, selectClass } from '~/components/segment-fields'
import { EmptyState } from '~/components/ui/empty-state'
import { Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import {
  accountFilterOptions,
  listAccounts,
  parseAccountFilters,
} from '~/domain/accounts/portfolio.server'
import { formatCnpj } from '~/domain/accounts/cnpj'
import { requireStaff } from '~/utils/auth.server'
import { daysOverdue, upcomingExpectedOrder } from '~/domain/accounts/inactivity'
import { can } from '~/utils/permissions'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.accounts') }]

const SORTS = ['name', 'lastOrder', 'overdue', 'status', 'city'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'accounts:view')
  const filters = parseAccountFilters(new URL(request.url).searchParams)
  const [result, options] = await Promise.all([listAccounts(filters), accountFilterOptions()])
  return json({
    ...result,
    filters,
    options,
    now: new Date().toISOString(),
    canCreate: can(user.role, 'accounts:edit'),
    canExport: can(user.role, 'accounts:export'),
  })
}

export default function AccountsPage() {
  const { accounts, total, page, pageCount, filters, options, now, canCreate, canExport } =
    useLoaderData<typeof loader>()
  const { t, date } = useT()
  const location = useLocation()
  const overdueDays = (expected: string | null) =>
    daysOverdue(expected ? new Date(expected) : null, new Date(now))
  const upcoming = (expected: string | null) =>
    upcomingExpectedOrder(expected ? new Date(expected) : null, new Date(now))
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('accounts.title')}</h1>
        <div className="flex items-baseline gap-4">
          {canCreate ? (
            <Link to="/admin/accounts/new" className="text-sm font-medium text-brand-700 underline">
              {t('accounts.new')}
            </Link>
          ) : null}
          {canExport ? (
            <a
              href={`/admin/accounts.csv${location.search}`}
              className="text-sm text-brand-700 underline"
              download
            >
              {t('common.exportCsv')}
            </a>
          ) : null}
        </div>
      </div>
      <Form
        method="get"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        aria-label={t('accounts.filters')}
      >
        <SegmentFields values={filters} options={options}>
          <label className="flex flex-col text-sm">
            {t('accounts.search')}
            <input name="q" defaultValue={filters.q ?? ''} className={selectClass} />
          </label>
        </SegmentFields>
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm">
            {t('accounts.contact')}
            <select name="contact" defaultValue={filters.contact ?? ''} className={selectClass}>
              <option value="">{t('common.any')}</option>
              <option value="bounced">{t('accounts.contact.bounced')}</option>
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {t('accounts.hasLogin')}
            <select name="hasLogin" defaultValue={filters.hasLogin ?? ''} className={selectClass}>
              <option value="">{t('common.any')}</option>
              <option value="yes">{t('accounts.hasLogin.yes')}</option>
              <option value="no">{t('accounts.hasLogin.no')}</option>
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {t('accounts.sort')}
            <select name="sort" defaultValue={filters.sort} className={selectClass}>
              {SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`sort.${sort}`)}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit">{t('accounts.apply')}</Button>
          <Link to="/admin/accounts" className="py-2 text-sm underline">
            {t('accounts.clear')}
          </Link>
        </div>
      </Form>
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="accounts-total">
        {t('accounts.count', { count: total })}
      </p>
      {accounts.length === 0 ? (
        <EmptyState
          message={t('accounts.empty')}
          linkTo="/admin/accounts"
          linkLabel={t('accounts.clear')}
        />
      ) : (
        <DataTable
          columns={[
            { label: t('accounts.name') },
            { label: t('accounts.city') },
            { label: t('accounts.status') },
            { label: t('accounts.lastOrder') },
            { label: t('accounts.nextOrder') },
            { label: t('accounts.rep') },
            { label: t('accounts.logins'), align: 'right' },
          ]}
        >
          {accounts.map((account) => {
            const overdue = overdueDays(account.expectedNextOrderAt)
            const expected = upcoming(account.expectedNextOrderAt)
            return (
              <tr key={account.id} className="border-t border-slate-200" data-testid="account-row">
                <td className="p-2">
                  <Link
                    to={`/admin/accounts/${account.id}`}
                    className="font-medium text-brand-700 underline"
                  >
                    {account.tradeName}
                  </Link>
                  <span className="block text-xs text-slate-600">{formatCnpj(account.cnpj)}</span>
                </td>
                <td className="p-2">
                  {account.city} / {account.state}
                </td>
                <td className="p-2">{t(`status.${account.status}`)}</td>
                <td className="p-2">{account.lastOrderAt ? date(account.lastOrderAt) : '—'}</td>
                <td className="p-2">
                  {expected ? date(expected) : '—'}
                  {overdue ? (
                    <span className="block text-xs text-red-700">
                      {t('accounts.overdue', { days: overdue })}
                    </span>
                  ) : null}
                </td>
                <td className="p-2">{account.rep ? account.rep.code : '—'}</td>
                <td className="p-2 text-right">{account._count.users}</td>
              </tr>
            )
          })}
        </DataTable>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  )
}
