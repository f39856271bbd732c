import { type LoaderFunctionArgs } from '@remix-run/node'
import { campaignFunnel, funnelCsvRows } from '~/domain/campaigns/funnel.server'
import { requireStaff } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv-response.server'

// The funnel per rep, of one campaign (?campaign=id) or of every invitation.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'campaigns:manage')
  const campaignId = new URL(request.url).searchParams.get('campaign')?.slice(0, 40) || undefined
  const funnel = await campaignFunnel(campaignId)
  return csvResponse(
    campaignId ? `reativa-funil-${campaignId}.csv` : 'reativa-funil.csv',
    funnelCsvRows(funnel),
  )
}
