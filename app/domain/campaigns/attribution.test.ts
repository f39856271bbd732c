import { describe, expect, it } from 'vitest'
import { pickAttribution } from './attribution.server'

const day = (n: number) => new Date(Date.UTC(2026, 10, n))

describe('order attribution', () => {
  const since = day(1)
  const now = day(30)

  it('prefers the invitation whose link was used, even over one sent later', () => {
    const used = { id: 'used', sentAt: day(2), activatedAt: day(3) }
    const later = { id: 'later', sentAt: day(20), activatedAt: null }
    expect(pickAttribution([later, used], since, now)).toBe('used')
  })

  it('else takes the latest one sent within the window', () => {
    const older = { id: 'older', sentAt: day(5), activatedAt: null }
    const newer = { id: 'newer', sentAt: day(25), activatedAt: null }
    expect(pickAttribution([older, newer], since, now)).toBe('newer')
  })

  it('ignores invitations outside the window, and queued ones never sent', () => {
    const old = { id: 'old', sentAt: new Date(since.getTime() - 1), activatedAt: null }
    const queued = { id: 'queued', sentAt: null, activatedAt: null }
    expect(pickAttribution([old, queued], since, now)).toBeNull()
  })
})
