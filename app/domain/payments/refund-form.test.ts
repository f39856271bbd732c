import { parseWithZod } from '@conform-to/zod'
import { formMessage } from '~/utils/form-schema'
import { refundSchema } from './refund-form'

const KEY = '6f1c1e4e-4a43-4f7b-9d0e-2b8a7c5d3e10'

function formData(entries: Record<string, string>) {
  const data = new FormData()
  data.append('intent', 'refund')
  data.append('requestKey', KEY)
  for (const [name, value] of Object.entries(entries)) data.append(name, value)
  return data
}

describe('the refund form', () => {
  const schema = refundSchema(12_345)
  const AMOUNT = formMessage('adminOrder.result.REFUND_AMOUNT_INVALID', { max: { money: 12_345 } })

  it('refuses a missing amount, one that is not money and one over what is left, beside the amount', () => {
    for (const [amount, message] of [
      ['', 'form.required'],
      ['muito', AMOUNT],
      ['0', AMOUNT],
      ['123,46', AMOUNT],
    ] as const) {
      const refused = parseWithZod(formData({ amount }), { schema })
      expect(refused.status === 'error' && refused.error).toEqual({ amount: [message] })
    }
    const long = parseWithZod(formData({ amount: '10', reason: 'x'.repeat(201) }), { schema })
    expect(long.status === 'error' && long.error).toEqual({
      reason: [formMessage('form.tooLong', { count: 200 })],
    })
  })

  it('gives the domain cents, the request key and the reason', () => {
    const ok = parseWithZod(formData({ amount: '123,45', reason: ' Avaria ' }), { schema })
    expect(ok.status === 'success' && ok.value).toEqual({
      requestKey: KEY,
      amountCents: 12_345,
      reason: 'Avaria',
    })
  })
})
