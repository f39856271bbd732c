/**
 * Payment terms in the back office: the terms, how many accounts may use each, creating one and
 * deleting one that no account may use and no order was placed on. Which accounts may use a
 * term is set on the account's page (commercial terms).
 */
import { audit } from '~/domain/audit/audit.server'
import { prisma } from '~/utils/db.server'
import type { FormErrors } from '~/utils/form-schema'
import { formMessage } from '~/utils/form-schema'
import { termDays } from './pricing-forms'

export async function listPaymentTerms() {
  const terms = await prisma.paymentTerm.findMany({
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: { id: true, code: true, sortOrder: true, _count: { select: { accounts: true } } },
  })
  return terms.map(({ _count, ...term }) => ({ ...term, accounts: _count.accounts }))
}

type Result = { ok: true; id: string } | { ok: false; errors: FormErrors }

/** Creates a term after the others, audited; the code must be well formed and new. */
export async function createPaymentTerm(actorId: string, code: string): Promise<Result> {
  if (!termDays(code)) {
    return { ok: false, errors: { code: [formMessage('pricing.form.termCode', { max: 365 })] } }
  }
  return prisma.$transaction(async (tx) => {
    if (await tx.paymentTerm.findUnique({ where: { code }, select: { id: true } })) {
      return {
        ok: false as const,
        errors: { code: [formMessage('pricing.form.termTaken', { code })] },
      }
    }
    const last = await tx.paymentTerm.aggregate({ _max: { sortOrder: true } })
    const term = await tx.paymentTerm.create({
      data: { code, sortOrder: (last._max.sortOrder ?? 0) + 1 },
    })
    await audit(tx, {
      actorId,
      action: 'payment_term.created',
      entity: 'PaymentTerm',
      entityId: term.id,
      changes: { code },
    })
    return { ok: true as const, id: term.id }
  })
}

export type DeleteTermResult =
  | { ok: true }
  | { ok: false; code: 'NOT_FOUND' | 'IN_USE_BY_ACCOUNTS' | 'USED_BY_ORDERS'; count?: number }

/** Deletes a term that no account may use and no order references, audited. */
export async function deletePaymentTerm(actorId: string, id: string): Promise<DeleteTermResult> {
  return prisma.$transaction(async (tx) => {
    const term = await tx.paymentTerm.findUnique({
      where: { id },
      select: { code: true, _count: { select: { accounts: true } } },
    })
    if (!term) return { ok: false as const, code: 'NOT_FOUND' as const }
    if (term._count.accounts > 0) {
      return {
        ok: false as const,
        code: 'IN_USE_BY_ACCOUNTS' as const,
        count: term._count.accounts,
      }
    }
    const orders = await tx.order.count({ where: { paymentTermCode: term.code } })
    if (orders > 0) return { ok: false as const, code: 'USED_BY_ORDERS' as const, count: orders }
    await tx.paymentTerm.delete({ where: { id } })
    await audit(tx, {
      actorId,
      action: 'payment_term.deleted',
      entity: 'PaymentTerm',
      entityId: id,
      changes: { code: term.code },
    })
    return { ok: true as const }
  })
}
