import { erpRoute, readErpStatus, readPortalOrderNumber } from './erp-status'

const both = { invoiceNumber: true, trackingCode: true }

describe('an ERP status for a portal order', () => {
  it('is read from the words ERP exports use, without case or accents', () => {
    expect(readErpStatus('Faturado')).toBe('INVOICED')
    expect(readErpStatus('NF emitida')).toBe('INVOICED')
    expect(readErpStatus('EM TRÂNSITO')).toBe('SHIPPED')
    expect(readErpStatus('Em separação')).toBe('CONFIRMED')
    expect(readErpStatus('entregue')).toBe('DELIVERED')
    expect(readErpStatus('Cancelada')).toBe('CANCELLED')
    expect(readErpStatus('Recebido')).toBeNull()
    expect(readErpStatus('')).toBeNull()
  })

  it('names the order by the portal number, with or without # and zeros', () => {
    expect(readPortalOrderNumber('#123')).toBe(123)
    expect(readPortalOrderNumber('000123')).toBe(123)
    expect(readPortalOrderNumber(' 45 ')).toBe(45)
    expect(readPortalOrderNumber('0')).toBeNull()
    expect(readPortalOrderNumber('PV-123')).toBeNull()
    expect(readPortalOrderNumber('1234567890')).toBeNull()
  })

  it('takes the order there step by step, passing over confirmation when the ERP is further', () => {
    expect(erpRoute('PLACED', 'CONFIRMED', both)).toEqual({ ok: true, steps: ['CONFIRMED'] })
    expect(erpRoute('PLACED', 'DELIVERED', both)).toEqual({
      ok: true,
      steps: ['INVOICED', 'SHIPPED', 'DELIVERED'],
    })
    expect(erpRoute('CONFIRMED', 'SHIPPED', both)).toEqual({
      ok: true,
      steps: ['INVOICED', 'SHIPPED'],
    })
    expect(erpRoute('INVOICED', 'CANCELLED', both)).toEqual({ ok: true, steps: ['CANCELLED'] })
  })

  it('needs the invoice number to invoice and the tracking code to ship', () => {
    const none = { invoiceNumber: false, trackingCode: false }
    expect(erpRoute('PLACED', 'INVOICED', none)).toEqual({ ok: false, code: 'INVOICE_REQUIRED' })
    expect(erpRoute('INVOICED', 'DELIVERED', { ...none, invoiceNumber: true })).toEqual({
      ok: false,
      code: 'TRACKING_REQUIRED',
    })
    // Already invoiced and shipped: delivering needs neither.
    expect(erpRoute('SHIPPED', 'DELIVERED', none)).toEqual({ ok: true, steps: ['DELIVERED'] })
    expect(erpRoute('PLACED', 'CANCELLED', none)).toEqual({ ok: true, steps: ['CANCELLED'] })
  })

  it('refuses to go back, to reopen or to cancel what left the warehouse', () => {
    expect(erpRoute('SHIPPED', 'INVOICED', both)).toEqual({ ok: false, code: 'BACKWARD' })
    expect(erpRoute('DELIVERED', 'SHIPPED', both)).toEqual({ ok: false, code: 'CLOSED' })
    expect(erpRoute('CANCELLED', 'INVOICED', both)).toEqual({ ok: false, code: 'CLOSED' })
    expect(erpRoute('SHIPPED', 'CANCELLED', both)).toEqual({ ok: false, code: 'NOT_CANCELLABLE' })
    expect(erpRoute('INVOICED', 'INVOICED', both)).toEqual({ ok: false, code: 'SAME' })
  })
})
