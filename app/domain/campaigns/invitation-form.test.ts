import { parseWithZod } from '@conform-to/zod'
import { formMessage } from '~/utils/form-schema'
import { invitationSchema } from './invitation-form'

function formData(entries: Record<string, string>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) data.append(name, value)
  return data
}

describe('the invitation landing form', () => {
  it('asks a new buyer for a name, a long enough password and the same one again', () => {
    const schema = invitationSchema('SET_PASSWORD', { nameRequired: true })
    const bad = parseWithZod(formData({ name: 'J', password: 'curta', confirm: 'outra' }), {
      schema,
    })
    expect(bad.status === 'error' && bad.error).toEqual({
      name: ['invite.error.NAME_REQUIRED'],
      password: [formMessage('validation.passwordLength', { min: 8 })],
      confirm: ['validation.passwordMatch'],
    })
    const ok = parseWithZod(
      formData({ name: ' Joana ', password: 'voltei-para-ficar', confirm: 'voltei-para-ficar' }),
      { schema },
    )
    expect(ok.status === 'success' && ok.value).toEqual({
      name: 'Joana',
      password: 'voltei-para-ficar',
      confirm: 'voltei-para-ficar',
    })
  })

  it('does not ask for a name when the buyer already has a login without a password', () => {
    const schema = invitationSchema('SET_PASSWORD')
    const ok = parseWithZod(
      formData({ name: '', password: 'senha-forte', confirm: 'senha-forte' }),
      {
        schema,
      },
    )
    expect(ok.status === 'success' && ok.value).toMatchObject({ name: '' })
  })

  it('only asks for the password of a buyer who logs in', () => {
    const schema = invitationSchema('LOG_IN')
    const empty = parseWithZod(formData({ password: '' }), { schema })
    expect(empty.status === 'error' && empty.error).toEqual({ password: ['form.required'] })
    const ok = parseWithZod(formData({ password: 'x' }), { schema })
    expect(ok.status === 'success' && ok.value).toEqual({ name: '', password: 'x', confirm: 'x' })
  })
})
