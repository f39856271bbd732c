import { type LoaderFunctionArgs } from '@remix-run/node'
import { campaignFunnel, funnelCsvRows } from '~/domain/campaigns/funnel.server'
import { requireStaff } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv-response.server'
import { recordIdParam } from '~/utils/route-params'

// The funnel per rep, of one campaign (?campaign=id) or of every invitation.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'campaigns:manage')
  const campaign = new URL(request.url).searchParams.get('campaign')
  const campaignId = campaign ? recordIdParam(campaign, 400) : undefined
  const funnel = await campaignFunnel(campaignId)
  return csvResponse(
    campaignId ? `reativa-funil-${campaignId}.csv` : 'reativa-funil.csv',
    funnelCsvRows(funnel),
  )
}
