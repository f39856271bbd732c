import { useT } from '~/utils/use-t'

type CampaignLike = {
  schedule: 'NOW' | 'ONCE' | 'FORTNIGHTLY' | 'MONTHLY'
  nextRunAt: string | null
  runs: number
  cancelledAt: string | null
}

/** Where a campaign stands: scheduled, recurring (with its next run), sent or cancelled. */
export function CampaignStateLabel({ campaign }: { campaign: CampaignLike }) {
  const { t, date } = useT()
  if (campaign.cancelledAt) return <span>{t('campaigns.state.cancelled')}</span>
  const recurring = campaign.schedule === 'FORTNIGHTLY' || campaign.schedule === 'MONTHLY'
  const next = campaign.nextRunAt ? date(campaign.nextRunAt, 'datetime') : null
  return (
    <span data-testid="campaign-state">
      {recurring
        ? t(`campaigns.state.${campaign.schedule}`, { next: next ?? '—' })
        : campaign.runs === 0
          ? t('campaigns.state.scheduled', { next: next ?? '—' })
          : t('campaigns.state.sent')}
    </span>
  )
}
