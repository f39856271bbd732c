/**
 * What the sales team logs about an account: each contact by phone or WhatsApp with its outcome,
 * call-backs, why the shop stopped buying, and notes. Each is one row of the account's timeline
 * (./timeline.server.ts); the latest contact is also kept on the account, so the call queue
 * (./queue.server.ts) leaves out what was worked recently and brings call-backs back on their day.
 */
import { type Role } from '@prisma/client'
import { audit } from '~/domain/audit/audit.server'
import { BRASILIA_TIME_ZONE, DAY_MS, localDateIn } from '~/utils/dates'
import { prisma } from '~/utils/db.server'
import { brazilianDay } from '~/utils/form-schema'
import { MAX_CALL_BACK_DAYS, type ContactLogInput } from './contact-form'

/** Who logs: staff with the queue, or a rep, who works only their own accounts. */
export type OutreachActor = { id: string; role: Role; repId: string | null }

export type LogContactResult =
  | { ok: true; id: string; tradeName: string }
  | { ok: false; code: 'NOT_FOUND' | 'CALL_BACK_PAST' | 'CALL_BACK_FAR' }

/** The account as `actor` may work it, or null (a rep's view stops at their own accounts). */
async function workableAccount(actor: OutreachActor, accountId: string) {
  const account = await prisma.account.findUnique({
    where: { id: accountId },
    select: { id: true, repId: true, tradeName: true },
  })
  if (!account) return null
  if (actor.role === 'REP' && (!actor.repId || account.repId !== actor.repId)) return null
  return account
}

/** The first moment of today in Brasília. */
function startOfToday(now: Date): Date {
  return brazilianDay(localDateIn(now, BRASILIA_TIME_ZONE))!
}

/**
 * Logs a contact. "Call back" needs a day from today to MAX_CALL_BACK_DAYS ahead and puts the
 * account back in the queue that day; "wrong number" flags the account's numbers until they are
 * edited; "not interested" records why the shop stopped. Any other outcome clears a pending
 * call-back: the contact happened.
 */
export async function logContact(
  actor: OutreachActor,
  input: ContactLogInput,
  now = new Date(),
): Promise<LogContactResult> {
  const account = await workableAccount(actor, input.accountId)
  if (!account) return { ok: false, code: 'NOT_FOUND' }
  if (input.callBackAt) {
    const today = startOfToday(now)
    if (input.callBackAt < today) return { ok: false, code: 'CALL_BACK_PAST' }
    if (input.callBackAt.getTime() > today.getTime() + MAX_CALL_BACK_DAYS * DAY_MS) {
      return { ok: false, code: 'CALL_BACK_FAR' }
    }
  }
  return prisma.$transaction(async (tx) => {
    const log = await tx.contactLog.create({
      data: {
        accountId: account.id,
        userId: actor.id,
        channel: input.channel,
        outcome: input.outcome,
        callBackAt: input.callBackAt,
        note: input.note,
        createdAt: now,
      },
      select: { id: true },
    })
    if (input.reason) {
      await tx.stopReasonAnswer.create({
        data: {
          accountId: account.id,
          reason: input.reason,
          comment: input.note,
          source: 'CALL',
          contactLogId: log.id,
          createdAt: now,
        },
      })
    }
    await tx.account.update({
      where: { id: account.id },
      data: {
        lastContactAt: now,
        lastContactOutcome: input.outcome,
        callBackAt: input.callBackAt,
        ...(input.outcome === 'WRONG_NUMBER' ? { phoneWrongAt: now } : {}),
      },
    })
    await audit(tx, {
      actorId: actor.id,
      action: 'contact.log',
      entity: 'Account',
      entityId: account.id,
      changes: {
        channel: input.channel,
        outcome: input.outcome,
        callBackAt: input.callBackAt?.toISOString() ?? null,
        reason: input.reason,
      },
      at: now,
    })
    return { ok: true as const, id: log.id, tradeName: account.tradeName }
  })
}

/** A note on the account's timeline. */
export async function addAccountNote(
  actor: OutreachActor,
  accountId: string,
  text: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; code: 'NOT_FOUND' }> {
  const account = await workableAccount(actor, accountId)
  if (!account) return { ok: false, code: 'NOT_FOUND' }
  await prisma.accountNote.create({
    data: { accountId: account.id, authorId: actor.id, text, createdAt: now },
  })
  return { ok: true }
}
