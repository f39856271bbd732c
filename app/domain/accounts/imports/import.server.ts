import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type ImportBatch, type ImportKind } from '@prisma/client'
import { prisma } from '~/utils/db.server'
import { readUpload, storeFile, withStoredFileOnDisk } from '~/utils/files.server'
import { runExclusive } from '~/utils/jobs.server'
import { wake } from '~/utils/wake.server'
import { audit } from '~/domain/audit/audit.server'
import { addRevenue } from '../revenue-summary.server'
import { syncAccounts } from '../reclassify.server'
import { accountSearchText } from '../search'
import { analyzeImport, type Analysis, type RowError } from './analyze.server'

/** Where an upload streams while its request lasts; it is then kept in the database. */
export const UPLOAD_DIR = path.join(os.tmpdir(), 'reativa-uploads')
const ORDER_CHUNK = 500
// A confirmed import is written by one process at a time; another takes over once this runs out.
const IMPORT_LEASE_MS = 30_000

export type ImportPreview = {
  fileError: Analysis['fileError']
  errors: RowError[]
  alreadyImportedAt: string | null
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
  const upload = await readUpload(file)
  const analysis = await analyzeImport(kind, file).finally(() =>
    fs.promises.rm(file, { force: true }),
  )
  const fileHash = upload.sha256
  const previous = await prisma.importBatch.findFirst({
    where: { kind, fileHash, status: 'COMMITTED' },
    orderBy: { committedAt: 'desc' },
    select: { committedAt: true },
  })
  const preview: ImportPreview = {
    fileError: analysis.fileError,
    errors: analysis.errors,
    alreadyImportedAt: previous?.committedAt?.toISOString() ?? null,
  }
  return prisma.$transaction(async (tx) => {
    const stored = await storeFile(tx, { ...upload, fileName, contentType: 'text/csv' })
    return tx.importBatch.create({
      data: {
        kind,
        fileName: fileName.slice(0, 200),
        fileHash,
        fileId: stored.id,
        status: analysis.fileError ? 'FAILED' : 'PREVIEWED',
        totalRows: analysis.totalRows,
        validRows: analysis.totalRows - analysis.errorRows,
        errorRows: analysis.errorRows,
        createdRows: analysis.toCreate,
        updatedRows: analysis.toUpdate,
        skippedRows: analysis.unchanged,
        preview: JSON.stringify(preview),
        createdById: actorId,
      },
    })
  })
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

export type CommitResult =
  | { ok: true; created: number; updated: number; unchanged: number }
  | { ok: false; code: 'NOT_FOUND' | 'NOT_PREVIEWED' }

/** Only one confirmation wins: the batch leaves PREVIEWED exactly once. */
async function claim(batchId: string): Promise<CommitResult | { ok: true; batch: ImportBatch }> {
  const batch = await prisma.importBatch.findUnique({ where: { id: batchId } })
  if (!batch) return { ok: false, code: 'NOT_FOUND' }
  const claimed = await prisma.importBatch.updateMany({
    where: { id: batchId, status: 'PREVIEWED' },
    data: { status: 'COMMITTING' },
  })
  if (claimed.count !== 1) return { ok: false, code: 'NOT_PREVIEWED' }
  return { ok: true, batch }
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
  return runExclusive(`import:${batch.id}`, () => write(batch, actorId, now), {
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

/**
 * Writes what the preview showed, in one transaction, re-reading the stored file. Records are
 * keyed by their natural keys (ERP order number, CNPJ, rep code), so confirming the same file
 * again changes nothing more. On failure nothing is written and the batch can be confirmed again.
 */
async function write(batch: ImportBatch, actorId: string, now: Date): Promise<CommitResult> {
  const batchId = batch.id
  // Another process may have finished it between the listing and the lease.
  const current = await prisma.importBatch.findUnique({
    where: { id: batchId },
    select: { status: true },
  })
  if (current?.status !== 'COMMITTING') return { ok: false, code: 'NOT_PREVIEWED' }
  const analysis = batch.fileId
    ? await withStoredFileOnDisk(batch.fileId, (file) => analyzeImport(batch.kind, file))
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
  try {
    await prisma.$transaction(
      async (tx) => {
        const touched = new Set<string>()

        if (batch.kind === 'ORDERS') {
          for (let i = 0; i < analysis.orders.length; i += ORDER_CHUNK) {
            const part = analysis.orders.slice(i, i + ORDER_CHUNK)
            // The rep assigned when the file is imported, and the state, for revenue by rep and state.
            const owners = new Map(
              (
                await tx.account.findMany({
                  where: { id: { in: [...new Set(part.map((o) => o.accountId))] } },
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
            await tx.orderLine.createMany({
              data: part.flatMap((o) =>
                o.lines.map((l) => ({ ...l, orderId: ids.get(o.externalRef)! })),
              ),
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
            part.forEach((o) => touched.add(o.accountId))
          }
          // Old orders can change the past: rebuild these accounts' history and status.
          if (touched.size) await syncAccounts(tx, { accountIds: [...touched], now, rebuild: true })
        }

        if (batch.kind === 'ACCOUNTS') {
          for (const record of analysis.accounts) {
            const { existingId, ...data } = record
            const fields = {
              ...data,
              searchText: accountSearchText(data),
              minimumOrderCents: data.minimumOrderCents ?? undefined,
            }
            if (!existingId) {
              const account = await tx.account.create({ data: fields, select: { id: true } })
              await tx.repAssignment.create({
                data: {
                  accountId: account.id,
                  repId: data.repId,
                  assignedAt: now,
                  assignedById: actorId,
                },
              })
              continue
            }
            const before = await tx.account.findUniqueOrThrow({
              where: { id: existingId },
              select: { repId: true },
            })
            await tx.account.update({ where: { id: existingId }, data: fields })
            if (before.repId !== data.repId) {
              await tx.repAssignment.create({
                data: {
                  accountId: existingId,
                  repId: data.repId,
                  assignedAt: now,
                  assignedById: actorId,
                },
              })
            }
          }
        }

        if (batch.kind === 'REPS') {
          for (const { existingId, defaultCommissionBps, ...data } of analysis.reps) {
            const commission = defaultCommissionBps === null ? {} : { defaultCommissionBps }
            if (existingId)
              await tx.rep.update({ where: { id: existingId }, data: { ...data, ...commission } })
            else await tx.rep.create({ data: { ...data, ...commission } })
          }
        }

        await tx.importBatch.update({
          where: { id: batchId },
          data: {
            status: 'COMMITTED',
            committedAt: now,
            createdRows: analysis.toCreate,
            updatedRows: analysis.toUpdate,
            skippedRows: analysis.unchanged,
          },
        })
        await audit(tx, {
          actorId,
          action: `import.${batch.kind.toLowerCase()}`,
          entity: 'ImportBatch',
          entityId: batchId,
          changes: {
            fileName: batch.fileName,
            created: analysis.toCreate,
            updated: analysis.toUpdate,
            unchanged: analysis.unchanged,
            errorRows: analysis.errorRows,
          },
        })
      },
      { timeout: 600_000 },
    )
  } catch (error) {
    // Rolled back: nothing was written, and the manager can confirm again.
    await prisma.importBatch.update({ where: { id: batchId }, data: { status: 'PREVIEWED' } })
    throw error
  }
  return {
    ok: true,
    created: analysis.toCreate,
    updated: analysis.toUpdate,
    unchanged: analysis.unchanged,
  }
}
