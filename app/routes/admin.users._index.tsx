import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useFormMessage } from '~/components/forms'
import { Pagination } from '~/components/pagination'
import { selectClass } from '~/components/segment-fields'
import { EmptyState } from '~/components/ui/empty-state'
import { Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import { STAFF_ROLES } from '~/domain/identity/staff-forms'
import { listStaff, parseStaffFilters } from '~/domain/identity/staff.server'
import { requireStaff } from '~/utils/auth.server'
import { formMessage } from '~/utils/form-schema'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.people') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'users:manage')
  const filters = parseStaffFilters(new URL(request.url).searchParams)
  return json({ ...(await listStaff(filters)), filters, me: user.id })
}

export default function UsersPage() {
  const { users, total, page, pageCount, filters, me } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const message = useFormMessage()
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('users.title')}</h1>
        <Link
          to="/admin/users/new"
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t('users.new')}
        </Link>
      </div>
      <p className="text-sm text-slate-600">{t('users.intro')}</p>
      <Form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
        aria-label={t('users.filters')}
      >
        <label className="flex flex-col text-sm">
          {t('users.search')}
          <input
            type="search"
            name="q"
            defaultValue={filters.q ?? ''}
            maxLength={100}
            className={selectClass}
          />
        </label>
        <label className="flex flex-col text-sm">
          {t('users.role')}
          <select name="role" defaultValue={filters.role ?? ''} className={selectClass}>
            <option value="">{t('users.anyRole')}</option>
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`users.roleName.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t('users.status')}
          <select name="status" defaultValue={filters.status ?? ''} className={selectClass}>
            <option value="">{t('users.anyStatus')}</option>
            <option value="active">{t('users.status.active')}</option>
            <option value="inactive">{t('users.status.inactive')}</option>
          </select>
        </label>
        <Button type="submit">{t('users.apply')}</Button>
        <Link to="/admin/users" className="py-2 text-sm underline">
          {t('users.clear')}
        </Link>
      </Form>
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="users-total">
        {message(formMessage('users.count', { count: total }))}
      </p>
      {users.length === 0 ? (
        <EmptyState message={t('users.empty')} linkTo="/admin/users" linkLabel={t('users.clear')} />
      ) : (
        <DataTable
          columns={[
            { label: t('users.name') },
            { label: t('users.role') },
            { label: t('users.repCode') },
            { label: t('users.status') },
            { label: t('users.lastLogin') },
          ]}
        >
          {users.map((user) => (
            <tr key={user.id} className="border-t border-slate-200" data-testid="user-row">
              <td className="p-2">
                <Link
                  to={`/admin/users/${user.id}`}
                  className="font-medium text-brand-700 underline"
                >
                  {user.name}
                </Link>
                {user.id === me ? (
                  <span className="text-xs text-slate-600"> ({t('users.you')})</span>
                ) : null}
                <span className="block text-xs text-slate-600">{user.email}</span>
              </td>
              <td className="p-2">{t(`users.roleName.${user.role}`)}</td>
              <td className="p-2 font-mono">{user.repCode ?? '—'}</td>
              <td className="p-2">
                {user.active ? (
                  t('users.status.active')
                ) : (
                  <span className="font-semibold text-red-700">{t('users.status.inactive')}</span>
                )}
              </td>
              <td className="p-2">
                {user.lastLoginAt
                  ? date(user.lastLoginAt, 'datetime')
                  : user.hasPassword
                    ? t('users.never')
                    : t('users.passwordPending')}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  )
}
