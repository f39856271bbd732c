import { parseWithZod } from '@conform-to/zod'
import { PaymentMethodsSchema } from './payment-settings-form'

function formData(methods: string[]) {
  const data = new FormData()
  data.append('intent', 'payments')
  for (const method of methods) data.append('methods', method)
  return data
}

describe('the payment methods form', () => {
  it('asks for at least one method, beside the group', () => {
    const none = parseWithZod(formData([]), { schema: PaymentMethodsSchema })
    expect(none.status === 'error' && none.error).toEqual({ methods: ['settings.methodsInvalid'] })
  })

  it('refuses a method Checkout does not offer', () => {
    const odd = parseWithZod(formData(['card', 'cheque']), { schema: PaymentMethodsSchema })
    expect(odd.status).toBe('error')
  })

  it('reads one method or several', () => {
    const one = parseWithZod(formData(['pix']), { schema: PaymentMethodsSchema })
    expect(one.status === 'success' && one.value).toEqual({ methods: ['pix'] })
    const two = parseWithZod(formData(['card', 'pix', 'card']), { schema: PaymentMethodsSchema })
    expect(two.status === 'success' && two.value).toEqual({ methods: ['card', 'pix'] })
  })
})
