import { parseWithZod } from '@conform-to/zod'
import { formMessage } from '~/utils/form-schema'
import { CommissionSettingsSchema, repRatesSchema } from './commission-forms'

function formData(entries: Record<string, string>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) data.append(name, value)
  return data
}

describe('the reactivation bonus form', () => {
  it('puts a bad percentage and a window out of range each beside its field', () => {
    const bad = parseWithZod(formData({ bonusPercent: '2,125', windowDays: '0' }), {
      schema: CommissionSettingsSchema,
    })
    expect(bad.status === 'error' && bad.error).toEqual({
      bonusPercent: ['commissionForm.percent'],
      windowDays: [formMessage('commissionForm.windowDays', { min: 1, max: 730 })],
    })
    const empty = parseWithZod(formData({ bonusPercent: '', windowDays: '' }), {
      schema: CommissionSettingsSchema,
    })
    expect(empty.status === 'error' && empty.error).toEqual({
      bonusPercent: ['form.required'],
      windowDays: ['form.required'],
    })
  })

  it('gives the domain basis points and days', () => {
    const ok = parseWithZod(formData({ bonusPercent: '1,5', windowDays: '60' }), {
      schema: CommissionSettingsSchema,
    })
    expect(ok.status === 'success' && ok.value).toEqual({
      bonusBps: 150,
      windowDays: 60,
      onPayment: false,
    })
    // A ticked box ("on") turns commission per paid instalment on.
    const ticked = parseWithZod(
      formData({ bonusPercent: '1,5', windowDays: '60', onPayment: 'on' }),
      { schema: CommissionSettingsSchema },
    )
    expect(ticked.status === 'success' && ticked.value.onPayment).toBe(true)
  })
})

describe("a rep's rates form", () => {
  const schema = repRatesSchema(['fam_a', 'fam_b'])

  it('requires the default rate and refuses a bad family rate beside that family', () => {
    const bad = parseWithZod(formData({ defaultPercent: '', 'family-fam_a': 'muito' }), { schema })
    expect(bad.status === 'error' && bad.error).toEqual({
      defaultPercent: ['form.required'],
      'family-fam_a': ['commissionForm.percent'],
    })
  })

  it('keeps only the families with a rate of their own, ignoring unknown fields', () => {
    const ok = parseWithZod(
      formData({
        defaultPercent: '4',
        'family-fam_a': '6,5',
        'family-fam_b': '',
        'family-other': '9',
      }),
      { schema },
    )
    expect(ok.status === 'success' && ok.value).toEqual({
      defaultBps: 400,
      overrides: [{ familyId: 'fam_a', bps: 650 }],
    })
  })
})
