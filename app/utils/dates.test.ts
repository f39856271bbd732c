import { describe, expect, it } from 'vitest'
import { zonedLocalToUtc } from './dates'

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
})
