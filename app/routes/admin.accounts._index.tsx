import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { Pagination } from '~/components/pagination'
import { EmptyState } from '~/components/ui/empty-state'
import { Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import {
  accountFilterOptions,
  listAccounts,
  parseAccountFilters,
} from '~/domain/accounts/portfolio.server'
import { formatCnpj } from '~/domain/accounts/cnpj'
import { requireUser } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = () => [{ title: 'Clientes · Reativa' }]

const STATUSES = ['ACTIVE', 'AT_RISK', 'INACTIVE', 'LOST', 'NEVER_ORDERED'] as const
const SORTS = ['name', 'lastOrder', 'overdue', 'status', 'city'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ['MANAGER', 'ADMIN'] })
  const filters = parseAccountFilters(new URL(request.url).searchParams)
  const [result, options] = await Promise.all([listAccounts(filters), accountFilterOptions()])
  return json({ ...result, filters, options, now: new Date().toISOString() })
}

const selectClass = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm'

export default function AccountsPage() {
  const { accounts, total, page, pageCount, filters, options, now } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const location = useLocation()
  const overdueDays = (expected: string | null) => {
    if (!expected) return null
    const days = Math.floor((new Date(now).getTime() - new Date(expected).getTime()) / 86_400_000)
    return days > 0 ? days : null
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('accounts.title')}</h1>
        <a
          href={`/admin/accounts.csv${location.search}`}
          className="text-sm text-brand-700 underline"
          download
        >
          {t('common.exportCsv')}
        </a>
      </div>
      <Form
        method="get"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        aria-label={t('accounts.filters')}
      >
        <fieldset className="flex flex-wrap gap-3">
          <legend className="mb-1 text-sm font-medium">{t('accounts.status')}</legend>
          {STATUSES.map((status) => (
            <label key={status} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                name="status"
                value={status}
                defaultChecked={filters.status.includes(status)}
              />
              {t(`status.${status}`)}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm">
            {t('accounts.search')}
            <input name="q" defaultValue={filters.q ?? ''} className={selectClass} />
          </label>
          <label className="flex flex-col text-sm">
            {t('accounts.minDays')}
            <input
              name="minDays"
              type="number"
              min={0}
              defaultValue={filters.minDays ?? ''}
              className={`${selectClass} w-24`}
            />
          </label>
          <label className="flex flex-col text-sm">
            {t('accounts.maxDays')}
            <input
              name="maxDays"
              type="number"
              min={0}
              defaultValue={filters.maxDays ?? ''}
              className={`${selectClass} w-24`}
            />
          </label>
          <label className="flex flex-col text-sm">
            {t('accounts.state')}
            <select name="state" defaultValue={filters.state ?? ''} className={selectClass}>
              <option value="">{t('common.any')}</option>
              {options.states.map((uf) => (
                <option key={uf} value={uf}>
                  {uf}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {t('accounts.city')}
            <input name="city" defaultValue={filters.city ?? ''} className={selectClass} />
          </label>
          <label className="flex flex-col text-sm">
            {t('accounts.rep')}
            <select name="repId" defaultValue={filters.repId ?? ''} className={selectClass}>
              <option value="">{t('common.any')}</option>
              <option value="none">{t('accounts.noRep')}</option>
              {options.reps.map((rep) => (
                <option key={rep.id} value={rep.id}>
                  {rep.code} · {rep.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {t('accounts.segment')}
            <select name="segment" defaultValue={filters.segment ?? ''} className={selectClass}>
              <option value="">{t('common.any')}</option>
              {options.segments.map((segment) => (
                <option key={segment} value={segment}>
                  {segment}
                </option>
              ))}
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
                  {account.expectedNextOrderAt ? date(account.expectedNextOrderAt) : '—'}
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
