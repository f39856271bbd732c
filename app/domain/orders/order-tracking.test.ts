import { describe, expect, it } from 'vitest'
import { nextStatuses, orderTimeline, transitionRefusal } from './order-tracking'
import { OrderStatusSchema } from './order-tracking-form'

describe('order status moves', () => {
  it('only moves forward, confirming being optional', () => {
    expect(nextStatuses('PLACED')).toEqual(['CONFIRMED', 'INVOICED', 'CANCELLED'])
    expect(transitionRefusal('PLACED', 'CONFIRMED')).toBeNull()
    expect(transitionRefusal('PLACED', 'INVOICED')).toBeNull()
    expect(transitionRefusal('INVOICED', 'SHIPPED')).toBeNull()
    expect(transitionRefusal('SHIPPED', 'DELIVERED')).toBeNull()
  })

  it('says why an impossible move is refused', () => {
    expect(transitionRefusal('INVOICED', 'INVOICED')).toBe('SAME')
    expect(transitionRefusal('SHIPPED', 'INVOICED')).toBe('BACKWARD')
    expect(transitionRefusal('INVOICED', 'CONFIRMED')).toBe('BACKWARD')
    expect(transitionRefusal('PLACED', 'SHIPPED')).toBe('SKIPS')
    expect(transitionRefusal('CONFIRMED', 'DELIVERED')).toBe('SKIPS')
    expect(transitionRefusal('SHIPPED', 'CANCELLED')).toBe('NOT_CANCELLABLE')
    expect(transitionRefusal('DELIVERED', 'CANCELLED')).toBe('CLOSED')
    expect(transitionRefusal('CANCELLED', 'CONFIRMED')).toBe('CLOSED')
    expect(transitionRefusal('CONFIRMED', 'PLACED')).toBe('BACKWARD')
  })

  it('asks for the invoice number to invoice and the tracking code to ship, beside each field', () => {
    const parse = (values: Record<string, string>) =>
      OrderStatusSchema.safeParse({ intent: 'status', ...values })
    const invoiced = parse({ status: 'INVOICED', invoiceNumber: '  ' })
    expect(invoiced.success).toBe(false)
    expect(invoiced.error?.issues[0]?.path).toEqual(['invoiceNumber'])
    const shipped = parse({ status: 'SHIPPED' })
    expect(shipped.error?.issues[0]?.path).toEqual(['trackingCode'])
    expect(parse({ status: 'INVOICED', invoiceNumber: 'NF 123' }).success).toBe(true)
    expect(parse({ status: 'PLACED' }).success).toBe(false)
  })
})

describe('orderTimeline', () => {
  const placedAt = new Date('2026-12-01T12:00:00Z')
  it('shows each step with when it was reached, the invoice number and the tracking code', () => {
    const steps = orderTimeline({
      status: 'SHIPPED',
      placedAt,
      invoiceNumber: '4521',
      trackingCode: 'BR1234',
      statusEvents: [
        { status: 'INVOICED', at: new Date('2026-12-02T12:00:00Z') },
        { status: 'SHIPPED', at: new Date('2026-12-03T12:00:00Z') },
      ],
    })
    expect(steps.map((s) => [s.status, s.reached, s.detail])).toEqual([
      ['PLACED', true, null],
      ['CONFIRMED', true, null], // passed over: reached, without a date
      ['INVOICED', true, '4521'],
      ['SHIPPED', true, 'BR1234'],
      ['DELIVERED', false, null],
    ])
    expect(steps[0]!.at).toBe(placedAt)
    expect(steps[1]!.at).toBeNull()
  })

  it('ends a cancelled order with its cancellation after the steps it reached', () => {
    const steps = orderTimeline({
      status: 'CANCELLED',
      placedAt,
      invoiceNumber: null,
      trackingCode: null,
      statusEvents: [
        { status: 'CONFIRMED', at: placedAt },
        { status: 'CANCELLED', at: placedAt },
      ],
    })
    expect(steps.map((s) => s.status)).toEqual(['PLACED', 'CONFIRMED', 'CANCELLED'])
  })
})
