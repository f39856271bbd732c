import { parseWithZod } from '@conform-to/zod'
import { formMessage } from '~/utils/form-schema'
import { ThresholdsSchema } from './settings-forms'

function formData(entries: Record<string, string>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) data.append(name, value)
  return data
}

const DAYS = formMessage('settingsForm.days', { min: 7, max: 3650 })

describe('the inactivity thresholds form', () => {
  it('puts each number that is not a whole number of days from 7 to 3650 beside its field', () => {
    const bad = parseWithZod(formData({ atRiskDays: '6', inactiveDays: '12,5', lostDays: '' }), {
      schema: ThresholdsSchema,
    })
    expect(bad.status === 'error' && bad.error).toEqual({
      atRiskDays: [DAYS],
      inactiveDays: [DAYS],
      lostDays: ['form.required'],
    })
  })

  it('refuses thresholds that do not grow, on the form as a whole', () => {
    const bad = parseWithZod(formData({ atRiskDays: '60', inactiveDays: '60', lostDays: '365' }), {
      schema: ThresholdsSchema,
    })
    expect(bad.status === 'error' && bad.error).toEqual({ '': ['settings.invalidOrder'] })
  })

  it('gives the domain numbers', () => {
    const ok = parseWithZod(formData({ atRiskDays: ' 45 ', inactiveDays: '90', lostDays: '365' }), {
      schema: ThresholdsSchema,
    })
    expect(ok.status === 'success' && ok.value).toEqual({
      atRiskDays: 45,
      inactiveDays: 90,
      lostDays: 365,
    })
  })
})
