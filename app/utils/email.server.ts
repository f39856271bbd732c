import { render } from '@react-email/render'
import { type ReactElement } from 'react'
import { Resend } from 'resend'
import { prisma } from './db.server'
import { env } from './env.server'

export type OutgoingEmail = { to: string; subject: string; react: ReactElement }
export type RenderedEmail = {
  to: string
  subject: string
  html: string
  text: string
  headers?: Record<string, string>
}

/** The provider refused or failed a send; `retryable` says whether trying later can work. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message)
    this.name = 'DeliveryError'
  }
}

let resend: { key: string; client: Resend } | undefined

function resendClient(key: string): Resend {
  if (resend?.key !== key) resend = { key, client: new Resend(key) }
  return resend.client
}

export async function renderEmail(react: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(react), render(react, { plainText: true })])
  return { html, text }
}

// Errors a later attempt cannot fix: the message itself is wrong.
const PERMANENT_ERRORS = new Set([
  'validation_error',
  'missing_required_field',
  'invalid_from_address',
  'invalid_attachment',
  'invalid_idempotent_request',
])

/**
 * Sends through Resend's SDK. The idempotency key makes a retry after an unknown outcome (a
 * timeout, a crash before the result was saved) return the first send instead of a second
 * email. Returns Resend's message id.
 */
export async function sendWithResend(
  email: RenderedEmail,
  idempotencyKey?: string,
): Promise<string> {
  const settings = env()
  if (!settings.RESEND_API_KEY) throw new DeliveryError('RESEND_API_KEY is not set', false)
  const { data, error } = await resendClient(settings.RESEND_API_KEY).emails.send(
    {
      from: settings.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: email.headers,
    },
    idempotencyKey ? { idempotencyKey } : undefined,
  )
  if (error || !data) {
    const status = (error as { statusCode?: number } | null)?.statusCode
    const name = error?.name ?? 'application_error'
    const permanent = PERMANENT_ERRORS.has(name) || status === 400 || status === 422
    throw new DeliveryError(`Resend: ${name}: ${error?.message ?? 'no response'}`, !permanent)
  }
  return data.id
}

/**
 * Sends through Resend when RESEND_API_KEY is set; otherwise stores the message in the dev
 * mailbox (table MailboxMessage, page /dev/mailbox), which is also what the e2e tests read.
 * For transactional mail (order confirmation, password reset); campaigns go through the outbox.
 */
export async function sendEmail({ to, subject, react }: OutgoingEmail): Promise<void> {
  const settings = env()
  const rendered = { to, subject, ...(await renderEmail(react)) }
  if (!settings.RESEND_API_KEY) {
    await prisma.mailboxMessage.create({ data: { ...rendered, from: settings.MAIL_FROM } })
    return
  }
  await sendWithResend(rendered)
}

export function isDevMailboxEnabled(): boolean {
  return !env().RESEND_API_KEY
}
