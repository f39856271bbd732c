import { describe, expect, it } from 'vitest'
import { canPayNow, payNowRefusal } from './payment-state'

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

describe('canPayNow', () => {
  it('offers pay now only on an unpaid Stripe order that has its payment row and is not cancelled', () => {
    const order = { paymentMethod: 'STRIPE', status: 'PLACED', stripePayment: { paidAt: null } }
    expect(canPayNow(order)).toBe(true)
    expect(canPayNow({ ...order, stripePayment: null })).toBe(false)
    expect(canPayNow({ ...order, status: 'CANCELLED' })).toBe(false)
    expect(canPayNow({ ...order, stripePayment: { paidAt: new Date() } })).toBe(false)
    expect(canPayNow({ ...order, paymentMethod: 'TERMS' })).toBe(false)
  })
})
