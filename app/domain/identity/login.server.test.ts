import { createUser } from '#tests/fixtures/factories'
import { hashPassword } from '~/utils/password.server'
import { authenticate } from './login.server'

describe('login', () => {
  it('accepts the right password whatever the case of the email', async () => {
    const user = await createUser({
      email: 'Maria@Loja.example'.toLowerCase(),
      passwordHash: await hashPassword('segredo-123'),
    })
    const result = await authenticate({
      email: '  MARIA@loja.example ',
      password: 'segredo-123',
      ip: '192.0.2.1',
    })
    expect(result).toEqual({ ok: true, user: { id: user.id, role: 'BUYER' } })
  })

  it('answers the same for a wrong password and an unknown email', async () => {
    await createUser({
      email: 'joao@loja.example',
      passwordHash: await hashPassword('segredo-123'),
    })
    expect(
      await authenticate({ email: 'joao@loja.example', password: 'wrong', ip: '192.0.2.2' }),
    ).toEqual({ ok: false, code: 'INVALID' })
    expect(
      await authenticate({ email: 'ghost@loja.example', password: 'wrong', ip: '192.0.2.2' }),
    ).toEqual({ ok: false, code: 'INVALID' })
  })

  it('locks an email after 5 failures, even with the right password, from any address', async () => {
    await createUser({
      email: 'alvo@loja.example',
      passwordHash: await hashPassword('segredo-123'),
    })
    for (let i = 0; i < 5; i++)
      await authenticate({ email: 'alvo@loja.example', password: 'guess', ip: `198.51.100.${i}` })
    const result = await authenticate({
      email: 'alvo@loja.example',
      password: 'segredo-123',
      ip: '198.51.100.99',
    })
    expect(result).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })

  it('limits attempts per client address across emails', async () => {
    const results = []
    for (let i = 0; i < 31; i++)
      results.push(
        await authenticate({ email: `n${i}@x.example`, password: 'x', ip: '203.0.113.7' }),
      )
    expect(results.slice(0, 30).every((r) => !r.ok && r.code === 'INVALID')).toBe(true)
    expect(results[30]).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })
})
