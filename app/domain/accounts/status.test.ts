import { isReactivation, statusFromLastOrder } from './status'

const now = new Date('2026-11-23T12:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)

describe('status from the last order', () => {
  it.each([
    [null, 'NEVER_ORDERED'],
    [0, 'ACTIVE'],
    [90, 'ACTIVE'],
    [91, 'AT_RISK'],
    [180, 'AT_RISK'],
    [181, 'INACTIVE'],
    [365, 'INACTIVE'],
    [366, 'LOST'],
  ] as const)('%s days since the last order is %s', (days, expected) => {
    expect(statusFromLastOrder(days === null ? null : daysAgo(days), now)).toBe(expected)
  })

  it('uses the thresholds it is given', () => {
    const thresholds = { atRiskDays: 30, inactiveDays: 60, lostDays: 120 }
    expect(statusFromLastOrder(daysAgo(45), now, thresholds)).toBe('AT_RISK')
    expect(statusFromLastOrder(daysAgo(61), now, thresholds)).toBe('INACTIVE')
  })

  it('treats only inactive and lost accounts as reactivated when they order', () => {
    expect(isReactivation('INACTIVE')).toBe(true)
    expect(isReactivation('LOST')).toBe(true)
    expect(isReactivation('AT_RISK')).toBe(false)
    expect(isReactivation('NEVER_ORDERED')).toBe(false)
  })
})
