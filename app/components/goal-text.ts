import { type Goal } from '~/domain/commission/goals'
import { useT } from '~/utils/use-t'

/** A goal's figures as the back office and the rep area write them: money or a count, "x de y". */
export function useGoalText() {
  const { t, money } = useT()
  const value = (goal: Goal, amount: number) =>
    goal === 'onlineRevenueCents' ? money(amount) : String(amount)
  return {
    value,
    progress: (goal: Goal, actual: number, target: number) =>
      t('goals.progress', { actual: value(goal, actual), goal: value(goal, target) }),
  }
}
