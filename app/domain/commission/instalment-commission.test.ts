import { parseWithZod } from '@conform-to/zod'
import { instalmentSchedule } from '~/domain/pricing/instalments'
import { instalmentShares, InstalmentPaymentSchema } from './instalment-commission'

describe('commission per paid instalment', () => {
  it('earns half at each instalment of an order on 28/56, with known answers', () => {
    // R$ 1.000,01 on 28/56: R$ 500,01 and R$ 500,00; 5 % commission, R$ 50,00.
    const schedule = instalmentSchedule({
      totalCents: 100_001,
      termCode: '28/56',
      placedAt: new Date('2026-12-01T15:00:00Z'),
    })
    expect(schedule.map((i) => i.amountCents)).toEqual([50_001, 50_000])
    expect(instalmentShares(5_000, [50_001, 50_000])).toEqual([2_500, 2_500])
    // An odd centavo goes where rounding the running total puts it.
    expect(instalmentShares(33, [100, 100])).toEqual([17, 16])
    expect(instalmentShares(100, [1, 1, 1])).toEqual([33, 34, 33])
    expect(instalmentShares(1_234, [40_000, 30_000, 30_000])).toEqual([494, 370, 370])
  })

  it('always adds up to the commission, to the centavo', () => {
    for (let seed = 1; seed < 200; seed++) {
      const commission = (seed * 7919) % 100_000
      const amounts = Array.from(
        { length: 1 + (seed % 6) },
        (_, i) => 1 + ((seed * (i + 3)) % 9_999),
      )
      const shares = instalmentShares(commission, amounts)
      expect(shares.reduce((s, x) => s + x, 0)).toBe(commission)
      expect(shares.every((share) => share >= 0)).toBe(true)
    }
  })

  it('puts the whole commission on the first when the instalments add up to nothing', () => {
    expect(instalmentShares(500, [0, 0])).toEqual([500, 0])
  })

  it('reads the payment form: an instalment number and a Brasília day', () => {
    const form = (values: Record<string, string>) => {
      const data = new FormData()
      for (const [k, v] of Object.entries(values)) data.set(k, v)
      return parseWithZod(data, { schema: InstalmentPaymentSchema })
    }
    const ok = form({ number: '2', paidOn: '15/01/2027' })
    expect(ok.status === 'success' && ok.value).toEqual({
      number: 2,
      paidOn: new Date('2027-01-15T03:00:00Z'),
    })
    expect(form({ number: '0', paidOn: '2027-01-15' }).status).toBe('error')
    expect(form({ number: '2', paidOn: '31/02/2027' }).status).toBe('error')
    expect(form({ number: 'x', paidOn: '' }).status).toBe('error')
  })
})
