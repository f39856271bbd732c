/**
 * The outreach forms as the call queue, the rep's queue and the account page submit them: one
 * reply shape per form, so each page shows the answer beside the right account's form.
 */
import { parseWithZod } from '@conform-to/zod'
import { sendPersonalInvitation } from '~/domain/campaigns/campaigns.server'
import { formMessage, replyErrors } from '~/utils/form-schema'
import { ContactLogSchema, MAX_CALL_BACK_DAYS, NoteSchema } from './contact-form'
import { addAccountNote, logContact, type OutreachActor } from './contacts.server'

type Sender = OutreachActor & { locale: string; name: string }

const notFound = () => new Response('Not found', { status: 404 })

/** "Log a contact" (intent `contact`). */
export async function contactFormAction(actor: OutreachActor, form: FormData, now = new Date()) {
  const accountId = String(form.get('accountId') ?? '')
  const submission = parseWithZod(form, { schema: ContactLogSchema })
  if (submission.status !== 'success') {
    return {
      status: 400,
      data: { form: 'contact' as const, accountId, result: submission.reply(), logged: null },
    }
  }
  const logged = await logContact(actor, submission.value, now)
  if (!logged.ok) {
    if (logged.code === 'NOT_FOUND') throw notFound()
    const message =
      logged.code === 'CALL_BACK_PAST'
        ? formMessage('outreach.callBackPast')
        : formMessage('outreach.callBackFar', { days: MAX_CALL_BACK_DAYS })
    return {
      status: 400,
      data: {
        form: 'contact' as const,
        accountId,
        result: submission.reply(replyErrors({ callBackOn: [message] })),
        logged: null,
      },
    }
  }
  return {
    status: 200,
    data: {
      form: 'contact' as const,
      accountId,
      result: submission.reply(),
      // The page shows a fresh form for the next contact (keyed by this log).
      logged: { outcome: submission.value.outcome, id: logged.id, account: logged.tradeName },
    },
  }
}

/** "Add a note" (intent `note`) on the account's timeline. */
export async function noteFormAction(
  actor: OutreachActor,
  accountId: string,
  form: FormData,
  now = new Date(),
) {
  const submission = parseWithZod(form, { schema: NoteSchema })
  if (submission.status !== 'success') {
    return {
      status: 400,
      data: { form: 'note' as const, result: submission.reply(), saved: false },
    }
  }
  const saved = await addAccountNote(actor, accountId, submission.value.text, now)
  if (!saved.ok) throw notFound()
  return {
    status: 200,
    data: { form: 'note' as const, result: submission.reply({ resetForm: true }), saved: true },
  }
}

/** "Invite by WhatsApp" (intent `whatsapp`): the click-to-chat link, or why not. */
export async function whatsappInviteAction(sender: Sender, form: FormData, now = new Date()) {
  const accountId = String(form.get('accountId') ?? '')
  const sent = await sendPersonalInvitation(sender, accountId, { channel: 'WHATSAPP', now })
  if (!sent.ok && sent.code === 'NOT_YOUR_ACCOUNT') throw notFound()
  return {
    status: sent.ok ? 200 : 400,
    data: { form: 'whatsapp' as const, accountId, sent },
  }
}
