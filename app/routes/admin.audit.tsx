import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Pagination } from '~/components/pagination'
import { DataTable } from '~/components/ui/table'
import { listAuditLog } from '~/domain/audit/audit.server'
import { requireStaff } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.audit') }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'audit:view')
  const page = Number(new URL(request.url).searchParams.get('page') ?? '1') || 1
  return json(await listAuditLog(page))
}

export default function AuditPage() {
  const { entries, page, pageCount } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('audit.title')}</h1>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t('audit.empty')}</p>
      ) : (
        <DataTable
          columns={[
            { label: t('audit.when') },
            { label: t('audit.who') },
            { label: t('audit.action') },
            { label: t('audit.entity') },
            { label: t('audit.changes') },
          ]}
        >
          {entries.map((entry) => (
            <tr
              key={entry.id}
              className="border-t border-slate-200 align-top"
              data-testid="audit-row"
            >
              <td className="p-2 whitespace-nowrap">{date(entry.createdAt, 'datetime')}</td>
              <td className="p-2">
                {entry.actor ?? '—'}
                {entry.onBehalfOf ? (
                  <span className="block text-xs text-slate-600">
                    {t('audit.onBehalf', { name: entry.onBehalfOf })}
                  </span>
                ) : null}
              </td>
              <td className="p-2 font-mono text-xs">{entry.action}</td>
              <td className="p-2 text-xs">
                {entry.entity} {entry.entityId}
              </td>
              <td className="p-2">
                <code className="text-xs break-all">{entry.changes}</code>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  )
}
