import { type AccountStatus } from '@prisma/client'
import { churnByMonth, lastMonths, reactivationRate, type Transition } from './churn'
import { statusAt, statusTimeline } from './inactivity'

const now = new Date('2026-11-23T12:00:00Z')
const at = (iso: string) => new Date(`${iso}T12:00:00Z`)

describe('churn per month', () => {
  it('divides the accounts that became inactive by those active at the start of the month', () => {
    // Four accounts: A and B buying all along; C goes inactive in October; D in November,
    // after being reactivated in October.
    const transitions: Transition[] = [
      { from: 'AT_RISK', to: 'INACTIVE', at: at('2026-10-05') },
      { from: 'LOST', to: 'ACTIVE', at: at('2026-10-10') },
      { from: 'ACTIVE', to: 'AT_RISK', at: at('2026-10-20') },
      { from: 'AT_RISK', to: 'INACTIVE', at: at('2026-11-02') },
    ]
    const result = churnByMonth({ buyingNow: 2, transitions, months: lastMonths(now, 3), now })
    expect(result).toEqual([
      { month: '2026-09', activeAtStart: 3, becameInactive: 0, reactivated: 0, churnRate: 0 },
      { month: '2026-10', activeAtStart: 3, becameInactive: 1, reactivated: 1, churnRate: 33.33 },
      { month: '2026-11', activeAtStart: 3, becameInactive: 1, reactivated: 0, churnRate: 33.33 },
    ])
  })

  it('has no rate for a month when nobody was buying', () => {
    const [only] = churnByMonth({ buyingNow: 0, transitions: [], months: lastMonths(now, 1), now })
    expect(only).toMatchObject({ activeAtStart: 0, churnRate: null })
  })

  it('matches a brute-force count over rebuilt timelines', () => {
    const accounts = [
      ['2025-06-01', '2025-07-01', '2025-08-01', '2026-02-15'],
      ['2025-11-20'],
      ['2024-12-01', '2026-09-01'],
      ['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-05', '2026-05-05'],
      [],
      ['2026-11-01'],
    ].map((dates) => dates.map(at))
    const timelines = accounts.map((orders) => statusTimeline(orders, now))
    const transitions: Transition[] = timelines.flatMap((timeline) =>
      timeline.map((period, i) => ({
        from: (timeline[i - 1]?.status ?? null) as AccountStatus | null,
        to: period.status,
        at: period.from,
      })),
    )
    const buying = (s: AccountStatus) => s === 'ACTIVE' || s === 'AT_RISK'
    const buyingNow = timelines.filter((t) => buying(statusAt(t, now))).length
    const months = lastMonths(now, 12)
    const result = churnByMonth({ buyingNow, transitions, months, now })
    months.forEach((month, i) => {
      const activeAtStart = timelines.filter((t) =>
        buying(statusAt(t, new Date(month.start.getTime() - 1))),
      ).length
      expect([month.label, result[i]!.activeAtStart]).toEqual([month.label, activeAtStart])
    })
  })

  it('gives the reactivation rate as reactivated over invited', () => {
    expect(reactivationRate(3, 12)).toBe(25)
    expect(reactivationRate(0, 0)).toBeNull()
  })
})
