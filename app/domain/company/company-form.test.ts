import { parseWithZod } from '@conform-to/zod'
import { brandStylesheet } from './brand-style'
import { CompanySchema, contrastWithWhite, phoneDigits, whatsappUrl } from './company-form'

function parse(values: Record<string, string>) {
  const form = new FormData()
  for (const [name, value] of Object.entries({ companyName: 'Tintas Sol', ...values }))
    form.set(name, value)
  return parseWithZod(form, { schema: CompanySchema })
}

function errors(values: Record<string, string>) {
  const submission = parse(values)
  return submission.status === 'error' ? submission.error : null
}

describe('the company form', () => {
  it('takes a name alone, the rest staying empty', () => {
    const submission = parse({})
    expect(submission.status).toBe('success')
    if (submission.status === 'success')
      expect(submission.value).toEqual({ companyName: 'Tintas Sol' })
  })

  it('refuses a missing or one-letter name beside it', () => {
    expect(errors({ companyName: '' })?.companyName).toEqual(['form.required'])
    expect(errors({ companyName: 'A' })?.companyName?.[0]).toMatch(/^form.tooShort/)
  })

  it('takes a dark colour in any case, and refuses a malformed or too light one', () => {
    const submission = parse({ brandColor: '#1D4ED8' })
    expect(submission.status === 'success' && submission.value.brandColor).toBe('#1d4ed8')
    expect(errors({ brandColor: 'blue' })?.brandColor).toEqual(['settings.colorInvalid'])
    expect(errors({ brandColor: '#fff' })?.brandColor).toEqual(['settings.colorInvalid'])
    expect(errors({ brandColor: '#facc15' })?.brandColor).toEqual(['settings.colorContrast'])
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1)
    expect(contrastWithWhite('#000000')).toBeCloseTo(21)
    expect(contrastWithWhite('#0f766e')).toBeGreaterThan(4.5)
  })

  it('takes phones with their area code, written as people write them', () => {
    expect(phoneDigits('(11) 3456-7890')).toBe('1134567890')
    expect(phoneDigits('+55 11 98765-4321')).toBe('5511987654321')
    expect(phoneDigits('3456-7890')).toBeNull()
    expect(phoneDigits('11 3456 7890 ramal 2')).toBeNull()
    expect(whatsappUrl('(11) 98765-4321')).toBe('https://wa.me/5511987654321')
    expect(whatsappUrl('+55 11 98765-4321')).toBe('https://wa.me/5511987654321')
    expect(errors({ supportPhone: '12345' })?.supportPhone).toEqual(['settings.phoneInvalid'])
    expect(errors({ whatsapp: 'chame no zap' })?.whatsapp).toEqual(['settings.phoneInvalid'])
  })

  it('takes a sender name and address, and refuses header-breaking names and malformed addresses', () => {
    const submission = parse({
      senderName: 'Vendas Tintas Sol',
      senderEmail: 'Vendas@TintasSol.example',
    })
    expect(submission.status === 'success' && submission.value).toMatchObject({
      senderName: 'Vendas Tintas Sol',
      senderEmail: 'vendas@tintassol.example',
    })
    expect(errors({ senderName: 'Tintas <Sol>' })?.senderName).toEqual([
      'settings.senderNameInvalid',
    ])
    expect(errors({ senderName: 'Tintas "Sol"' })?.senderName).toEqual([
      'settings.senderNameInvalid',
    ])
    expect(errors({ senderEmail: 'vendas@' })?.senderEmail).toEqual(['form.email'])
    expect(errors({ senderEmail: 'a@b.example\r\nBcc: x@y.example' })?.senderEmail).toEqual([
      'form.email',
    ])
  })

  it('writes the theme variables only for a valid colour', () => {
    expect(brandStylesheet('#1d4ed8')).toContain('--color-brand-700: #1d4ed8;')
    expect(brandStylesheet(null)).toBe('')
    expect(brandStylesheet('red;} body{display:none')).toBe('')
  })
})
