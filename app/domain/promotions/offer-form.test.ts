import { parseWithZod } from '@conform-to/zod'
import { formConstraint, formMessage } from '~/utils/form-schema'
import { OfferSchema } from './offer-form'

function formData(entries: Record<string, string | string[]>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) {
    for (const item of [value].flat()) data.append(name, item)
  }
  return data
}

const parse = (entries: Record<string, string | string[]>) =>
  parseWithZod(formData(entries), { schema: OfferSchema })

describe("the offer form's schema in the browser", () => {
  it('reports every problem at once, the rules between fields too, even with the name missing', () => {
    const submission = parse({
      name: '',
      code: 'a b',
      discountType: 'PERCENT',
      discountValue: '150',
      scope: 'FAMILIES',
      startsOn: '2026-12-10',
      endsOn: '2026-12-01',
      maxPerAccount: '0',
      audience: 'NAMED',
      namedCnpjs: '11.111.111/1111-11, 12.345',
      stackable: 'on',
    })
    expect(submission.status === 'error' && submission.error).toEqual({
      name: ['form.required'],
      code: ['offerForm.codeFormat'],
      discountValue: ['offerForm.percent'],
      endsOn: ['offerForm.endsBeforeStart'],
      maxPerAccount: ['offerForm.positiveInt'],
      familyIds: ['offerForm.familiesRequired'],
      namedCnpjs: [
        formMessage('offerForm.badCnpjs', { count: 2, cnpjs: '11.111.111/1111-11, 12.345' }),
      ],
    })
    // What was typed goes back to the form as typed.
    expect(submission.reply().initialValue).toMatchObject({ code: 'a b', discountValue: '150' })
  })

  it('refuses an offer that gives nothing, as a whole-form error', () => {
    const submission = parse({ name: 'Nada' })
    expect(submission.status === 'error' && submission.error).toEqual({
      '': ['offerForm.nothingGiven'],
    })
  })

  it('turns typed text into the offer the domain stores', () => {
    const submission = parse({
      name: ' Tintas ',
      code: ' tinta-10 ',
      discountType: 'PERCENT',
      discountValue: '7,5',
      scope: 'PRODUCTS',
      productSkus: 'tin-0001, TIN-0002\ntin-0001',
      minOrder: '1.500,00',
      startsOn: '01/12/2026',
      endsOn: '2026-12-31',
      maxRedemptions: '100',
      audience: 'SEGMENT',
      audienceSegment: 'Lojas de tinta',
      bonusSku: 'frm-0001',
    })
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && submission.value).toEqual({
      name: 'Tintas',
      code: 'TINTA-10',
      description: '',
      discountType: 'PERCENT',
      discountValue: 750,
      scope: 'PRODUCTS',
      familyIds: [],
      productSkus: ['TIN-0001', 'TIN-0002'],
      minOrderCents: 150_000,
      // Midnight in Brasília on the first day; the end is the first moment after the last day.
      startsAt: new Date('2026-12-01T03:00:00Z'),
      endsAt: new Date('2027-01-01T03:00:00Z'),
      maxRedemptions: 100,
      maxPerAccount: null,
      audience: 'SEGMENT',
      audienceSegment: 'Lojas de tinta',
      namedCnpjs: [],
      stackable: false,
      bonusSku: 'FRM-0001',
      bonusQuantity: 1,
      extraTermDays: 0,
    })
  })

  it('gives the browser its constraints: the name is required, lengths are limited', () => {
    expect(formConstraint(OfferSchema)).toMatchObject({
      name: { required: true, maxLength: 120 },
      code: { required: false, maxLength: 30 },
      familyIds: { multiple: true },
    })
  })
})
