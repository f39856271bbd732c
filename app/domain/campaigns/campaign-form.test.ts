import { parseWithZod } from '@conform-to/zod'
import { createOffer } from '#tests/fixtures/factories'
import { formMessage } from '~/utils/form-schema'
import { campaignSchema, CampaignSegmentSchema } from './campaign-form'
import { campaignSchemaForSave } from './campaigns.server'

function formData(entries: Record<string, string | string[]>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) {
    for (const item of [value].flat()) data.append(name, item)
  }
  return data
}

const context = { timeZone: 'America/Sao_Paulo', now: new Date('2026-06-01T12:00:00Z') }
const message = {
  name: 'Volta Minas',
  locale: 'pt-BR',
  subject: '{loja}, sentimos sua falta',
  message: 'Olá, {loja}! Fale com {representante}.',
  schedule: 'NOW',
  status: 'INACTIVE',
}

describe("the campaign form's schema", () => {
  it('reports every problem at once, each on its field', () => {
    const submission = parseWithZod(
      formData({
        status: ['INACTIVE', 'LOST'],
        minDays: '-5',
        maxDays: 'muitos',
        name: 'ab',
        locale: 'pt-BR',
        subject: 'Oi {lojja} e {rep0}',
        message: 'Curta',
        schedule: 'ONCE',
        startsAt: '2026-05-31T09:00',
      }),
      { schema: campaignSchema(context) },
    )
    expect(submission.status === 'error' && submission.error).toEqual({
      minDays: ['campaignForm.days'],
      maxDays: ['campaignForm.days'],
      name: [formMessage('form.tooShort', { count: 3 })],
      subject: [
        formMessage('campaignForm.unknownPlaceholders', { count: 2, detail: '{lojja}, {rep0}' }),
      ],
      message: [formMessage('form.tooShort', { count: 10 })],
      startsAt: ['campaignForm.error.START_IN_PAST'],
    })
  })

  it('asks for a date unless the campaign goes now, and reads it in the manager’s time zone', () => {
    const missing = parseWithZod(formData({ ...message, schedule: 'MONTHLY' }), {
      schema: campaignSchema(context),
    })
    expect(missing.status === 'error' && missing.error).toEqual({
      startsAt: ['campaignForm.error.START_REQUIRED'],
    })
    const scheduled = parseWithZod(
      formData({ ...message, schedule: 'ONCE', startsAt: '2026-06-02T09:00', minDays: '90' }),
      { schema: campaignSchema(context) },
    )
    expect(scheduled.status === 'success' && scheduled.value).toEqual({
      campaign: {
        name: 'Volta Minas',
        locale: 'pt-BR',
        subject: '{loja}, sentimos sua falta',
        message: 'Olá, {loja}! Fale com {representante}.',
        offerId: null,
        schedule: 'ONCE',
        // 09:00 in São Paulo (UTC−3).
        startsAt: new Date('2026-06-02T12:00:00Z'),
      },
      segment: {
        status: ['INACTIVE'],
        minDays: 90,
        maxDays: undefined,
        state: undefined,
        city: undefined,
        repId: undefined,
        segment: undefined,
        family: [],
      },
    })
  })

  it('counts a segment without looking at the half-written message', () => {
    const preview = parseWithZod(formData({ status: 'LOST', state: 'MG', name: '' }), {
      schema: CampaignSegmentSchema,
    })
    expect(preview.status === 'success' && preview.value).toMatchObject({
      status: ['LOST'],
      state: 'MG',
    })
  })

  it('checks on the server that the offer exists and is not paused', async () => {
    const paused = await createOffer({ paused: true })
    const refused = await parseWithZod(formData({ ...message, offerId: paused.id }), {
      schema: campaignSchemaForSave(context),
      async: true,
    })
    expect(refused.status === 'error' && refused.error).toEqual({
      offerId: ['campaignForm.error.UNKNOWN_OFFER'],
    })
    const active = await createOffer()
    const accepted = await parseWithZod(formData({ ...message, offerId: active.id }), {
      schema: campaignSchemaForSave(context),
      async: true,
    })
    expect(accepted.status === 'success' && accepted.value.campaign.offerId).toBe(active.id)
  })
})
