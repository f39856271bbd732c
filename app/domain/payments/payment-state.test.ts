import { describe, expect, it } from 'vitest'
import { payNowRefusal } from './payment-state'

describe('payNowRefusal', () => {
  const unpaid = { paymentMethod: 'STRIPE', status: 'PLACED', stripePayment: { paidAt: null } }

  it('lets an unpaid pay-now order be paid', () => {
    expect(payNowRefusal(unpaid)).toBeNull()
  })

  it('refuses orders on terms, cancelled orders and paid ones', () => {
    expect(payNowRefusal({ ...unpaid, paymentMethod: 'TERMS' })).toBe('NOT_STRIPE')
    expect(payNowRefusal({ ...unpaid, status: 'CANCELLED' })).toBe('CANCELLED')
    expect(payNowRefusal({ ...unpaid, stripePayment: { paidAt: new Date() } })).toBe('ALREADY_PAID')
  })
})
