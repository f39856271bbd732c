import { describe, expect, it } from 'vitest'
import { instalmentSchedule } from './instalments'

const sum = (list: { amountCents: number }[]) => list.reduce((s, i) => s + i.amountCents, 0)

describe('instalmentSchedule', () => {
  it('splits a 28/56 order in two equal instalments due 28 and 56 days after the placement day', () => {
    const list = instalmentSchedule({
      totalCents: 100_000,
      termCode: '28/56',
      placedAt: new Date('2026-12-02T13:00:00Z'),
    })
    expect(list).toEqual([
      { number: 1, days: 28, dueDate: '2026-12-30', amountCents: 50_000 },
      { number: 2, days: 56, dueDate: '2027-01-27', amountCents: 50_000 },
    ])
  })

  it('puts the rounding remainder on the first instalment, so the amounts add up to the total', () => {
    const list = instalmentSchedule({
      totalCents: 100_001,
      termCode: '28/56/84',
      placedAt: new Date('2026-12-02T13:00:00Z'),
    })
    expect(list.map((i) => i.amountCents)).toEqual([33_335, 33_333, 33_333])
    expect(sum(list)).toBe(100_001)
    for (const total of [1, 2, 99, 12_345, 999_999]) {
      for (const code of ['28', '28/56', '30/60/90', '10/20/30/40/50/60/70']) {
        const split = instalmentSchedule({
          totalCents: total,
          termCode: code,
          placedAt: new Date(),
        })
        expect(sum(split)).toBe(total)
        expect(split.slice(1).every((i) => i.amountCents === split[1]!.amountCents)).toBe(true)
      }
    }
  })

  it('shifts every due day by the extra days an offer granted', () => {
    const list = instalmentSchedule({
      totalCents: 60_000,
      termCode: '28/56',
      extraDays: 30,
      placedAt: new Date('2026-12-02T13:00:00Z'),
    })
    expect(list.map((i) => [i.days, i.dueDate])).toEqual([
      [58, '2027-01-29'],
      [86, '2027-02-26'],
    ])
  })

  it('is a single payment of the whole total on the placement day without a term (card, Pix)', () => {
    expect(
      instalmentSchedule({
        totalCents: 12_345,
        termCode: null,
        extraDays: 30,
        placedAt: new Date('2026-12-02T13:00:00Z'),
      }),
    ).toEqual([{ number: 1, days: 0, dueDate: '2026-12-02', amountCents: 12_345 }])
  })

  it('counts from the placement day in São Paulo, not in UTC', () => {
    // 23:30 on 31 January in São Paulo is already 1 February in UTC.
    const list = instalmentSchedule({
      totalCents: 1_000,
      termCode: '28',
      placedAt: new Date('2027-02-01T02:30:00Z'),
    })
    expect(list[0]!.dueDate).toBe('2027-02-28')
  })

  it('crosses month ends and leap days by calendar days', () => {
    const dues = (placedAt: string, code: string) =>
      instalmentSchedule({ totalCents: 100, termCode: code, placedAt: new Date(placedAt) }).map(
        (i) => i.dueDate,
      )
    // 31 Jan 2028 + 28 days = 28 Feb (2028 is a leap year: + 30 = 1 Mar).
    expect(dues('2028-01-31T15:00:00Z', '28/30')).toEqual(['2028-02-28', '2028-03-01'])
    // 30 Nov + 31 = 31 Dec; + 62 = 31 Jan of the next year.
    expect(dues('2026-11-30T15:00:00Z', '31/62')).toEqual(['2026-12-31', '2027-01-31'])
  })
})
