import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignStateLabel } from '~/components/campaign-state'
import { FunnelBars, OutboxLine, RepFunnelTable } from '~/components/funnel'
import { Pagination } from '~/components/pagination'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import { cancelCampaign, getCampaign, retryFailed } from '~/domain/campaigns/campaigns.server'
import { invitationStep } from '~/domain/campaigns/funnel'
import { outboxCounts } from '~/domain/campaigns/outbox.server'
import { campaignFunnel } from '~/domain/campaigns/funnel.server'
import { requireStaff } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.campaign') }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'campaigns:manage')
  const page = Number(new URL(request.url).searchParams.get('page') ?? 1) || 1
  const detail = await getCampaign(params.campaignId ?? '', page)
  if (!detail) throw new Response('Not found', { status: 404 })
  const [funnel, outbox] = await Promise.all([
    campaignFunnel(detail.campaign.id),
    outboxCounts(detail.campaign.id),
  ])
  return json({ ...detail, funnel, outbox })
}

type ActionResult =
  | { intent: 'cancel'; ok: boolean; dropped: number }
  | { intent: 'retry'; ok: boolean; requeued: number }

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'campaigns:manage')
  const campaignId = params.campaignId ?? ''
  const intent = (await request.formData()).get('intent')
  if (intent === 'retry') {
    const requeued = await retryFailed(user.id, campaignId)
    return json<ActionResult>({ intent: 'retry', ok: requeued > 0, requeued })
  }
  if (intent !== 'cancel') return json({ error: 'Unknown action' }, { status: 400 })
  const result = await cancelCampaign(user.id, campaignId)
  return json<ActionResult>(
    { intent: 'cancel', ok: result.ok, dropped: result.ok ? result.dropped : 0 },
    { status: result.ok ? 200 : 409 },
  )
}

export default function CampaignPage() {
  const { campaign, filters, invitations, total, page, pageCount, funnel, outbox } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { t, date } = useT()
  const created = searchParams.get('created')
  const canCancel = !campaign.cancelledAt && campaign.nextRunAt
  return (
    <div className="space-y-6">
      <Link to="/admin/campaigns" className="text-sm text-brand-700 underline">
        {t('campaigns.back')}
      </Link>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{campaign.name}</h1>
        <CampaignStateLabel campaign={campaign} />
      </div>
      {created ? (
        <Alert tone="success">
          {created === 'scheduled'
            ? t('campaigns.created.scheduled')
            : t('campaigns.created.queued', { count: Number(created) || 0 })}
        </Alert>
      ) : null}
      {actionData && 'intent' in actionData ? (
        <Alert tone={actionData.ok ? 'success' : 'error'}>
          {actionData.intent === 'retry'
            ? actionData.ok
              ? t('campaigns.requeued', { count: actionData.requeued })
              : t('campaigns.nothingToRetry')
            : actionData.ok
              ? t('campaigns.cancelled', { count: actionData.dropped })
              : t('campaigns.cannotCancel')}
        </Alert>
      ) : null}
      <dl className="grid max-w-3xl grid-cols-[12rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t('campaignForm.subject')}</dt>
        <dd>{campaign.subject}</dd>
        <dt className="text-slate-600">{t('campaigns.offer')}</dt>
        <dd>{campaign.offer ? (campaign.offer.code ?? campaign.offer.name) : '—'}</dd>
        <dt className="text-slate-600">{t('campaignForm.segment')}</dt>
        <dd data-testid="campaign-segment">
          {filters
            ? [
                filters.status.map((status) => t(`status.${status}`)).join(', '),
                filters.state,
                filters.city,
                filters.segment,
                filters.minDays !== undefined ? `≥ ${filters.minDays} d` : null,
                filters.maxDays !== undefined ? `≤ ${filters.maxDays} d` : null,
                filters.family.length
                  ? t('campaigns.families', { count: filters.family.length })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ') || t('campaigns.everyone')
            : '—'}
        </dd>
        <dt className="text-slate-600">{t('campaigns.runs')}</dt>
        <dd>
          {campaign.runs}
          {campaign.lastRunAt ? ` · ${date(campaign.lastRunAt, 'datetime')}` : ''}
        </dd>
      </dl>
      <OutboxLine counts={outbox} testId="campaign-outbox" />
      <div className="flex flex-wrap gap-3">
        {outbox.FAILED > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="retry" />
            <Button type="submit" variant="secondary">
              {t('campaigns.retryFailed', { count: outbox.FAILED })}
            </Button>
          </Form>
        ) : null}
        {canCancel ? (
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <Button type="submit" variant="danger">
              {t('campaigns.cancel')}
            </Button>
          </Form>
        ) : null}
      </div>
      <section aria-labelledby="funnel-heading" className="space-y-3">
        <h2 id="funnel-heading" className="text-lg font-semibold">
          {t('campaigns.funnel')}
        </h2>
        <FunnelBars funnel={funnel.total} testId="campaign-funnel" />
        {funnel.byRep.length ? (
          <>
            <a
              href={`/admin/campaigns/funnel.csv?campaign=${campaign.id}`}
              className="text-sm text-brand-700 underline"
              download
            >
              {t('common.exportCsv')}
            </a>
            <RepFunnelTable rows={funnel.byRep} />
          </>
        ) : null}
      </section>
      <section aria-labelledby="invitations-heading" className="space-y-3">
        <h2 id="invitations-heading" className="text-lg font-semibold">
          {t('campaigns.invitationList', { count: total })}
        </h2>
        {invitations.length ? (
          <DataTable
            columns={[
              { label: t('accounts.name') },
              { label: t('account.email') },
              { label: t('campaigns.run') },
              { label: t('campaigns.step') },
            ]}
          >
            {invitations.map((invitation) => (
              <tr
                key={invitation.id}
                className="border-t border-slate-200"
                data-testid="invitation-row"
              >
                <td className="p-2">
                  <Link
                    to={`/admin/accounts/${invitation.account.id}`}
                    className="text-brand-700 underline"
                  >
                    {invitation.account.tradeName}
                  </Link>
                  <span className="block text-xs text-slate-600">
                    {t(`status.${invitation.account.status}`)}
                  </span>
                </td>
                <td className="p-2">{invitation.email}</td>
                <td className="p-2">{invitation.run}</td>
                <td className="p-2">
                  {t(`invitationStep.${invitationStep(invitation)}`)}
                  {/* Cleared once sent: what is left says why it is waiting or failed. */}
                  {invitation.outbox?.lastError ? (
                    <span className="block text-xs text-slate-600">
                      {invitation.outbox.lastError}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="text-sm text-slate-600">{t('campaigns.noInvitationsYet')}</p>
        )}
        <Pagination page={page} pageCount={pageCount} />
      </section>
    </div>
  )
}
