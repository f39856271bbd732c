import { parseEnv, secureCookiesEnabled } from './env.server'

describe('settings', () => {
  it('runs with nothing set', () => {
    const settings = parseEnv({})
    expect(settings).toMatchObject({
      PORT: 3000,
      APP_URL: 'http://localhost:3000',
      NODE_ENV: 'development',
    })
    expect(settings.RESEND_API_KEY).toBeUndefined()
  })

  it('treats blank values as unset', () => {
    expect(parseEnv({ RESEND_API_KEY: '', PORT: '' }).PORT).toBe(3000)
  })

  it('reads the older spellings of the login limits when the new ones are not set', () => {
    expect(parseEnv({})).toMatchObject({
      LOGIN_MAX_FAILURES_PER_EMAIL_AND_IP: 5,
      LOGIN_MAX_FAILURES_PER_IP: 50,
      LOGIN_SLOWDOWN_MAX_MS: 3_000,
    })
    expect(
      parseEnv({ LOGIN_MAX_ATTEMPTS_PER_IP: '100000', LOGIN_MAX_FAILURES_PER_EMAIL: '3' }),
    ).toMatchObject({ LOGIN_MAX_FAILURES_PER_IP: 100_000, LOGIN_MAX_FAILURES_PER_EMAIL_AND_IP: 3 })
    expect(
      parseEnv({ LOGIN_MAX_FAILURES_PER_IP: '7', LOGIN_MAX_ATTEMPTS_PER_IP: '100000' }),
    ).toMatchObject({ LOGIN_MAX_FAILURES_PER_IP: 7 })
    expect(() => parseEnv({ LOGIN_SLOWDOWN_MAX_MS: '-1' })).toThrow(/LOGIN_SLOWDOWN_MAX_MS/)
  })

  it('stops with a clear message on an invalid value', () => {
    expect(() => parseEnv({ APP_URL: 'not a url', PORT: 'abc' })).toThrow(
      /Invalid settings[\s\S]*PORT: [\s\S]*APP_URL: Invalid url/,
    )
  })

  it('uses Secure cookies in production except on a plain-HTTP localhost', () => {
    expect(
      secureCookiesEnabled(parseEnv({ NODE_ENV: 'production', APP_URL: 'https://portal.example' })),
    ).toBe(true)
    expect(
      secureCookiesEnabled(parseEnv({ NODE_ENV: 'production', APP_URL: 'http://portal.example' })),
    ).toBe(true)
    expect(secureCookiesEnabled(parseEnv({ NODE_ENV: 'production' }))).toBe(false)
    expect(
      secureCookiesEnabled(
        parseEnv({ NODE_ENV: 'development', APP_URL: 'https://portal.example' }),
      ),
    ).toBe(false)
  })

  it('takes a SQLite file or a PostgreSQL URL as the database, and a process role', () => {
    expect(parseEnv({}).REATIVA_ROLE).toBe('all')
    expect(
      parseEnv({
        DATABASE_URL: 'postgresql://app:secret@db.internal:5432/reativa',
        REATIVA_ROLE: 'web',
      }),
    ).toMatchObject({ REATIVA_ROLE: 'web', DATABASE_POOL_SIZE: 10 })
    expect(parseEnv({ DATABASE_URL: 'file:./data/reativa.db' }).DATABASE_URL).toBe(
      'file:./data/reativa.db',
    )
    expect(() => parseEnv({ DATABASE_URL: 'mysql://db/reativa' })).toThrow(
      /DATABASE_URL: expected file:… \(SQLite\) or postgresql:\/\/…/,
    )
    expect(() => parseEnv({ REATIVA_ROLE: 'both' })).toThrow(/REATIVA_ROLE/)
  })

  it('takes an instance name without spaces or the separators of lease holders', () => {
    expect(parseEnv({ REATIVA_INSTANCE: 'worker-1' }).REATIVA_INSTANCE).toBe('worker-1')
    expect(() => parseEnv({ REATIVA_INSTANCE: 'worker 1' })).toThrow(/REATIVA_INSTANCE/)
    expect(() => parseEnv({ REATIVA_INSTANCE: 'a|b' })).toThrow(/REATIVA_INSTANCE/)
  })
})
