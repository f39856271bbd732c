import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ChannelFunnelTable, FunnelBars, OutboxLine, RepFunnelTable } from '~/components/funnel'
import { Pagination } from '~/components/pagination'
import { EmptyState } from '~/components/ui/empty-state'
import { DataTable } from '~/components/ui/table'
import { CampaignStateLabel } from '~/components/campaign-state'
import { listCampaigns } from '~/domain/campaigns/campaigns.server'
import { campaignFunnel } from '~/domain/campaigns/funnel.server'
import { outboxCounts } from '~/domain/campaigns/outbox.server'
import { requireStaff } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.campaigns') },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'campaigns:manage')
  const page = Number(new URL(request.url).searchParams.get('page') ?? 1) || 1
  const [list, funnel, outbox] = await Promise.all([
    listCampaigns(page),
    campaignFunnel(),
    outboxCounts(),
  ])
  return json({ ...list, funnel, outbox })
}

export default function CampaignsPage() {
  const { campaigns, total, page, pageCount, funnel, outbox } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('campaigns.title')}</h1>
        <Link
          to="/admin/campaigns/new"
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t('campaigns.new')}
        </Link>
      </div>
      <OutboxLine counts={outbox} testId="outbox-state" />
      <section aria-labelledby="funnel-heading" className="space-y-3">
        <h2 id="funnel-heading" className="text-lg font-semibold">
          {t('campaigns.overallFunnel')}
        </h2>
        <FunnelBars funnel={funnel.total} testId="overall-funnel" />
        {funnel.byRep.length ? (
          <>
            <div className="flex items-baseline justify-between">
              <h3 className="font-semibold">{t('campaigns.byRep')}</h3>
              <a
                href="/admin/campaigns/funnel.csv"
                className="text-sm text-brand-700 underline"
                download
              >
                {t('common.exportCsv')}
              </a>
            </div>
            <RepFunnelTable rows={funnel.byRep} />
            <h3 className="font-semibold">{t('campaigns.byChannel')}</h3>
            <ChannelFunnelTable rows={funnel.byChannel} />
          </>
        ) : null}
      </section>
      <section aria-labelledby="list-heading" className="space-y-3">
        <h2 id="list-heading" className="text-lg font-semibold">
          {t('campaigns.list', { count: total })}
        </h2>
        {campaigns.length === 0 ? (
          <EmptyState
            message={t('campaigns.empty')}
            linkTo="/admin/campaigns/new"
            linkLabel={t('campaigns.new')}
          />
        ) : (
          <DataTable
            columns={[
              { label: t('campaigns.name') },
              { label: t('campaigns.state') },
              { label: t('campaigns.offer') },
              { label: t('campaigns.lastRun') },
              { label: t('campaigns.invitations'), align: 'right' },
            ]}
          >
            {campaigns.map((campaign) => (
              <tr
                key={campaign.id}
                className="border-t border-slate-200"
                data-testid="campaign-row"
              >
                <td className="p-2">
                  <Link
                    to={`/admin/campaigns/${campaign.id}`}
                    className="font-medium text-brand-700 underline"
                  >
                    {campaign.name}
                  </Link>
                  <span className="block text-xs text-slate-600">{date(campaign.createdAt)}</span>
                </td>
                <td className="p-2">
                  <CampaignStateLabel campaign={campaign} />
                </td>
                <td className="p-2">
                  {campaign.offer ? (campaign.offer.code ?? campaign.offer.name) : '—'}
                </td>
                <td className="p-2">
                  {campaign.lastRunAt ? date(campaign.lastRunAt, 'datetime') : '—'}
                </td>
                <td className="p-2 text-right">{campaign._count.invitations}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination page={page} pageCount={pageCount} />
      </section>
    </div>
  )
}
