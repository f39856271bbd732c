import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type ImportBatch, type ImportKind } from '@prisma/client'
import { chunks } from '~/utils/chunks'
import { dialect, prisma, type Tx } from '~/utils/db.server'
import { readUpload, storeFile, withStoredFileOnDisk } from '~/utils/files.server'
import { runExclusive, type Lease } from '~/utils/jobs.server'
import { wake } from '~/utils/wake.server'
import { audit } from '~/domain/audit/audit.server'
import { addRevenue, removeRevenue } from '~/domain/accounts/revenue-summary.server'
import { syncAccounts } from '~/domain/accounts/reclassify.server'
import { accountSearchText } from '~/domain/accounts/search'
import { productSearchText } from '~/domain/catalog/search-text'
import { freeSlug } from '~/domain/catalog/catalog-admin.server'
import {
  analyzeImport,
  type Analysis,
  importFormatOf,
  type RowError,
  type SampleRow,
  type MappedCode,
  type NewAccount,
  type OrderRecord,
  type UnknownCode,
  canCreate,
} from './analyze.server'
import { familyIndex, familyKey, resolveFamilyPath } from './analyze-catalog.server'
import { hasWork, UNDOABLE_IMPORT_KINDS, unresolvedCodes } from './import-form'
import { newAccountTerms } from '~/domain/accounts/commercial-terms.server'
import { applyErpMoves, prepareErpMoves } from '~/domain/orders/order-admin.server'
import { deletePreviewRows, type OutcomeCounts, PreviewSink } from './preview-rows.server'

/** Where an upload streams while its request lasts; it is then kept in the database. */
export const UPLOAD_DIR = path.join(os.tmpdir(), 'reativa-uploads')
// A confirmed import's write goes in steps sized to take about this long each (decision 011),
// from FIRST_STEP records, never fewer than 5 nor more than 500. On SQLite a step holds the
// process's only connection, so steps are short; on PostgreSQL it holds only its rows' locks.
const STEP_TARGET_MS = dialect === 'sqlite' ? 40 : 200
const FIRST_STEP = 50
const MAX_PAUSE_MS = 200
// A confirmed import is written by one process at a time; another takes over once this runs out.
const IMPORT_LEASE_MS = 30_000

export type ImportPreview = {
  fileError: Analysis['fileError']
  errors: RowError[]
  alreadyImportedAt: string | null
  /** The first rows as they will be written (catalog imports). */
  sample?: SampleRow[]
  /** Orders files: product codes not in the catalog, each needing a choice before confirming. */
  unknownCodes?: UnknownCode[]
  /** The codes the manager chose to keep as history only (imported without a product). */
  historyCodes?: string[]
  /**
   * Codes read as a catalog product: mapped in this preview, or through a mapping remembered
   * from an earlier one.
   */
  mappedCodes?: MappedCode[]
  /** Orders files: distinct CNPJs with no account, whose orders are left out. */
  unknownAccounts?: number
  /**
   * The file's lines by outcome, each line once, as stored for the paged table (decision 024);
   * absent for batches previewed before there was one, and once the rows are deleted.
   */
  outcomes?: OutcomeCounts
  /** Orders files: the CNPJs with no account, as the file describes them. */
  newAccounts?: NewAccount[]
  /** Orders files: the customer columns (name, city, state) the file lacks. */
  missingAccountColumns?: string[]
  /** The manager's choice: create the accounts the file describes, in this batch. */
  createAccounts?: boolean
}

const CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** A name kept to 200 characters, its extension (which says how to read it) kept too. */
function storedName(fileName: string): string {
  if (fileName.length <= 200) return fileName
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(fileName)?.[0] ?? ''
  return fileName.slice(0, 200 - extension.length) + extension
}

/**
 * Keeps the uploaded file and records what importing it would do. Nothing in the portfolio
 * changes until `commitImport`.
 */
export async function previewImport({
  kind,
  file,
  fileName,
  actorId,
}: {
  kind: ImportKind
  file: string
  fileName: string
  actorId: string
}) {
  const upload = await readUpload(file).catch(async (error: unknown) => {
    await fs.promises.rm(file, { force: true })
    throw error
  })
  const format = importFormatOf(fileName)
  const fileHash = upload.sha256
  // The batch exists first, so the analysis can write its rows under it; until the analysis
  // is done it is a failed one (a process that dies meanwhile leaves it so, never confirmable).
  const batch = await prisma.$transaction(async (tx) => {
    const stored = await storeFile(tx, { ...upload, fileName, contentType: CONTENT_TYPES[format] })
    const unfinished: ImportPreview = {
      fileError: { code: 'UNFINISHED' },
      errors: [],
      alreadyImportedAt: null,
    }
    return tx.importBatch.create({
      data: {
        kind,
        fileName: storedName(fileName),
        fileHash,
        fileId: stored.id,
        status: 'FAILED',
        preview: JSON.stringify(unfinished),
        createdById: actorId,
      },
    })
  })
  const sink = new PreviewSink(batch.id)
  const analysis = await analyzeImport(kind, file, new Date(), format, { sink })
    .catch(async (error: unknown) => {
      await sink.close().catch(() => undefined)
      await deletePreviewRows(batch.id)
      throw error
    })
    .finally(() => fs.promises.rm(file, { force: true }))
  const outcomes = await sink.close()
  if (analysis.fileError) await deletePreviewRows(batch.id)
  const previous = await prisma.importBatch.findFirst({
    where: { kind, fileHash, status: 'COMMITTED' },
    orderBy: { committedAt: 'desc' },
    select: { committedAt: true },
  })
  const preview: ImportPreview = {
    ...previewOf(analysis),
    alreadyImportedAt: previous?.committedAt?.toISOString() ?? null,
    ...(analysis.fileError ? {} : { outcomes }),
  }
  return prisma.importBatch.update({
    where: { id: batch.id },
    data: {
      status: analysis.fileError ? 'FAILED' : 'PREVIEWED',
      ...countsOf(analysis),
      preview: JSON.stringify(preview),
    },
  })
}

/** What a preview shows of an analysis, besides the rows (stored apart) and the choices. */
function previewOf(analysis: Analysis): Omit<ImportPreview, 'alreadyImportedAt'> {
  return {
    fileError: analysis.fileError,
    errors: analysis.errors,
    ...(analysis.sample.length ? { sample: analysis.sample } : {}),
    ...(analysis.unknownCodes.length ? { unknownCodes: analysis.unknownCodes } : {}),
    ...(analysis.mappedCodes.length ? { mappedCodes: analysis.mappedCodes } : {}),
    ...(analysis.unknownAccounts ? { unknownAccounts: analysis.unknownAccounts } : {}),
    ...(analysis.newAccounts.length
      ? {
          newAccounts: analysis.newAccounts,
          missingAccountColumns: analysis.missingAccountColumns,
        }
      : {}),
  }
}

/** A batch's counts from its analysis. */
function countsOf(analysis: Analysis) {
  return {
    totalRows: analysis.totalRows,
    validRows: analysis.totalRows - analysis.errorRows,
    errorRows: analysis.errorRows,
    createdRows: analysis.toCreate,
    updatedRows: analysis.toUpdate,
    skippedRows: analysis.unchanged,
  }
}

export async function getImportBatch(id: string) {
  const batch = await prisma.importBatch.findUnique({ where: { id } })
  if (!batch) return null
  return { ...batch, preview: JSON.parse(batch.preview) as ImportPreview }
}

export function listImportBatches() {
  return prisma.importBatch.findMany({
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: {
      id: true,
      kind: true,
      fileName: true,
      status: true,
      totalRows: true,
      errorRows: true,
      createdRows: true,
      updatedRows: true,
      skippedRows: true,
      createdAt: true,
      committedAt: true,
    },
  })
}

export type RefusalCode =
  | 'NOT_FOUND'
  | 'NOT_PREVIEWED'
  | 'DISCARDED'
  | 'NOTHING_TO_WRITE'
  | 'UNKNOWN_CODES'

export type CommitResult =
  | { ok: true; created: number; updated: number; unchanged: number }
  | { ok: false; code: RefusalCode }

/**
 * Only one confirmation wins: the batch leaves PREVIEWED exactly once. A discarded batch, or
 * one whose preview found nothing to create or update, is refused with its reason.
 */
async function claim(batchId: string): Promise<CommitResult | { ok: true; batch: ImportBatch }> {
  const batch = await prisma.importBatch.findUnique({ where: { id: batchId } })
  if (!batch) return { ok: false, code: 'NOT_FOUND' }
  if (batch.status === 'DISCARDED') return { ok: false, code: 'DISCARDED' }
  if (batch.status === 'PREVIEWED' && !hasWork(batch))
    return { ok: false, code: 'NOTHING_TO_WRITE' }
  if (
    batch.status === 'PREVIEWED' &&
    unresolvedCodes(JSON.parse(batch.preview) as ImportPreview).length
  )
    return { ok: false, code: 'UNKNOWN_CODES' }
  const claimed = await prisma.importBatch.updateMany({
    where: { id: batchId, status: 'PREVIEWED' },
    data: { status: 'COMMITTING' },
  })
  if (claimed.count !== 1) return { ok: false, code: 'NOT_PREVIEWED' }
  return { ok: true, batch }
}

/** A batch whose unknown codes are being chosen: it must still be a preview. */
async function previewToChoose(tx: Tx, batchId: string) {
  const batch = await tx.importBatch.findUnique({
    where: { id: batchId },
    select: { id: true, status: true, preview: true, fileName: true },
  })
  if (!batch) return { ok: false, code: 'NOT_FOUND' } as const
  if (batch.status !== 'PREVIEWED') return { ok: false, code: 'NOT_PREVIEWED' } as const
  return { ok: true, batch, preview: JSON.parse(batch.preview) as ImportPreview } as const
}

/**
 * Saves a choice into the preview, audited; false when the batch left its preview or another
 * choice changed it first (the manager sees the page as it now is).
 */
async function saveChoice(
  tx: Tx,
  batch: { id: string; preview: string; fileName: string },
  next: ImportPreview,
  actorId: string,
  action: string,
  changes: Record<string, unknown>,
): Promise<boolean> {
  const updated = await tx.importBatch.updateMany({
    where: { id: batch.id, status: 'PREVIEWED', preview: batch.preview },
    data: { preview: JSON.stringify(next) },
  })
  if (updated.count !== 1) return false
  await audit(tx, {
    actorId,
    action,
    entity: 'ImportBatch',
    entityId: batch.id,
    changes: { fileName: batch.fileName, ...changes },
  })
  return true
}

export type CodeChoiceResult =
  | { ok: true }
  | { ok: false; code: 'NOT_FOUND' | 'NOT_PREVIEWED' | 'UNKNOWN_CODE' }

/**
 * The manager's choice for product codes not in the catalog: keep their lines as history only
 * (imported without a product, counting for inactivity and revenue). `code` null: every code
 * still without a choice. Only while the batch is PREVIEWED; audited.
 */
export async function keepCodesAsHistory(
  batchId: string,
  code: string | null,
  actorId: string,
): Promise<CodeChoiceResult> {
  return prisma.$transaction(async (tx) => {
    const found = await previewToChoose(tx, batchId)
    if (!found.ok) return found
    const { batch, preview } = found
    const pending = unresolvedCodes(preview)
    const codes = code === null ? pending : pending.filter((c) => c === code)
    if (code !== null && !preview.unknownCodes?.some((c) => c.code === code))
      return { ok: false, code: 'UNKNOWN_CODE' } as const
    // Nothing left to choose (already chosen, or a click repeated): nothing changes.
    if (!codes.length) return { ok: true } as const
    const next: ImportPreview = {
      ...preview,
      historyCodes: [...(preview.historyCodes ?? []), ...codes],
    }
    if (!(await saveChoice(tx, batch, next, actorId, 'import.keep_history', { codes })))
      return { ok: false, code: 'NOT_PREVIEWED' } as const
    return { ok: true } as const
  })
}

/** The preview to go back to when the file now has codes without a choice, else null. */
function staleCodes(batch: ImportBatch, analysis: Analysis): ImportPreview | null {
  if (batch.kind !== 'ORDERS') return null
  const preview = JSON.parse(batch.preview) as ImportPreview
  const now = {
    ...preview,
    unknownCodes: analysis.unknownCodes.length ? analysis.unknownCodes : undefined,
    mappedCodes: analysis.mappedCodes.length ? analysis.mappedCodes : undefined,
  }
  return unresolvedCodes({ ...now, mappedCodes: undefined }).length ? now : null
}

export type MapCodeResult =
  | { ok: true }
  | { ok: false; code: 'NOT_FOUND' | 'NOT_PREVIEWED' | 'UNKNOWN_CODE' | 'UNKNOWN_SKU' }

/**
 * Maps a product code of a previewed orders file to the catalog product with `sku`, and
 * remembers it: this file's lines with the code, and every later file's, are imported as that
 * product. A code kept as history may still be mapped (the mapping replaces that choice); a
 * mapping made before is replaced. Audited.
 */
export async function mapProductCode(
  batchId: string,
  { code, sku }: { code: string; sku: string },
  actorId: string,
): Promise<MapCodeResult> {
  return prisma.$transaction(async (tx) => {
    const found = await previewToChoose(tx, batchId)
    if (!found.ok) return found
    const { batch, preview } = found
    const unknown = preview.unknownCodes?.find((c) => c.code === code)
    if (!unknown) return { ok: false, code: 'UNKNOWN_CODE' } as const
    const product = await tx.product.findUnique({ where: { sku }, select: { id: true, sku: true } })
    if (!product) return { ok: false, code: 'UNKNOWN_SKU' } as const
    const next: ImportPreview = {
      ...preview,
      historyCodes: (preview.historyCodes ?? []).filter((c) => c !== code),
      mappedCodes: [
        ...(preview.mappedCodes ?? []).filter((c) => c.code !== code),
        { code, sku: product.sku, lines: unknown.lines },
      ].sort((a, b) => a.code.localeCompare(b.code)),
    }
    const changes = { code, sku: product.sku }
    if (!(await saveChoice(tx, batch, next, actorId, 'import.map_code', changes)))
      return { ok: false, code: 'NOT_PREVIEWED' } as const
    await tx.productCodeMapping.upsert({
      where: { code },
      create: { code, productId: product.id, createdById: actorId },
      update: { productId: product.id, createdById: actorId },
    })
    return { ok: true } as const
  })
}

export type NewAccountsChoiceResult =
  | { ok: true }
  | { ok: false; code: 'NOT_FOUND' | 'NOT_PREVIEWED' | 'NO_NEW_ACCOUNTS' | 'BUSY' }

/**
 * The manager's choice for an orders file's CNPJs with no account: create, in this batch and
 * before its orders, those the file names, places and states (`create`), or leave their orders
 * out (as before). Only while the batch is PREVIEWED; audited. The file is then analysed again
 * with the choice, so the rows, counts and errors say what confirming will do.
 */
export async function chooseNewAccounts(
  batchId: string,
  create: boolean,
  actorId: string,
): Promise<NewAccountsChoiceResult> {
  // Under the batch's lease, as its writer: another choice or a confirmation waits its turn
  // instead of racing this one's analysis and its rows.
  const run = await runExclusive(`import:${batchId}`, () =>
    chooseNewAccountsNow(batchId, create, actorId),
  )
  return run.ran ? run.value : { ok: false, code: 'BUSY' }
}

async function chooseNewAccountsNow(
  batchId: string,
  create: boolean,
  actorId: string,
): Promise<NewAccountsChoiceResult> {
  const chosen = await prisma.$transaction(async (tx) => {
    const found = await previewToChoose(tx, batchId)
    if (!found.ok) return found
    const { batch, preview } = found
    const creatable = (preview.newAccounts ?? []).filter(canCreate)
    if (!creatable.length) return { ok: false, code: 'NO_NEW_ACCOUNTS' } as const
    // The same choice again (a click repeated): nothing changes.
    if (!!preview.createAccounts === create) return { ok: true, changed: false } as const
    const next: ImportPreview = { ...preview, createAccounts: create }
    const action = create ? 'import.create_accounts' : 'import.skip_accounts'
    if (!(await saveChoice(tx, batch, next, actorId, action, { accounts: creatable.length })))
      return { ok: false, code: 'NOT_PREVIEWED' } as const
    return { ok: true, changed: true } as const
  })
  if (!chosen.ok) return chosen
  if (chosen.changed) await analyzeAgain(batchId)
  return { ok: true }
}

/**
 * A preview's file analysed again after a choice that changes what it writes: its rows are
 * written anew, its counts and errors replaced; the choices made stay.
 */
async function analyzeAgain(batchId: string) {
  const batch = await prisma.importBatch.findUnique({ where: { id: batchId } })
  if (!batch || batch.status !== 'PREVIEWED' || !batch.fileId) return
  const preview = JSON.parse(batch.preview) as ImportPreview
  await deletePreviewRows(batchId)
  const sink = new PreviewSink(batchId)
  const analysis = await withStoredFileOnDisk(batch.fileId, (file) =>
    analyzeImport(batch.kind, file, new Date(), importFormatOf(batch.fileName), {
      sink,
      createAccounts: preview.createAccounts,
    }),
  )
  const outcomes = await sink.close()
  if (!analysis) return
  const next: ImportPreview = {
    ...previewOf(analysis),
    alreadyImportedAt: preview.alreadyImportedAt,
    ...(preview.historyCodes ? { historyCodes: preview.historyCodes } : {}),
    ...(preview.createAccounts !== undefined ? { createAccounts: preview.createAccounts } : {}),
    ...(analysis.fileError ? {} : { outcomes }),
  }
  await prisma.importBatch.updateMany({
    where: { id: batchId, status: 'PREVIEWED', preview: batch.preview },
    data: {
      ...(analysis.fileError ? { status: 'FAILED' as const } : {}),
      ...countsOf(analysis),
      preview: JSON.stringify(next),
    },
  })
}

export type DiscardResult = { ok: true } | { ok: false; code: 'NOT_FOUND' | 'NOT_PREVIEWED' }

/**
 * Throws away a preview nobody will confirm: the batch is DISCARDED (kept in the history) and
 * its stored file deleted, in one transaction, audited. Only a PREVIEWED batch can be
 * discarded; one being written, written or refused stays as it is.
 */
export async function discardImport(batchId: string, actorId: string): Promise<DiscardResult> {
  return prisma
    .$transaction(async (tx) => {
      const batch = await tx.importBatch.findUnique({
        where: { id: batchId },
        select: { id: true, kind: true, fileName: true, fileId: true, status: true },
      })
      if (!batch) return { ok: false, code: 'NOT_FOUND' } as const
      const discarded = await tx.importBatch.updateMany({
        where: { id: batchId, status: 'PREVIEWED' },
        data: { status: 'DISCARDED', fileId: null },
      })
      if (discarded.count !== 1) return { ok: false, code: 'NOT_PREVIEWED' } as const
      if (batch.fileId) await tx.storedFile.deleteMany({ where: { id: batch.fileId } })
      await audit(tx, {
        actorId,
        action: 'import.discard',
        entity: 'ImportBatch',
        entityId: batch.id,
        changes: { kind: batch.kind, fileName: batch.fileName },
      })
      return { ok: true } as const
    })
    .then(async (result) => {
      // A few thousand rows a statement, after the discard: a long file never holds the writer.
      if (result.ok) await dropPreviewRows(batchId)
      return result
    })
}

/** Deletes a batch's preview rows once nobody will page them, and says so in its preview. */
async function dropPreviewRows(batchId: string) {
  await deletePreviewRows(batchId)
  const batch = await prisma.importBatch.findUnique({
    where: { id: batchId },
    select: { preview: true },
  })
  if (!batch) return
  const { outcomes: _outcomes, ...rest } = JSON.parse(batch.preview) as ImportPreview
  await prisma.importBatch.updateMany({
    where: { id: batchId, preview: batch.preview },
    data: { preview: JSON.stringify(rest) },
  })
}

/**
 * Confirms an import and waits for it (tests, scripts). The screen uses `startImport`, which
 * returns at once while a worker writes it.
 */
export async function commitImport(
  batchId: string,
  actorId: string,
  now = new Date(),
): Promise<CommitResult> {
  const claimed = await claim(batchId)
  if (!claimed.ok || !('batch' in claimed)) return claimed as CommitResult
  const outcome = await writeUnderLease(claimed.batch, actorId, now)
  return outcome.ran ? outcome.value : { ok: false, code: 'NOT_PREVIEWED' }
}

/** The write, then (once COMMITTED, or FAILED) the preview's rows go: the batch is no longer a preview. */
async function writeAndDrop(batch: ImportBatch, actorId: string, now: Date, lease: Lease) {
  const result = await write(batch, actorId, now, lease)
  const after = await prisma.importBatch.findUnique({
    where: { id: batch.id },
    select: { status: true },
  })
  if (after?.status === 'COMMITTED' || after?.status === 'FAILED') await dropPreviewRows(batch.id)
  return result
}

/** Confirms an import; a worker process writes it (`writeConfirmedImports`), the page polls. */
export async function startImport(
  batchId: string,
  actorId: string,
): Promise<CommitResult | { ok: true; started: true }> {
  const claimed = await claim(batchId)
  if (!claimed.ok || !('batch' in claimed)) return claimed as CommitResult
  await prisma.importBatch.update({ where: { id: batchId }, data: { committedById: actorId } })
  wake('imports')
  return { ok: true, started: true }
}

function writeUnderLease(batch: ImportBatch, actorId: string, now: Date) {
  return runExclusive(`import:${batch.id}`, (lease) => writeAndDrop(batch, actorId, now, lease), {
    ttlMs: IMPORT_LEASE_MS,
  })
}

/**
 * The worker's part: writes every confirmed import that no live process is writing. One that
 * was being written by a process that died was rolled back with it; its lease runs out and it
 * is written here, once (decision 009). Returns how many were written.
 */
export async function writeConfirmedImports(now = () => new Date()): Promise<number> {
  const batches = await prisma.importBatch.findMany({
    where: { status: 'COMMITTING' },
    orderBy: { createdAt: 'asc' },
  })
  let written = 0
  for (const batch of batches) {
    try {
      const outcome = await writeUnderLease(batch, batch.committedById ?? batch.createdById, now())
      if (outcome.ran && outcome.value.ok) written++
    } catch (error) {
      console.error(`Import ${batch.id} failed`, error)
    }
  }
  return written
}

/** Another process took the batch over (its lease ran out here): stop writing. */
class WriteTakenOver extends Error {}

/**
 * Writes what the preview showed, re-reading the stored file, in short transactions: on
 * SQLite one transaction holds the only writer (and, through the driver adapter, every query
 * of this process), so a long one would stall the storefront (decision 011). Each step
 * commits its records with the batch's progress; records are keyed by their natural keys (ERP
 * order number, CNPJ, rep code), so after a crash the next run re-reads the file, finds what
 * is already there unchanged, and writes only the rest. Orders' accounts have their history
 * rebuilt last, from the list the steps left in the batch.
 */
async function write(
  batch: ImportBatch,
  actorId: string,
  now: Date,
  lease: Lease,
): Promise<CommitResult> {
  const batchId = batch.id
  // Another process may have finished it between the listing and the lease.
  const current = await prisma.importBatch.findUnique({ where: { id: batchId } })
  if (current?.status !== 'COMMITTING') return { ok: false, code: 'NOT_PREVIEWED' }
  const { createAccounts } = JSON.parse(batch.preview) as ImportPreview
  const analysis = batch.fileId
    ? await withStoredFileOnDisk(batch.fileId, (file) =>
        analyzeImport(batch.kind, file, now, importFormatOf(batch.fileName), { createAccounts }),
      )
    : null
  if (!analysis || analysis.fileError) {
    const preview: ImportPreview = {
      ...(JSON.parse(batch.preview) as ImportPreview),
      fileError: analysis?.fileError ?? { code: 'FILE_MISSING' },
    }
    await prisma.importBatch.update({
      where: { id: batchId },
      data: { status: 'FAILED', preview: JSON.stringify(preview) },
    })
    return { ok: false, code: 'NOT_PREVIEWED' }
  }
  // A code mapping forgotten since the preview leaves a code with no choice: never written
  // silently without its product, the batch goes back to its preview to be chosen again.
  const stale = staleCodes(batch, analysis)
  if (stale) {
    await prisma.importBatch.update({
      where: { id: batchId },
      data: { status: 'PREVIEWED', preview: JSON.stringify(stale) },
    })
    return { ok: false, code: 'UNKNOWN_CODES' }
  }
  try {
    const sizer = new StepSizer()
    if (batch.kind === 'ORDERS') {
      // The accounts the manager chose to create from the file's columns come first, created
      // as the accounts import creates them (settings' terms, recorded for undo).
      await createFileAccounts(batchId, lease, sizer, analysis.accounts, actorId, now)
      const orders = await withAccounts(analysis.orders)
      await inSteps(orders, sizer, (part) =>
        step(batchId, lease, { created: part.length }, async (tx) => {
          await writeOrders(tx, batchId, part, now)
          return [...new Set(part.map((o) => o.accountId))]
        }),
      )
      // Old orders can change the past: rebuild these accounts' history and status.
      for (;;) {
        const pending = await pendingRebuild(batchId)
        if (!pending.length) break
        const ids = pending.slice(0, sizer.size)
        sizer.took(
          await step(batchId, lease, { rebuilt: ids }, (tx) =>
            syncAccounts(tx, { accountIds: ids, now, rebuild: true }).then(() => []),
          ),
        )
      }
    }
    if (batch.kind === 'ACCOUNTS') {
      await inSteps(analysis.accounts, sizer, (part) => {
        const updated = part.filter((record) => record.existingId).length
        return step(batchId, lease, { created: part.length - updated, updated }, (tx) =>
          writeAccounts(tx, batchId, part, actorId, now),
        )
      })
    }
    if (batch.kind === 'REPS') {
      await inSteps(analysis.reps, sizer, (part) => {
        const updated = part.filter((record) => record.existingId).length
        return step(batchId, lease, { created: part.length - updated, updated }, async (tx) => {
          for (const record of part) await writeRep(tx, record)
          return []
        })
      })
    }
    if (batch.kind === 'PRODUCTS') {
      // Families first (few, one step), so each product step finds its family.
      const paths = analysis.products.filter((r) => !r.familyId).map((r) => r.familyPath)
      let families = new Map<string, string>()
      if (paths.length)
        await step(batchId, lease, {}, async (tx) => {
          families = await createFamilyPaths(tx, paths)
          return []
        })
      for (const record of analysis.products)
        record.familyId ??= resolveFamilyPath(families, record.familyPath)
      await inSteps(analysis.products, sizer, (part) => {
        const updated = part.filter((record) => record.existingId).length
        return step(batchId, lease, { created: part.length - updated, updated }, async (tx) => {
          for (const record of part) await writeProduct(tx, record)
          return []
        })
      })
    }
    if (batch.kind === 'PRICE_LISTS') {
      const missing = new Map<string, string>()
      for (const r of analysis.prices) if (!r.listId) missing.set(r.listCode, r.listName)
      let lists = new Map<string, string>()
      if (missing.size)
        await step(batchId, lease, {}, async (tx) => {
          lists = await createPriceLists(tx, missing)
          return []
        })
      for (const record of analysis.prices) record.listId ??= lists.get(record.listCode) ?? null
      await inSteps(analysis.prices, sizer, (part) => {
        const updated = part.filter((record) => record.existing).length
        return step(batchId, lease, { created: part.length - updated, updated }, async (tx) => {
          for (const record of part) await writePrice(tx, record)
          return []
        })
      })
    }
    if (batch.kind === 'ORDER_STATUSES') {
      await inSteps(analysis.statuses, sizer, async (part) => {
        // The buyers' emails are rendered before the step's transaction, as by hand.
        const moves = await prepareErpMoves(
          part.map((record) => ({ ...record, at: record.at ? new Date(record.at) : now })),
        )
        const progress = { updated: 0 }
        const took = await step(batchId, lease, progress, async (tx) => {
          // Each order was judged again just now, against where it is: one moved by hand since
          // the preview goes on from there, or is refused; one moved in between is left alone.
          progress.updated = await applyErpMoves(tx, actorId, batchId, moves, now)
          return []
        })
        // The buyers' emails of this step go out without waiting for the rest.
        wake('outbox')
        return took
      })
    }
    return await finishWrite(batch, analysis, actorId, now, lease)
  } catch (error) {
    // Another process has the batch now (or finished it): leave it to that process.
    if (error instanceof WriteTakenOver) return { ok: false, code: 'NOT_PREVIEWED' }
    // What was written stays (each step is whole); confirming again writes the rest.
    await prisma.importBatch.updateMany({
      where: { id: batchId, status: 'COMMITTING' },
      data: { status: 'PREVIEWED' },
    })
    throw error
  }
}

/** Writes accounts of an import, created or updated, in one step's transaction. */
async function writeAccounts(
  tx: Tx,
  batchId: string,
  records: Analysis['accounts'],
  actorId: string,
  now: Date,
): Promise<string[]> {
  // What new accounts get (settings), read once a step.
  const defaults = await newAccountTerms(tx)
  for (const record of records) await writeAccount(tx, batchId, record, actorId, now, defaults)
  return []
}

/**
 * An orders file's new accounts, in steps, before its orders. They count for no record of the
 * batch's own (its records are orders); a resumed run finds them made and attaches the orders.
 */
async function createFileAccounts(
  batchId: string,
  lease: Lease,
  sizer: StepSizer,
  records: Analysis['accounts'],
  actorId: string,
  now: Date,
) {
  await inSteps(records, sizer, (part) =>
    step(batchId, lease, {}, (tx) => writeAccounts(tx, batchId, part, actorId, now)),
  )
}

/** Orders whose account was created by this import, given that account's id. */
async function withAccounts(orders: readonly OrderRecord[]) {
  const missing = [...new Set(orders.filter((o) => !o.accountId).map((o) => o.cnpj))]
  const ids = new Map<string, string>()
  for (const part of chunks(missing, 500)) {
    const found = await prisma.account.findMany({
      where: { cnpj: { in: part } },
      select: { id: true, cnpj: true },
    })
    found.forEach((a) => ids.set(a.cnpj, a.id))
  }
  return orders.map((o) => {
    const accountId = o.accountId ?? ids.get(o.cnpj)
    if (!accountId) throw new Error(`No account for ${o.cnpj}`)
    return { ...o, accountId }
  })
}

/**
 * How many records the next step takes: halved after a step that took too long, doubled after
 * one that was quick, so each step holds the database for about STEP_TARGET_MS whatever the
 * machine and the kind of record.
 */
class StepSizer {
  size = FIRST_STEP
  took(ms: number) {
    if (ms > STEP_TARGET_MS * 1.5) this.size = Math.max(5, Math.floor(this.size / 2))
    else if (ms < STEP_TARGET_MS / 2) this.size = Math.min(500, this.size * 2)
  }
}

/** Writes `records` in steps the sizer sizes; `write` returns how long its step took. */
async function inSteps<T>(
  records: readonly T[],
  sizer: StepSizer,
  write: (part: T[]) => Promise<number>,
) {
  for (let i = 0; i < records.length; ) {
    const part = records.slice(i, i + sizer.size)
    sizer.took(await write(part))
    i += part.length
  }
}

async function pendingRebuild(batchId: string): Promise<string[]> {
  const batch = await prisma.importBatch.findUniqueOrThrow({
    where: { id: batchId },
    select: { pendingRebuild: true },
  })
  return batch.pendingRebuild ? batch.pendingRebuild.split(',') : []
}

/**
 * One short transaction of the write: `work` writes its records and returns the accounts
 * whose history must be rebuilt; the batch records the progress in the same transaction, so a
 * step is either whole or absent. Then other requests get their turn at the database.
 */
async function step(
  batchId: string,
  lease: Lease,
  progress: { created?: number; updated?: number; rebuilt?: readonly string[] },
  work: (tx: Tx) => Promise<string[]>,
): Promise<number> {
  if (!lease.held()) throw new WriteTakenOver()
  const started = performance.now()
  await prisma.$transaction(
    async (tx) => {
      const batch = await tx.importBatch.findUnique({
        where: { id: batchId },
        select: { status: true, pendingRebuild: true },
      })
      if (batch?.status !== 'COMMITTING') throw new WriteTakenOver()
      const touched = await work(tx)
      const before = batch.pendingRebuild
      const pending = new Set(before ? before.split(',') : [])
      touched.forEach((id) => pending.add(id))
      progress.rebuilt?.forEach((id) => pending.delete(id))
      const after = [...pending].join(',')
      await tx.importBatch.update({
        where: { id: batchId },
        data: {
          writtenCreated: { increment: progress.created ?? 0 },
          writtenUpdated: { increment: progress.updated ?? 0 },
          // Rewritten only when it changes: it can hold thousands of ids.
          ...(after === before ? {} : { pendingRebuild: after }),
        },
      })
    },
    { timeout: 60_000 },
  )
  const ms = performance.now() - started
  await yieldToRequests(ms)
  return ms
}

/**
 * On SQLite the process has one connection, held by each step while it runs: pause as long as
 * the step took, so that requests waiting get at least half of the time. PostgreSQL serves
 * them on other connections meanwhile.
 */
function yieldToRequests(stepMs: number) {
  const pause = dialect === 'sqlite' ? Math.min(stepMs, MAX_PAUSE_MS) : 0
  return new Promise((resolve) => setTimeout(resolve, pause))
}

async function writeOrders(
  tx: Tx,
  batchId: string,
  part: (OrderRecord & { accountId: string })[],
  now: Date,
) {
  const accountIds = [...new Set(part.map((o) => o.accountId))]
  await recordAccountStates(tx, batchId, accountIds)
  // The rep assigned when the file is imported, and the state, for revenue by rep and state.
  const owners = new Map(
    (
      await tx.account.findMany({
        where: { id: { in: accountIds } },
        select: { id: true, repId: true, state: true },
      })
    ).map((a) => [a.id, a]),
  )
  const created = await tx.order.createManyAndReturn({
    data: part.map((o) => ({
      accountId: o.accountId,
      channel: 'OFFLINE' as const,
      status: 'DELIVERED' as const,
      paymentStatus: 'PAID' as const,
      paymentMethod: 'ERP' as const,
      externalRef: o.externalRef,
      repId: owners.get(o.accountId)?.repId ?? null,
      subtotalCents: o.totalCents,
      totalCents: o.totalCents,
      placedAt: o.placedAt,
      createdAt: now,
    })),
    select: { id: true, externalRef: true },
  })
  const ids = new Map(created.map((o) => [o.externalRef, o.id]))
  await tx.importUndoRecord.createMany({
    data: part.map((o) => ({
      batchId,
      entity: 'Order',
      entityId: String(ids.get(o.externalRef)!),
      created: true,
      accountId: o.accountId,
      data: JSON.stringify({ state: owners.get(o.accountId)?.state ?? '' }),
    })),
  })
  await tx.orderLine.createMany({
    data: part.flatMap((o) => o.lines.map((l) => ({ ...l, orderId: ids.get(o.externalRef)! }))),
  })
  await addRevenue(
    tx,
    part.map((o) => ({
      placedAt: o.placedAt,
      channel: 'OFFLINE' as const,
      repId: owners.get(o.accountId)?.repId ?? null,
      state: owners.get(o.accountId)?.state ?? '',
      totalCents: o.totalCents,
    })),
  )
}

async function writeAccount(
  tx: Tx,
  batchId: string,
  record: Analysis['accounts'][number],
  actorId: string,
  now: Date,
  defaults: Awaited<ReturnType<typeof newAccountTerms>>,
) {
  const { existingId, ...data } = record
  const fields = {
    ...data,
    searchText: accountSearchText(data),
    minimumOrderCents: data.minimumOrderCents ?? undefined,
  }
  const assign = async (accountId: string) => {
    const assignment = await tx.repAssignment.create({
      data: { accountId, repId: data.repId, assignedAt: now, assignedById: actorId },
      select: { id: true },
    })
    await tx.importUndoRecord.create({
      data: { batchId, entity: 'RepAssignment', entityId: assignment.id, created: true, accountId },
    })
  }
  if (!existingId) {
    // A minimum order in the file wins over the settings' default.
    const account = await tx.account.create({
      data: {
        ...defaults,
        ...fields,
        minimumOrderCents: fields.minimumOrderCents ?? defaults.minimumOrderCents,
      },
      select: { id: true },
    })
    await tx.importUndoRecord.create({
      data: {
        batchId,
        entity: 'Account',
        entityId: account.id,
        created: true,
        accountId: account.id,
      },
    })
    await assign(account.id)
    return
  }
  const select = Object.fromEntries(Object.keys(fields).map((key) => [key, true])) as Record<
    keyof typeof fields,
    true
  >
  const before = await tx.account.findUniqueOrThrow({ where: { id: existingId }, select })
  await tx.importUndoRecord.create({
    data: {
      batchId,
      entity: 'Account',
      entityId: existingId,
      created: false,
      accountId: existingId,
      data: JSON.stringify(before),
    },
  })
  await tx.account.update({ where: { id: existingId }, data: fields })
  if (before.repId !== data.repId) await assign(existingId)
}

/** The derived fields an order import changes, restored as they were when it is undone. */
const ACCOUNT_STATE = {
  status: true,
  firstOrderAt: true,
  lastOrderAt: true,
  reactivatedAt: true,
  medianIntervalDays: true,
  expectedNextOrderAt: true,
  nextReviewAt: true,
} as const

/**
 * Before a batch's first order for an account: the account's derived state and its
 * reactivations as they are, once per batch (a resumed run finds them recorded).
 */
async function recordAccountStates(tx: Tx, batchId: string, accountIds: readonly string[]) {
  const recorded = new Set(
    (
      await tx.importUndoRecord.findMany({
        where: { batchId, entity: 'AccountState', accountId: { in: [...accountIds] } },
        select: { accountId: true },
      })
    ).map((r) => r.accountId),
  )
  const missing = accountIds.filter((id) => !recorded.has(id))
  if (!missing.length) return
  const accounts = await tx.account.findMany({
    where: { id: { in: missing } },
    select: { id: true, ...ACCOUNT_STATE, reactivations: { select: { id: true } } },
  })
  await tx.importUndoRecord.createMany({
    data: accounts.map(({ id, reactivations, ...state }) => ({
      batchId,
      entity: 'AccountState',
      entityId: id,
      created: false,
      accountId: id,
      data: JSON.stringify({ ...state, reactivationIds: reactivations.map((r) => r.id) }),
    })),
  })
}

async function writeRep(tx: Tx, record: Analysis['reps'][number]) {
  const { existingId, defaultCommissionBps, ...data } = record
  const commission = defaultCommissionBps === null ? {} : { defaultCommissionBps }
  if (existingId)
    await tx.rep.update({ where: { id: existingId }, data: { ...data, ...commission } })
  else await tx.rep.create({ data: { ...data, ...commission } })
}

/**
 * Creates the families of `paths` that do not exist, each under its parent (matched by name
 * without case or accents, as the analysis matched them). Returns every family's id by key.
 */
async function createFamilyPaths(tx: Tx, paths: readonly string[][]) {
  const byKey = await familyIndex(tx)
  for (const path of paths) {
    let parentId: string | null = null
    for (const name of path) {
      const key = familyKey(parentId, name)
      let id: string | undefined = byKey.get(key)
      if (!id) {
        const family: { id: string } = await tx.productFamily.create({
          data: { name, parentId, slug: await freeSlug(tx, name) },
          select: { id: true },
        })
        id = family.id
        byKey.set(key, id)
      }
      parentId = id
    }
  }
  return byKey
}

async function writeProduct(tx: Tx, record: Analysis['products'][number]) {
  const { existingId, familyPath: _path, familyId, ...fields } = record
  if (!familyId) throw new Error(`No family for ${record.sku}`)
  const data = { ...fields, familyId, searchText: productSearchText(fields) }
  if (existingId) {
    // Matched by SKU, which stays as it is.
    const { sku: _sku, ...changes } = data
    await tx.product.update({ where: { id: existingId }, data: changes })
  } else await tx.product.create({ data })
}

/** Creates the lists named by code that do not exist yet (a code is unique whatever its case). */
async function createPriceLists(tx: Tx, lists: ReadonlyMap<string, string>) {
  const existing = await tx.priceList.findMany({ select: { id: true, code: true } })
  const ids = new Map(existing.map((l) => [l.code.toUpperCase(), l.id]))
  for (const [code, name] of lists) {
    if (ids.has(code)) continue
    const list = await tx.priceList.create({ data: { code, name }, select: { id: true } })
    ids.set(code, list.id)
  }
  return ids
}

async function writePrice(tx: Tx, record: Analysis['prices'][number]) {
  const { listId: priceListId, productId, minQuantity, priceCents } = record
  if (!priceListId) throw new Error(`No price list ${record.listCode}`)
  if (minQuantity === null) {
    await tx.priceListItem.upsert({
      where: { priceListId_productId: { priceListId, productId } },
      create: { priceListId, productId, priceCents },
      update: { priceCents },
    })
    return
  }
  const tier = await tx.priceTier.findFirst({
    where: { priceListId, productId, minQuantity },
    select: { id: true },
  })
  if (tier) await tx.priceTier.update({ where: { id: tier.id }, data: { priceCents } })
  else await tx.priceTier.create({ data: { priceListId, productId, minQuantity, priceCents } })
}

/**
 * The last step: the batch is COMMITTED with what was written over every run (a resumed run
 * finds the earlier runs' records unchanged), and the import is audited once.
 */
async function finishWrite(
  batch: ImportBatch,
  analysis: Analysis,
  actorId: string,
  now: Date,
  lease: Lease,
): Promise<CommitResult> {
  if (!lease.held()) throw new WriteTakenOver()
  const records = analysis.toCreate + analysis.toUpdate + analysis.unchanged
  return prisma.$transaction(async (tx) => {
    const progress = await tx.importBatch.findUnique({
      where: { id: batch.id },
      select: { status: true, writtenCreated: true, writtenUpdated: true },
    })
    if (progress?.status !== 'COMMITTING') throw new WriteTakenOver()
    const created = progress.writtenCreated
    const updated = progress.writtenUpdated
    const unchanged = Math.max(0, records - created - updated)
    // An orders file's accounts created from its columns, over every run.
    const accountsCreated =
      batch.kind === 'ORDERS'
        ? await tx.importUndoRecord.count({
            where: { batchId: batch.id, entity: 'Account', created: true },
          })
        : 0
    await tx.importBatch.update({
      where: { id: batch.id },
      data: {
        status: 'COMMITTED',
        committedAt: now,
        createdRows: created,
        updatedRows: updated,
        skippedRows: unchanged,
      },
    })
    await audit(tx, {
      actorId,
      action: `import.${batch.kind.toLowerCase()}`,
      entity: 'ImportBatch',
      entityId: batch.id,
      changes: {
        fileName: batch.fileName,
        created,
        updated,
        unchanged,
        errorRows: analysis.errorRows,
        ...(accountsCreated ? { accountsCreated } : {}),
      },
    })
    return { ok: true as const, created, updated, unchanged }
  })
}

export type UndoRefusal =
  | 'NOT_FOUND'
  | 'NOT_COMMITTED'
  | 'KIND_NOT_UNDOABLE'
  | 'NO_UNDO_RECORD'
  | 'LATER_IMPORT'
  | 'ORDERS_REFERENCED'
  | 'ACCOUNTS_IN_USE'
export type UndoResult =
  | { ok: true; removed: number; restored: number; accountsRemoved?: number }
  | { ok: false; code: UndoRefusal }

class UndoRefused extends Error {
  constructor(readonly code: UndoRefusal) {
    super(code)
  }
}

// Ids per `IN (...)` list, under SQLite's limit on a statement's parameters.
const ID_CHUNK = 500

/**
 * Takes a committed import back from the before-images its steps recorded: what it created is
 * removed, what it changed is restored, and the accounts' status, history, cadence and
 * reactivations re-derived from the orders left, with the revenue summary less its orders.
 * Refused, changing nothing, when a later committed import touched the same accounts, when an
 * imported order has since been used (a payment, refund, commission or offer redemption), or
 * when an account the batch created has since been used (orders, buyers, invitations, offers).
 * One transaction, audited.
 */
export async function undoImport(
  batchId: string,
  actorId: string,
  now = new Date(),
): Promise<UndoResult> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const batch = await tx.importBatch.findUnique({ where: { id: batchId } })
        if (!batch) throw new UndoRefused('NOT_FOUND')
        if (batch.status !== 'COMMITTED' || !batch.committedAt)
          throw new UndoRefused('NOT_COMMITTED')
        if (!UNDOABLE_IMPORT_KINDS.includes(batch.kind)) throw new UndoRefused('KIND_NOT_UNDOABLE')
        // Claimed first: a second undo at the same time finds it no longer COMMITTED.
        const claimed = await tx.importBatch.updateMany({
          where: { id: batchId, status: 'COMMITTED' },
          data: { status: 'UNDONE', undoneAt: now, undoneById: actorId },
        })
        if (claimed.count !== 1) throw new UndoRefused('NOT_COMMITTED')
        const records = await tx.importUndoRecord.findMany({
          where: { batchId },
          orderBy: { id: 'asc' },
        })
        const nothingWritten = batch.createdRows + batch.updatedRows === 0
        if (!records.length && !nothingWritten) throw new UndoRefused('NO_UNDO_RECORD')
        const accountIds = [...new Set(records.map((r) => r.accountId))]
        // Records are numbered as written: one after this batch's last, for the same account,
        // in a batch not undone (written, being written, or part-written and to be confirmed
        // again), is a later change that this undo would overwrite.
        const last = records.at(-1)?.id ?? 0
        for (const ids of chunks(accountIds, ID_CHUNK)) {
          const later = await tx.importUndoRecord.findFirst({
            where: {
              id: { gt: last },
              accountId: { in: ids },
              batchId: { not: batchId },
              batch: { status: { not: 'UNDONE' } },
            },
            select: { id: true },
          })
          if (later) throw new UndoRefused('LATER_IMPORT')
        }
        const of = (entity: string, created: boolean) =>
          records.filter((r) => r.entity === entity && r.created === created)
        const removed =
          batch.kind === 'ORDERS'
            ? await undoOrders(tx, of('Order', true), of('AccountState', false), now).then(
                // Then the accounts it created from the file, once their orders are gone.
                async (orders) => {
                  const accounts = (await undoAccounts(tx, records)).removed
                  return { ...orders, ...(accounts ? { accountsRemoved: accounts } : {}) }
                },
              )
            : await undoAccounts(tx, records)
        await audit(tx, {
          actorId,
          action: 'import.undo',
          entity: 'ImportBatch',
          entityId: batch.id,
          changes: { kind: batch.kind, fileName: batch.fileName, ...removed },
        })
        return { ok: true as const, ...removed }
      },
      { timeout: 120_000 },
    )
  } catch (error) {
    // Thrown inside the transaction, so nothing it did stays.
    if (error instanceof UndoRefused) return { ok: false, code: error.code }
    throw error
  }
}

type UndoRecord = { entityId: string; accountId: string; data: string }

async function undoOrders(
  tx: Tx,
  orderRecords: readonly UndoRecord[],
  stateRecords: readonly UndoRecord[],
  now: Date,
) {
  const stateOf = new Map(orderRecords.map((r) => [Number(r.entityId), r]))
  const orderIds = [...stateOf.keys()]
  for (const ids of chunks(orderIds, ID_CHUNK)) {
    const where = { orderId: { in: ids } }
    const [redemptions, commission, payments, refunds] = await Promise.all([
      tx.offerRedemption.count({ where }),
      tx.commissionEntry.count({ where }),
      tx.stripePayment.count({ where }),
      tx.refund.count({ where }),
    ])
    if (redemptions + commission + payments + refunds > 0)
      throw new UndoRefused('ORDERS_REFERENCED')
  }
  for (const ids of chunks(orderIds, ID_CHUNK)) {
    const orders = await tx.order.findMany({
      where: { id: { in: ids } },
      select: { id: true, placedAt: true, channel: true, repId: true, totalCents: true },
    })
    await removeRevenue(
      tx,
      orders.map((o) => ({
        placedAt: o.placedAt,
        channel: o.channel,
        repId: o.repId,
        state: (JSON.parse(stateOf.get(o.id)!.data) as { state: string }).state,
        totalCents: o.totalCents,
      })),
    )
    await tx.reactivation.deleteMany({ where: { orderId: { in: ids } } })
    await tx.order.deleteMany({ where: { id: { in: ids } } })
  }
  // Each account as it was before the batch, then re-derived from the orders left: the same
  // state when nothing else happened meanwhile, today's when time or other orders moved it.
  for (const record of stateRecords) {
    const { reactivationIds, ...state } = JSON.parse(record.data) as Record<string, unknown> & {
      reactivationIds: string[]
    }
    await tx.reactivation.deleteMany({
      where: { accountId: record.accountId, id: { notIn: reactivationIds } },
    })
    await tx.account.update({ where: { id: record.accountId }, data: reviveDates(state) })
  }
  const accountIds = stateRecords.map((r) => r.accountId)
  for (const ids of chunks(accountIds, 100))
    await syncAccounts(tx, { accountIds: ids, now, rebuild: true })
  return { removed: orderIds.length, restored: accountIds.length }
}

/** JSON's ISO strings back to dates for the DateTime fields of a before-image. */
function reviveDates(fields: Record<string, unknown>) {
  const dates = new Set([
    'firstOrderAt',
    'lastOrderAt',
    'reactivatedAt',
    'expectedNextOrderAt',
    'nextReviewAt',
  ])
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      dates.has(key) && typeof value === 'string' ? new Date(value) : value,
    ]),
  )
}

async function undoAccounts(
  tx: Tx,
  records: readonly (UndoRecord & { entity: string; created: boolean })[],
) {
  const created = records.filter((r) => r.entity === 'Account' && r.created)
  const updated = records.filter((r) => r.entity === 'Account' && !r.created)
  const assignments = records.filter((r) => r.entity === 'RepAssignment' && r.created)
  for (const ids of chunks(
    created.map((r) => r.entityId),
    ID_CHUNK,
  )) {
    const used = await tx.account.findFirst({
      where: {
        id: { in: ids },
        OR: [
          { orders: { some: {} } },
          { users: { some: {} } },
          { invitations: { some: {} } },
          { redemptions: { some: {} } },
          { offerUsage: { some: {} } },
          { namedOffers: { some: {} } },
          // What the sales team recorded about it since: calls, reasons, notes.
          { contactLogs: { some: {} } },
          { stopReasons: { some: {} } },
          { notes: { some: {} } },
        ],
      },
      select: { id: true },
    })
    if (used) throw new UndoRefused('ACCOUNTS_IN_USE')
  }
  for (const ids of chunks(
    assignments.map((r) => r.entityId),
    ID_CHUNK,
  ))
    await tx.repAssignment.deleteMany({ where: { id: { in: ids } } })
  for (const record of updated)
    await tx.account.update({
      where: { id: record.entityId },
      data: JSON.parse(record.data) as Record<string, string | number | null>,
    })
  for (const ids of chunks(
    created.map((r) => r.entityId),
    ID_CHUNK,
  )) {
    await tx.accountStatusChange.deleteMany({ where: { accountId: { in: ids } } })
    await tx.cart.deleteMany({ where: { accountId: { in: ids } } })
    await tx.account.deleteMany({ where: { id: { in: ids } } })
  }
  return { removed: created.length, restored: updated.length }
}
