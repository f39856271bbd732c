import { render } from '@react-email/render'
import { type ReactElement } from 'react'
import { Resend } from 'resend'
import { prisma } from './db.server'
import { env } from './env.server'

export type OutgoingEmail = { to: string; subject: string; react: ReactElement }

let resend: Resend | undefined

/**
 * Sends through Resend when RESEND_API_KEY is set; otherwise stores the message in the dev
 * mailbox (table MailboxMessage, page /dev/mailbox), which is also what the e2e tests read.
 */
export async function sendEmail({ to, subject, react }: OutgoingEmail): Promise<void> {
  const settings = env()
  const [html, text] = await Promise.all([render(react), render(react, { plainText: true })])
  if (!settings.RESEND_API_KEY) {
    await prisma.mailboxMessage.create({
      data: { to, from: settings.MAIL_FROM, subject, html, text },
    })
    return
  }
  resend ??= new Resend(settings.RESEND_API_KEY)
  const { error } = await resend.emails.send({ from: settings.MAIL_FROM, to, subject, html, text })
  if (error) throw new Error(`Resend refused the email: ${error.name}: ${error.message}`)
}

export function isDevMailboxEnabled(): boolean {
  return !env().RESEND_API_KEY
}
