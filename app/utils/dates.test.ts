import { describe, expect, it } from 'vitest'
import { localDateIn, zonedLocalToUtc } from './dates'

describe('zonedLocalToUtc', () => {
  it('reads a datetime-local value as wall-clock time in the zone', () => {
    expect(zonedLocalToUtc('2026-11-30T09:00', 'America/Sao_Paulo')?.toISOString()).toBe(
      '2026-11-30T12:00:00.000Z',
    )
    expect(zonedLocalToUtc('2026-07-01T09:00', 'Europe/Lisbon')?.toISOString()).toBe(
      '2026-07-01T08:00:00.000Z',
    )
  })

  it('refuses malformed and impossible dates', () => {
    expect(zonedLocalToUtc('30/11/2026 09:00', 'America/Sao_Paulo')).toBeNull()
    expect(zonedLocalToUtc('2026-02-30T09:00', 'America/Sao_Paulo')).toBeNull()
  })

  it('refuses a wall-clock time that a daylight-saving jump skips', () => {
    // Lisbon jumped from 01:00 to 02:00 on 29 March 2026.
    expect(zonedLocalToUtc('2026-03-29T01:30', 'Europe/Lisbon')).toBeNull()
  })
})

describe('localDateIn', () => {
  it('gives the calendar day of an instant in the zone, not in UTC', () => {
    // 01:30 UTC on the 1st is still the evening of 30 November in São Paulo.
    expect(localDateIn(new Date('2026-12-01T01:30:00Z'), 'America/Sao_Paulo')).toBe('2026-11-30')
    expect(localDateIn(new Date('2026-12-01T03:30:00Z'), 'America/Sao_Paulo')).toBe('2026-12-01')
  })
})
