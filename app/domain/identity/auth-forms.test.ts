import { parseWithZod } from '@conform-to/zod'
import { formMessage } from '~/utils/form-schema'
import { ForgotPasswordSchema, LoginSchema, ResetPasswordSchema } from './auth-forms'

function formData(entries: Record<string, string>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) data.append(name, value)
  return data
}

const PASSWORD_LENGTH = formMessage('validation.passwordLength', { min: 8 })

describe('the login form', () => {
  it('asks for both fields and a well-formed email, each beside its field', () => {
    const empty = parseWithZod(formData({ email: '', password: '' }), { schema: LoginSchema })
    expect(empty.status === 'error' && empty.error).toEqual({
      email: ['form.required'],
      password: ['form.required'],
    })
    const bad = parseWithZod(formData({ email: 'nao-e-email', password: 'x' }), {
      schema: LoginSchema,
    })
    expect(bad.status === 'error' && bad.error).toEqual({ email: ['validation.email'] })
  })

  it('trims the email but keeps the password exactly as typed', () => {
    const ok = parseWithZod(
      formData({ email: ' loja@exemplo.com ', password: ' com espaços ', redirectTo: '/orders' }),
      { schema: LoginSchema },
    )
    expect(ok.status === 'success' && ok.value).toEqual({
      email: 'loja@exemplo.com',
      password: ' com espaços ',
      redirectTo: '/orders',
    })
  })
})

describe('the forgotten-password form', () => {
  it('refuses what is not an email', () => {
    const bad = parseWithZod(formData({ email: 'loja@' }), { schema: ForgotPasswordSchema })
    expect(bad.status === 'error' && bad.error).toEqual({ email: ['validation.email'] })
  })
})

describe('the new-password form', () => {
  it('puts a short password beside the password and a mismatch beside the repetition', () => {
    const short = parseWithZod(formData({ token: 't', password: 'curta', confirm: 'curta' }), {
      schema: ResetPasswordSchema,
    })
    expect(short.status === 'error' && short.error).toEqual({ password: [PASSWORD_LENGTH] })
    const mismatch = parseWithZod(
      formData({ token: 't', password: 'senha-forte-1', confirm: 'senha-forte-2' }),
      { schema: ResetPasswordSchema },
    )
    expect(mismatch.status === 'error' && mismatch.error).toEqual({
      confirm: ['validation.passwordMatch'],
    })
    const both = parseWithZod(formData({ token: 't', password: 'curta', confirm: 'outra' }), {
      schema: ResetPasswordSchema,
    })
    expect(both.status === 'error' && both.error).toEqual({
      password: [PASSWORD_LENGTH],
      confirm: ['validation.passwordMatch'],
    })
    const missing = parseWithZod(formData({ token: 't', password: '', confirm: '' }), {
      schema: ResetPasswordSchema,
    })
    expect(missing.status === 'error' && missing.error).toEqual({
      password: ['form.required'],
      confirm: ['form.required'],
    })
  })

  it('gives the domain the token and the password', () => {
    const ok = parseWithZod(
      formData({ token: 'abc', password: 'senha-forte', confirm: 'senha-forte' }),
      { schema: ResetPasswordSchema },
    )
    expect(ok.status === 'success' && ok.value).toEqual({
      token: 'abc',
      password: 'senha-forte',
      confirm: 'senha-forte',
    })
  })
})
