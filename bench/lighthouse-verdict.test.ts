import { median, toPercent, verdicts } from './lighthouse-verdict'

describe('the Lighthouse verdict', () => {
  it('takes the median of the runs, odd or even', () => {
    expect(median([80, 99, 97])).toBe(97)
    expect(median([90, 100])).toBe(95)
    expect(median([94])).toBe(94)
    expect(() => median([])).toThrow()
  })

  it('reads Lighthouse scores as 0–100, a missing score as 0', () => {
    expect(toPercent(0.954)).toBe(95)
    expect(toPercent(1)).toBe(100)
    expect(toPercent(null)).toBe(0)
  })

  it('fails a page whose median is under the target, not one whose single run is', () => {
    const [good, bad] = verdicts([
      { page: 'cart', profile: 'mobile', category: 'performance', scores: [80, 96, 97] },
      { page: 'catalog', profile: 'mobile', category: 'performance', scores: [99, 94, 90] },
    ])
    expect(good).toMatchObject({ median: 96, pass: true })
    expect(bad).toMatchObject({ median: 94, pass: false })
    expect(verdicts([{ page: 'p', profile: 'd', category: 'a', scores: [95] }])[0]!.pass).toBe(true)
  })
})
