import { computeCommission, inReactivationWindow, type CommissionRates } from './compute'

const placedAt = new Date('2026-11-23T15:00:00Z')
const noBonus = { bonusBps: 200, windowDays: 90, reactivatedAt: null, placedAt }
const rates = (familyBps: Record<string, number> = {}): CommissionRates => ({
  defaultBps: 300,
  familyBps: new Map(Object.entries(familyBps)),
})
const line = (netCents: number, ...familyIds: string[]) => ({ netCents, familyIds })

describe('commission on an order', () => {
  it.each([
    // description, lines, family overrides, expected cents per line
    ['the default rate on every line', [line(10_000, 'cim'), line(5_000, 'tin')], {}, [300, 150]],
    ['a family override', [line(10_000, 'cim'), line(5_000, 'tin')], { tin: 500 }, [300, 250]],
    [
      'an override on a parent family',
      [line(10_000, 'acrilica', 'tintas')],
      { tintas: 450 },
      [450],
    ],
    [
      'the nearest family before its parent',
      [line(10_000, 'acrilica', 'tintas')],
      { tintas: 450, acrilica: 100 },
      [100],
    ],
    ['a zero rate for a family', [line(10_000, 'cim')], { cim: 0 }, [0]],
    ['nothing on a bonus item', [line(0, 'frm')], {}, [0]],
    ['half a cent rounded up', [line(1_050, 'cim')], {}, [32]], // 31.5 -> 32
    ['under half a cent rounded down', [line(1_049, 'cim')], {}, [31]], // 31.47 -> 31
  ])('applies %s', (_label, lines, overrides, expected) => {
    const result = computeCommission(lines, rates(overrides), noBonus)
    expect(result.lines.map((l) => l.cents)).toEqual(expected)
    expect(result.totalCents).toBe(expected.reduce((a, b) => a + b, 0))
    expect(result.bonusApplied).toBe(false)
  })

  it('is computed on the value net of discounts', () => {
    // A R$ 100,00 line with R$ 15,00 off pays commission on R$ 85,00.
    expect(computeCommission([line(8_500, 'cim')], rates(), noBonus).totalCents).toBe(255)
  })

  it('adds the reactivation bonus inside the window, on top of family overrides', () => {
    const bonus = { ...noBonus, reactivatedAt: new Date('2026-10-01T12:00:00Z') }
    const result = computeCommission(
      [line(10_000, 'cim'), line(10_000, 'tin')],
      rates({ tin: 500 }),
      bonus,
    )
    expect(result.bonusApplied).toBe(true)
    expect(result.lines).toEqual([
      { bps: 500, cents: 500 },
      { bps: 700, cents: 700 },
    ])
  })

  it.each([
    ['on the day of the reactivation', '2026-11-23T15:00:00Z', true],
    ['on the last day of the window', '2026-08-25T15:00:00Z', true],
    ['one minute after the window', '2026-08-25T14:59:00Z', false],
    ['when the reactivation is after the order', '2026-11-24T00:00:00Z', false],
  ])('counts an order %s', (_label, reactivatedAt, expected) => {
    expect(inReactivationWindow({ ...noBonus, reactivatedAt: new Date(reactivatedAt) })).toBe(
      expected,
    )
  })

  it('gives no bonus when the manager set it to zero', () => {
    const bonus = { ...noBonus, bonusBps: 0, reactivatedAt: placedAt }
    expect(computeCommission([line(10_000, 'cim')], rates(), bonus).totalCents).toBe(300)
  })
})
