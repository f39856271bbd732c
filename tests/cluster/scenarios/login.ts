import { translator } from '~/utils/i18n.server'
import { Browser, showsMessage } from '../client'
import { LOGIN_MAX_FAILURES_PER_EMAIL } from '../cluster'
import { type Scenario } from '../report'

const PASSWORD = 'reativa123'
const SESSION_COOKIE = 'reativa_session'
const t = translator('pt-BR')

export const loginLimitAcrossInstances: Scenario = {
  id: 'd',
  title:
    'wrong passwords for one email count on every instance: the 6th attempt, and the right password after it, are refused as rate limited',
  timeoutMs: 60_000,
  async run({ robin }, report) {
    const email = 'compras@reativa.dev'
    const browser = new Browser()
    const statuses: number[] = []
    // Round robin: each instance sees only two of the six.
    for (let attempt = 1; attempt <= LOGIN_MAX_FAILURES_PER_EMAIL + 1; attempt++) {
      const answer = await browser.postForm(robin.next(), '/auth/login', {
        email,
        password: `wrong-password-${attempt}`,
      })
      statuses.push(answer.status)
      if (attempt <= LOGIN_MAX_FAILURES_PER_EMAIL)
        report.truthy(
          `attempt ${attempt} says the password is wrong`,
          answer.status === 400 && showsMessage(answer.html, t('login.invalid')),
          `status ${answer.status}`,
        )
      else
        report.truthy(
          `attempt ${attempt} says there were too many attempts`,
          answer.status === 429 && showsMessage(answer.html, t('login.rateLimited')),
          `status ${answer.status}`,
        )
    }
    report.note('answers to the 6 wrong passwords', statuses.join(' '))
    report.equal('the 6th answer', statuses.at(-1), 429)

    const right = await browser.postForm(robin.next(), '/auth/login', { email, password: PASSWORD })
    report.equal('the right password after them', right.status, 429)
    report.equal('a session was opened', browser.hasCookie(SESSION_COOKIE), false)

    // The limit is per email: someone else still logs in, on any instance.
    const other = new Browser()
    const ok = await other.postForm(robin.next(), '/auth/login', {
      email: 'comprador@reativa.dev',
      password: PASSWORD,
    })
    report.equal('another buyer logging in with the right password', ok.status, 302)
    report.equal('that buyer has a session', other.hasCookie(SESSION_COOKIE), true)
  },
}
