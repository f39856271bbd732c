import { parseWithZod } from '@conform-to/zod'
import {
  contestPhase,
  contestStanding,
  ContestSchema,
  countedUntil,
  qualifies,
  silentDays,
  type ContestRule,
} from './contests'

const rep = (repId: string, name = repId) => ({ repId, name })
const times = (repId: string, n: number) => Array.from({ length: n }, () => ({ repId }))

describe('a contest standing', () => {
  const rule: ContestRule = {
    prizePerAccountCents: 5_000,
    minSilentDays: null,
    topCount: 2,
    topBonusCents: 30_000,
  }

  it('pays each account reactivated and a bonus to the first two, with known answers', () => {
    const standing = contestStanding(
      [rep('a', 'Ana'), rep('b', 'Bruno'), rep('c', 'Carla'), rep('d', 'Davi')],
      [...times('b', 4), ...times('a', 1), ...times('c', 2), ...times('x', 9)],
      rule,
    )
    expect(
      standing.map((r) => [r.repId, r.position, r.reactivations, r.prizeCents, r.bonusCents]),
    ).toEqual([
      ['b', 1, 4, 20_000, 30_000],
      ['c', 2, 2, 10_000, 30_000],
      ['a', 3, 1, 5_000, 0],
      ['d', 4, 0, 0, 0],
    ])
    // Someone not taking part (x) earns nothing and takes no place.
    expect(standing.find((r) => r.repId === 'x')).toBeUndefined()
    expect(standing[0]!.totalCents).toBe(50_000)
  })

  it('shares a place on a tie, so both reps tied for the last prized place get the bonus', () => {
    const standing = contestStanding(
      [rep('a', 'Ana'), rep('b', 'Bruno'), rep('c', 'Carla'), rep('d', 'Davi')],
      [...times('a', 3), ...times('b', 2), ...times('c', 2), ...times('d', 1)],
      rule,
    )
    expect(standing.map((r) => [r.repId, r.position, r.bonusCents])).toEqual([
      ['a', 1, 30_000],
      ['b', 2, 30_000],
      ['c', 2, 30_000],
      ['d', 4, 0],
    ])
  })

  it('gives no bonus for a place reached with no reactivation at all', () => {
    const standing = contestStanding([rep('a'), rep('b')], [], rule)
    expect(standing.map((r) => [r.position, r.totalCents])).toEqual([
      [1, 0],
      [1, 0],
    ])
  })

  it('counts only accounts silent for more than the minimum, and those with no earlier order', () => {
    const reactivatedAt = new Date('2026-11-20T15:00:00Z')
    expect(silentDays(new Date('2026-08-22T15:00:00Z'), reactivatedAt)).toBe(90)
    expect(silentDays(new Date('2026-08-22T15:00:01Z'), reactivatedAt)).toBe(89)
    expect(silentDays(null, reactivatedAt)).toBeNull()
    expect(qualifies(90, 90)).toBe(false)
    expect(qualifies(91, 90)).toBe(true)
    expect(qualifies(null, 90)).toBe(true)
    expect(qualifies(3, null)).toBe(true)
  })
})

describe("a contest's phase", () => {
  const contest = {
    startsAt: new Date('2026-12-01T03:00:00Z'),
    endsAt: new Date('2027-02-01T03:00:00Z'),
    closedAt: null,
  }
  it('is scheduled, running, ended, then closed', () => {
    expect(contestPhase(contest, new Date('2026-12-01T02:59:59Z'))).toBe('SCHEDULED')
    expect(contestPhase(contest, new Date('2026-12-01T03:00:00Z'))).toBe('RUNNING')
    expect(contestPhase(contest, new Date('2027-02-01T03:00:00Z'))).toBe('ENDED')
    expect(contestPhase({ ...contest, closedAt: new Date() }, new Date('2026-12-15'))).toBe(
      'CLOSED',
    )
  })
  it('counts up to its end, or to an earlier close', () => {
    const close = new Date('2026-12-20T12:00:00Z')
    expect(countedUntil({ ...contest, closedAt: close }, new Date('2027-03-01'))).toEqual(close)
    expect(countedUntil(contest, new Date('2027-03-01'))).toEqual(contest.endsAt)
    expect(countedUntil(contest, close)).toEqual(close)
  })
})

describe('the contest form', () => {
  function parse(values: Record<string, string | string[]>) {
    const form = new FormData()
    for (const [key, value] of Object.entries(values))
      for (const item of [value].flat()) form.append(key, item)
    return parseWithZod(form, { schema: ContestSchema })
  }
  const base = {
    name: 'Desafio de verão',
    startsOn: '2026-12-01',
    endsOn: '31/01/2027',
    repIds: ['r1', 'r2', 'r1'],
    prizePerAccount: '50,00',
  }

  it('reads two months of Brasília days, reais as typed and the reps once each', () => {
    const ok = parse({ ...base, minSilentDays: '90', topCount: '3', topBonus: '1.000,00' })
    expect(ok.status).toBe('success')
    if (ok.status !== 'success') return
    expect(ok.value).toEqual({
      name: 'Desafio de verão',
      startsAt: new Date('2026-12-01T03:00:00Z'),
      endsAt: new Date('2027-02-01T03:00:00Z'),
      repIds: ['r1', 'r2'],
      rule: {
        prizePerAccountCents: 5_000,
        minSilentDays: 90,
        topCount: 3,
        topBonusCents: 100_000,
      },
    })
  })

  it('refuses each mistake beside its field', () => {
    const errors = (values: Record<string, string | string[]>) => {
      const result = parse(values)
      return result.status === 'error' ? Object.keys(result.error ?? {}).sort() : []
    }
    expect(errors({ ...base, endsOn: '2026-11-30' })).toEqual(['endsOn'])
    expect(errors({ ...base, endsOn: '2028-01-01' })).toEqual(['endsOn'])
    expect(errors({ ...base, startsOn: '31/02/2026' })).toEqual(['startsOn'])
    expect(errors({ ...base, repIds: [] })).toEqual(['repIds'])
    expect(errors({ ...base, prizePerAccount: '0' })).toEqual(['prizePerAccount'])
    expect(errors({ ...base, prizePerAccount: 'cinquenta' })).toEqual(['prizePerAccount'])
    expect(errors({ ...base, topCount: '3' })).toEqual(['topBonus'])
    expect(errors({ ...base, topBonus: '10,00' })).toEqual(['topCount'])
    expect(errors({ ...base, minSilentDays: '-5' })).toEqual(['minSilentDays'])
    expect(errors({ ...base, name: '' })).toEqual(['name'])
  })

  it('takes a bonus for the best alone, without a prize per account', () => {
    expect(parse({ ...base, prizePerAccount: '', topCount: '1', topBonus: '500' }).status).toBe(
      'success',
    )
  })
})
