import { parseWithZod } from '@conform-to/zod'
import { formMessage } from '~/utils/form-schema'
import { AccountEditSchema, CommercialTermsSchema } from './account-forms'

function formData(entries: Record<string, string | string[]>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) {
    for (const item of [value].flat()) data.append(name, item)
  }
  return data
}

describe("the account page's schemas in the browser", () => {
  it('reports every contact field in error, each with its own message', () => {
    const submission = parseWithZod(
      formData({ tradeName: 'X', email: 'nao-e-email', city: '', state: 'XX', phone: '' }),
      { schema: AccountEditSchema },
    )
    expect(submission.status === 'error' && submission.error).toEqual({
      tradeName: [formMessage('form.tooShort', { count: 2 })],
      email: ['form.email'],
      city: ['form.required'],
      state: ['accountForm.state'],
    })
  })

  it('gives the domain trimmed values, the state in capitals and empty as null', () => {
    const submission = parseWithZod(
      formData({
        tradeName: ' Loja Nova ',
        email: ' Compras@Loja.COM ',
        city: 'Campinas',
        state: 'sp',
        phone: '',
        whatsapp: ' (19) 99876-5432 ',
        repId: '',
      }),
      { schema: AccountEditSchema },
    )
    expect(submission.status === 'success' && submission.value).toEqual({
      tradeName: 'Loja Nova',
      email: 'compras@loja.com',
      phone: null,
      // Numbers are kept in E.164, however they were typed.
      whatsapp: '+5519998765432',
      preferredChannel: null,
      street: null,
      city: 'Campinas',
      state: 'SP',
      postalCode: null,
      repId: null,
    })
  })

  it('refuses a phone or WhatsApp number that cannot be a Brazilian one, and an unknown channel', () => {
    const submission = parseWithZod(
      formData({
        tradeName: 'Loja',
        city: 'Campinas',
        state: 'SP',
        phone: '(00) 1234-5678',
        whatsapp: '98765',
        preferredChannel: 'FAX',
      }),
      { schema: AccountEditSchema },
    )
    expect(submission.status).toBe('error')
    expect(Object.keys(submission.status === 'error' ? submission.error! : {}).sort()).toEqual([
      'phone',
      'preferredChannel',
      'whatsapp',
    ])
  })

  it('reads the minimum order in reais, and refuses what is not an amount', () => {
    const ok = parseWithZod(
      formData({ priceListId: '', termCodes: ['28', '28/56', '28'], minimumOrder: '1.250,50' }),
      { schema: CommercialTermsSchema },
    )
    expect(ok.status === 'success' && ok.value).toEqual({
      priceListId: null,
      termCodes: ['28', '28/56'],
      minimumOrderCents: 125_050,
    })
    const none = parseWithZod(formData({ minimumOrder: '' }), { schema: CommercialTermsSchema })
    expect(none.status === 'success' && none.value).toMatchObject({
      termCodes: [],
      minimumOrderCents: 0,
    })
    const bad = parseWithZod(formData({ minimumOrder: 'muito' }), {
      schema: CommercialTermsSchema,
    })
    expect(bad.status === 'error' && bad.error).toEqual({
      minimumOrder: ['account.invalidMinimum'],
    })
  })
})
