import type { OfferState } from '~/domain/promotions/offer-state'
import { useT } from '~/utils/use-t'

export function OfferStateBadge({ state }: { state: OfferState }) {
  const { t } = useT()
  const tones: Record<OfferState, string> = {
    active: 'bg-emerald-100 text-emerald-900',
    scheduled: 'bg-sky-100 text-sky-900',
    paused: 'bg-amber-100 text-amber-900',
    ended: 'bg-slate-200 text-slate-800',
  }
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${tones[state]}`}>
      {t(`offers.state.${state}`)}
    </span>
  )
}
