/** An account's commercial terms: its price list, the payment terms it may use, its minimum order. */
import { prisma, type Tx } from '~/utils/db.server'
import { addFormIssue } from '~/utils/form-schema'
import { audit, diffFields } from '~/domain/audit/audit.server'
import { commercialTermsSchema, MAX_MINIMUM_ORDER_CENTS } from './account-forms'
import type { CommercialTerms } from './account-forms'

export async function commercialTermOptions() {
  const [priceLists, paymentTerms] = await Promise.all([
    prisma.priceList.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    prisma.paymentTerm.findMany({ orderBy: { sortOrder: 'asc' }, select: { code: true } }),
  ])
  return { priceLists, paymentTerms: paymentTerms.map((t) => t.code) }
}

/**
 * The commercial-terms form's schema on the server (parse it with `async: true`): the
 * browser's checks, and a price list and payment terms that exist, each on its own field.
 */
export function commercialTermsSchemaForSave() {
  return commercialTermsSchema(async (terms, ctx) => {
    if (
      terms.priceListId &&
      !(await prisma.priceList.findUnique({ where: { id: terms.priceListId } }))
    ) {
      addFormIssue(ctx, 'priceListId', 'account.unknownPriceList')
    }
    const codes = [...new Set(terms.termCodes)]
    const known = await prisma.paymentTerm.count({ where: { code: { in: codes } } })
    if (known !== codes.length) addFormIssue(ctx, 'termCodes', 'account.unknownTerm')
  })
}

/** Where the account page shows each refusal of `updateCommercialTerms`. */
export const COMMERCIAL_TERMS_FIELDS = {
  INVALID_MINIMUM: { field: 'minimumOrder', message: 'account.invalidMinimum' },
  UNKNOWN_PRICE_LIST: { field: 'priceListId', message: 'account.unknownPriceList' },
  UNKNOWN_TERM: { field: 'termCodes', message: 'account.unknownTerm' },
} as const

/** The edit's price list and payment terms, refused when one does not exist; codes sorted. */
async function existingTerms(tx: Tx, edit: CommercialTerms) {
  if (
    edit.priceListId &&
    !(await tx.priceList.findUnique({ where: { id: edit.priceListId }, select: { id: true } }))
  ) {
    return { ok: false as const, code: 'UNKNOWN_PRICE_LIST' as const }
  }
  const codes = [...new Set(edit.termCodes)].sort()
  const terms = await tx.paymentTerm.findMany({
    where: { code: { in: codes } },
    select: { id: true },
  })
  if (terms.length !== codes.length) return { ok: false as const, code: 'UNKNOWN_TERM' as const }
  return { ok: true as const, codes, terms }
}

/** Saves the account's commercial terms, audited; bad input changes nothing. */
export async function updateCommercialTerms(
  actorId: string,
  accountId: string,
  edit: CommercialTerms,
) {
  const { minimumOrderCents } = edit
  if (
    !Number.isInteger(minimumOrderCents) ||
    minimumOrderCents < 0 ||
    minimumOrderCents > MAX_MINIMUM_ORDER_CENTS
  ) {
    return { ok: false as const, code: 'INVALID_MINIMUM' as const }
  }
  return prisma.$transaction(async (tx) => {
    const before = await tx.account.findUnique({
      where: { id: accountId },
      select: {
        priceListId: true,
        minimumOrderCents: true,
        paymentTerms: { select: { code: true } },
      },
    })
    if (!before) return { ok: false as const, code: 'NOT_FOUND' as const }
    const checked = await existingTerms(tx, edit)
    if (!checked.ok) return checked
    const { codes, terms } = checked
    const beforeCodes = before.paymentTerms.map((t) => t.code).sort()
    const changes = {
      ...diffFields(
        { priceListId: before.priceListId, minimumOrderCents: before.minimumOrderCents },
        { priceListId: edit.priceListId, minimumOrderCents },
      ),
      ...(beforeCodes.join(',') !== codes.join(',')
        ? { paymentTerms: [beforeCodes.join(', '), codes.join(', ')] }
        : {}),
    }
    if (!Object.keys(changes).length) return { ok: true as const, changed: 0 }
    await tx.account.update({
      where: { id: accountId },
      data: {
        priceListId: edit.priceListId,
        minimumOrderCents,
        paymentTerms: { set: terms.map((t) => ({ id: t.id })) },
      },
    })
    await audit(tx, {
      actorId,
      action: 'account.commercial_terms',
      entity: 'Account',
      entityId: accountId,
      changes,
    })
    return { ok: true as const, changed: Object.keys(changes).length }
  })
}

/** What a new account gets: the settings' price list and minimum order, the terms so marked. */
export async function getNewAccountDefaults(
  db: Tx | typeof prisma = prisma,
): Promise<CommercialTerms> {
  const [settings, terms] = await Promise.all([
    db.appSettings.findUnique({
      where: { id: 1 },
      select: { defaultPriceListId: true, defaultMinimumOrderCents: true },
    }),
    db.paymentTerm.findMany({
      where: { forNewAccounts: true },
      orderBy: { sortOrder: 'asc' },
      select: { code: true },
    }),
  ])
  return {
    priceListId: settings?.defaultPriceListId ?? null,
    termCodes: terms.map((term) => term.code),
    minimumOrderCents: settings?.defaultMinimumOrderCents ?? 0,
  }
}

/**
 * The new-account defaults as `account.create` data, read once per transaction (an import step
 * creates many accounts with one read). Fields a caller sets after spreading this win.
 */
export async function newAccountTerms(db: Tx | typeof prisma = prisma) {
  const defaults = await getNewAccountDefaults(db)
  return {
    priceListId: defaults.priceListId,
    minimumOrderCents: defaults.minimumOrderCents,
    ...(defaults.termCodes.length
      ? { paymentTerms: { connect: defaults.termCodes.map((code) => ({ code })) } }
      : {}),
  }
}

/** Saves what new accounts get (settings), audited; accounts that exist keep their terms. */
export async function updateNewAccountDefaults(actorId: string, edit: CommercialTerms) {
  const { minimumOrderCents } = edit
  if (
    !Number.isInteger(minimumOrderCents) ||
    minimumOrderCents < 0 ||
    minimumOrderCents > MAX_MINIMUM_ORDER_CENTS
  ) {
    return { ok: false as const, code: 'INVALID_MINIMUM' as const }
  }
  return prisma.$transaction(async (tx) => {
    const checked = await existingTerms(tx, edit)
    if (!checked.ok) return checked
    const { codes } = checked
    const before = await getNewAccountDefaults(tx)
    const beforeCodes = [...before.termCodes].sort()
    const changes = {
      ...diffFields(
        { priceListId: before.priceListId, minimumOrderCents: before.minimumOrderCents },
        { priceListId: edit.priceListId, minimumOrderCents },
      ),
      ...(beforeCodes.join(',') !== codes.join(',')
        ? { paymentTerms: [beforeCodes.join(', '), codes.join(', ')] }
        : {}),
    }
    if (!Object.keys(changes).length) return { ok: true as const, changed: 0 }
    const settings = {
      defaultPriceListId: edit.priceListId,
      defaultMinimumOrderCents: minimumOrderCents,
    }
    await tx.appSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...settings },
      update: settings,
    })
    await tx.paymentTerm.updateMany({
      where: { forNewAccounts: true, code: { notIn: codes } },
      data: { forNewAccounts: false },
    })
    await tx.paymentTerm.updateMany({
      where: { code: { in: codes } },
      data: { forNewAccounts: true },
    })
    await audit(tx, {
      actorId,
      action: 'settings.new_account_terms',
      entity: 'AppSettings',
      entityId: '1',
      changes,
    })
    return { ok: true as const, changed: Object.keys(changes).length }
  })
}
