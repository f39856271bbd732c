import crypto from 'node:crypto'
import { render, toPlainText } from '@react-email/render'
import { type ReactElement } from 'react'
import { Resend } from 'resend'
import { isUniqueViolation, prisma } from './db.server'
import { env } from './env.server'
import { wake } from './wake.server'

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

/**
 * React 18's streaming renderer, which react-email uses, pads a 2 KB chunk with zero bytes when
 * the next character is multi-byte and does not fit (facebook/react#26228, fixed in React 19):
 * an accent at the wrong place put "\0" in the email, which PostgreSQL refuses to store. Zero
 * bytes are never part of an email's text, so they are dropped.
 */
const withoutZeroBytes = (rendered: string) => rendered.replaceAll('\u0000', '')

export async function renderEmail(react: ReactElement): Promise<{ html: string; text: string }> {
  // Rendered once: the text is the HTML's, converted (what `plainText: true` does after a
  // second render of its own).
  const html = await render(react)
  return { html: withoutZeroBytes(html), text: withoutZeroBytes(toPlainText(html)) }
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
      from: await mailSender(),
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
 * Queues a transactional email (order confirmation, password reset...) in the durable outbox,
 * rendered now; the worker sends it through Resend, or into the dev mailbox (/dev/mailbox)
 * when no API key is set, with retries, so a provider failure loses nothing (decision 009).
 * `key` names the email once (e.g. `order:42:confirmation`): queueing it again is a no-op, and
 * Resend gets it as the idempotency key.
 */
export async function sendEmail({
  to,
  subject,
  react,
  kind = 'transactional',
  key,
}: OutgoingEmail & { kind?: string; key?: string }): Promise<void> {
  const { html, text } = await renderEmail(react)
  try {
    await prisma.outboxMessage.create({
      data: {
        id: crypto.randomUUID(),
        idempotencyKey: `${kind}:${key ?? crypto.randomUUID()}`,
        kind,
        to,
        subject,
        html,
        text,
      },
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error // already queued under this key
  }
  wake('outbox')
}

export type SenderSettings = {
  companyName: string | null
  senderName: string | null
  senderEmail: string | null
}

/**
 * The From of every email: the sender name set in the company's settings (or the company's
 * name) before the sender address set there (or MAIL_FROM's address, the one the operator's
 * mail provider verified). The demo, never named, keeps MAIL_FROM as it is.
 */
export function senderFor(
  { companyName, senderName, senderEmail }: SenderSettings,
  mailFrom = env().MAIL_FROM,
): string {
  const fromAddress = /<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom.trim()
  const address = senderEmail?.trim() || fromAddress
  // A quoted display name may hold any character but the quote and the backslash.
  const name = (senderName || companyName || '').replace(/["\\\r\n]/g, '').trim()
  if (name) return `"${name}" <${address}>`
  return senderEmail ? address : mailFrom
}

/** The sender of every email now. Call it outside a transaction (one more read). */
export async function mailSender(): Promise<string> {
  const settings = await prisma.appSettings.findUnique({
    where: { id: 1 },
    select: { companyName: true, senderName: true, senderEmail: true },
  })
  return senderFor({
    companyName: settings?.companyName ?? null,
    senderName: settings?.senderName ?? null,
    senderEmail: settings?.senderEmail ?? null,
  })
}

export function isDevMailboxEnabled(): boolean {
  return !env().RESEND_API_KEY
}
