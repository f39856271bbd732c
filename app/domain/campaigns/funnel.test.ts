import { describe, expect, it } from 'vitest'
import { invitationStep } from './funnel'

describe('an invitation row', () => {
  const base = {
    sentAt: null,
    deliveredAt: null,
    bouncedAt: null,
    clickedAt: null,
    activatedAt: null,
    _count: { orders: 0 },
    outbox: { status: 'PENDING' },
  }

  it('shows the furthest step it reached', () => {
    expect(invitationStep(base)).toBe('queued')
    expect(invitationStep({ ...base, outbox: { status: 'FAILED' } })).toBe('failed')
    expect(invitationStep({ ...base, sentAt: 'x', deliveredAt: 'x' })).toBe('delivered')
    expect(invitationStep({ ...base, sentAt: 'x', bouncedAt: 'x' })).toBe('bounced')
    expect(invitationStep({ ...base, sentAt: 'x', clickedAt: 'x', activatedAt: 'x' })).toBe(
      'activated',
    )
    expect(invitationStep({ ...base, activatedAt: 'x', _count: { orders: 2 } })).toBe('ordered')
  })
})
