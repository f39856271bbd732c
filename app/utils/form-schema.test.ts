import { parseWithZod } from '@conform-to/zod'
import { z } from 'zod'
import {
  formConstraint,
  formErrorsOf,
  formMessage,
  optionalText,
  readFormMessage,
  replyErrors,
  requiredText,
} from './form-schema'

const form = (entries: Record<string, string>) => {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) data.append(name, value)
  return data
}

describe('form messages', () => {
  it('carry a message key and the values it needs, money and dates untranslated', () => {
    const message = formMessage('offerRefusal.BELOW_MINIMUM', {
      minimum: { money: 50_000 },
      missing: { money: 1_234 },
    })
    expect(message).toBe(
      'offerRefusal.BELOW_MINIMUM {"minimum":{"money":50000},"missing":{"money":1234}}',
    )
    expect(readFormMessage(message)).toEqual({
      key: 'offerRefusal.BELOW_MINIMUM',
      values: { minimum: { money: 50_000 }, missing: { money: 1_234 } },
    })
    expect(readFormMessage('form.required')).toEqual({ key: 'form.required', values: {} })
    // A library's own English message is not mistaken for one of ours.
    expect(readFormMessage('Expected number, received nan').key).toBe(
      'Expected number, received nan',
    )
  })

  it('name fields as Conform does, with the form itself under ""', () => {
    const schema = z
      .object({ a: z.string().min(2, 'too-short'), list: z.array(z.string().min(1, 'empty')) })
      .refine(() => false, 'whole-form')
    const parsed = schema.safeParse({ a: 'x', list: ['ok', ''] })
    expect(parsed.success).toBe(false)
    const errors = formErrorsOf(parsed.error!)
    expect(errors).toEqual({ '': ['whole-form'], a: ['too-short'], 'list[1]': ['empty'] })
    expect(replyErrors({ '': ['whole-form'], a: ['too-short'] })).toEqual({
      formErrors: ['whole-form'],
      fieldErrors: { a: ['too-short'] },
    })
  })
})

describe('required text', () => {
  const schema = z
    .object({ name: requiredText(20, { min: 3 }), note: optionalText(5) })
    .superRefine((values, ctx) => {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'checked-between-fields' })
      void values
    })

  it('reports a missing value like any other error, so the checks between fields still run', () => {
    const submission = parseWithZod(form({ name: '', note: 'too long' }), { schema })
    expect(submission.status).toBe('error')
    expect(submission.status === 'error' && submission.error).toEqual({
      name: ['form.required'],
      note: [formMessage('form.tooLong', { count: 5 }), 'checked-between-fields'],
    })
    const short = parseWithZod(form({ name: '  ab ' }), { schema })
    expect(short.status === 'error' && short.error?.name).toEqual([
      formMessage('form.tooShort', { count: 3 }),
    ])
  })

  it('is marked required for the browser, with its length limit', () => {
    expect(formConstraint(schema)).toMatchObject({
      name: { required: true, maxLength: 20 },
      note: { required: false, maxLength: 5 },
    })
  })
})
