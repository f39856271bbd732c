import { type ContestPhase, type ContestRule, lastDayOf } from '~/domain/commission/contests'
import { BRASILIA_TIME_ZONE as CONTEST_ZONE, formatDate } from '~/utils/dates'
import { useT } from '~/utils/use-t'

/** "01/12/2026 – 31/01/2027": the period's first and last days. */
export function useContestPeriod() {
  const { locale } = useT()
  return (contest: { startsAt: string; endsAt: string }) =>
    `${formatDate(contest.startsAt, locale, CONTEST_ZONE)} – ${formatDate(lastDayOf(contest.endsAt), locale, CONTEST_ZONE)}`
}

/** The prize rule in a sentence: "R$ 50,00 por cliente reativado (…) + R$ 300,00 aos 3 primeiros". */
export function useContestRule() {
  const { t, money } = useT()
  return (rule: ContestRule) =>
    [
      rule.prizePerAccountCents > 0
        ? rule.minSilentDays !== null
          ? t('contests.rule.perAccountSilent', {
              amount: money(rule.prizePerAccountCents),
              count: rule.minSilentDays,
            })
          : t('contests.rule.perAccount', { amount: money(rule.prizePerAccountCents) })
        : null,
      rule.topCount !== null && rule.topBonusCents !== null
        ? t('contests.rule.top', { amount: money(rule.topBonusCents), count: rule.topCount })
        : null,
    ]
      .filter(Boolean)
      .join(' · ')
}

const PHASE_CLASS: Record<ContestPhase, string> = {
  SCHEDULED: 'bg-slate-100 text-slate-800',
  RUNNING: 'bg-emerald-100 text-emerald-900',
  ENDED: 'bg-amber-100 text-amber-900',
  CLOSED: 'bg-slate-200 text-slate-800',
}

export function ContestPhaseBadge({ phase }: { phase: ContestPhase }) {
  const { t } = useT()
  return (
    <span
      data-testid="contest-phase"
      className={`rounded px-2 py-0.5 text-xs font-semibold ${PHASE_CLASS[phase]}`}
    >
      {t(`contests.phase.${phase}`)}
    </span>
  )
}
