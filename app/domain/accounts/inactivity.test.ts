import {
  classifyAccount,
  daysOverdue,
  orderedRecently,
  statusAt,
  statusTimeline,
  upcomingExpectedOrder,
} from './inactivity'

const DAY = 86_400_000
const now = new Date('2026-11-23T12:00:00Z')
const daysAgo = (...days: number[]) => days.map((d) => new Date(now.getTime() - d * DAY))

describe('classifying an account', () => {
  it('has never ordered without orders', () => {
    expect(classifyAccount([], now)).toMatchObject({
      status: 'NEVER_ORDERED',
      lastOrderAt: null,
      expectedNextOrderAt: null,
    })
  })

  it('follows the fixed thresholds of days since the last order', () => {
    expect(classifyAccount(daysAgo(30), now).status).toBe('ACTIVE')
    expect(classifyAccount(daysAgo(120), now).status).toBe('AT_RISK')
    expect(classifyAccount(daysAgo(200), now).status).toBe('INACTIVE')
    expect(classifyAccount(daysAgo(400), now).status).toBe('LOST')
  })

  it('puts a monthly buyer silent for 65 days at risk long before day 90', () => {
    const monthly = daysAgo(65, 95, 125, 155)
    const result = classifyAccount(monthly, now)
    expect(result.medianIntervalDays).toBe(30)
    expect(result.status).toBe('AT_RISK')
    expect(result.expectedNextOrderAt).toEqual(new Date(monthly[0]!.getTime() + 30 * DAY))
  })

  it('keeps a monthly buyer active within twice its interval', () => {
    expect(classifyAccount(daysAgo(50, 80, 110), now).status).toBe('ACTIVE')
  })

  it('needs three orders on distinct days before cadence counts', () => {
    const twoOrders = daysAgo(65, 95)
    expect(classifyAccount(twoOrders, now)).toMatchObject({
      status: 'ACTIVE',
      medianIntervalDays: null,
    })
    const sameDayTwice = [...daysAgo(65, 95), new Date(now.getTime() - 95 * DAY + 3_600_000)]
    expect(classifyAccount(sameDayTwice, now).medianIntervalDays).toBeNull()
  })

  it('takes orders from both channels in any order, ignoring future-dated ones', () => {
    const result = classifyAccount([...daysAgo(10, 200), new Date(now.getTime() + DAY)], now)
    expect(result.lastOrderAt).toEqual(daysAgo(10)[0])
    expect(result.firstOrderAt).toEqual(daysAgo(200)[0])
  })
})

describe('status timeline', () => {
  it('walks an account through risk, inactivity, loss and back', () => {
    const first = new Date('2025-01-10T10:00:00Z')
    const comeback = new Date('2026-03-01T10:00:00Z')
    const timeline = statusTimeline([first, comeback], now)
    expect(timeline.map((p) => [p.status, p.from.toISOString().slice(0, 10)])).toEqual([
      ['ACTIVE', '2025-01-10'],
      ['AT_RISK', '2025-04-11'],
      ['INACTIVE', '2025-07-10'],
      ['LOST', '2026-01-11'],
      ['ACTIVE', '2026-03-01'],
      ['AT_RISK', '2026-05-31'],
      ['INACTIVE', '2026-08-29'],
    ])
  })

  it('agrees with classifyAccount on every day, cadence included', () => {
    const orders = daysAgo(300, 270, 240, 210, 150, 20)
    const timeline = statusTimeline(orders, now)
    for (let d = 320; d >= 0; d -= 1) {
      const date = new Date(now.getTime() - d * DAY + 7 * 3_600_000)
      const past = orders.filter((o) => o <= date)
      expect([d, statusAt(timeline, date)]).toEqual([d, classifyAccount(past, date).status])
    }
  })
})

describe('next review', () => {
  it('is the next step of the timeline: cadence risk, then the thresholds, then nothing', async () => {
    const { nextStatusChangeAt } = await import('./inactivity')
    const monthly = daysAgo(10, 40, 70)
    expect(nextStatusChangeAt(monthly, now)).toEqual(new Date(monthly[0]!.getTime() + 60 * DAY + 1))
    const single = daysAgo(100)
    expect(nextStatusChangeAt(single, now)).toEqual(new Date(single[0]!.getTime() + 181 * DAY))
    expect(nextStatusChangeAt(daysAgo(400), now)).toBeNull()
    expect(nextStatusChangeAt([], now)).toBeNull()
  })
})

describe('days overdue', () => {
  it('counts whole days past the expected next order, and nothing before it or without one', () => {
    expect(daysOverdue(new Date(now.getTime() - 3.5 * DAY), now)).toBe(3)
    expect(daysOverdue(new Date(now.getTime() - 0.5 * DAY), now)).toBeNull()
    expect(daysOverdue(new Date(now.getTime() + 2 * DAY), now)).toBeNull()
    expect(daysOverdue(null, now)).toBeNull()
  })
})

describe('the expected next order shown', () => {
  it('is shown only while it is in the future', () => {
    const ahead = new Date(now.getTime() + 1)
    expect(upcomingExpectedOrder(ahead, now)).toEqual(ahead)
    expect(upcomingExpectedOrder(now, now)).toBeNull()
    expect(upcomingExpectedOrder(new Date(now.getTime() - 400 * DAY), now)).toBeNull()
    expect(upcomingExpectedOrder(null, now)).toBeNull()
  })

  it('is never in the past for a lost account with a cadence', () => {
    // Monthly orders that stopped 400 days ago: the cadence puts the next one a year back.
    const lost = classifyAccount(daysAgo(460, 430, 400), now)
    expect(lost.status).toBe('LOST')
    expect(lost.expectedNextOrderAt! < now).toBe(true)
    expect(upcomingExpectedOrder(lost.expectedNextOrderAt, now)).toBeNull()
    expect(daysOverdue(lost.expectedNextOrderAt, now)).toBe(370)
  })
})

describe('an account that ordered recently', () => {
  const account = (
    status: 'ACTIVE' | 'AT_RISK' | 'INACTIVE',
    days: number | null,
    median: number | null = null,
  ) => ({
    status,
    lastOrderAt: days === null ? null : daysAgo(days)[0]!,
    medianIntervalDays: median,
  })

  it('is an ACTIVE account whose last order is within 30 days', () => {
    expect(orderedRecently(account('ACTIVE', 0), now)).toBe(true)
    expect(orderedRecently(account('ACTIVE', 30), now)).toBe(true)
    expect(orderedRecently(account('ACTIVE', 31), now)).toBe(false)
  })

  it("stretches the window to the account's own cadence when that is longer", () => {
    expect(orderedRecently(account('ACTIVE', 40, 45), now)).toBe(true)
    expect(orderedRecently(account('ACTIVE', 46, 45), now)).toBe(false)
    // A short cadence never shrinks the 30 days.
    expect(orderedRecently(account('ACTIVE', 20, 7), now)).toBe(true)
  })

  it('is never an account that is not ACTIVE or has no order', () => {
    expect(orderedRecently(account('AT_RISK', 5), now)).toBe(false)
    expect(orderedRecently(account('INACTIVE', 5), now)).toBe(false)
    expect(orderedRecently(account('ACTIVE', null), now)).toBe(false)
  })
})
