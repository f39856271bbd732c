import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { type ImportBatch, type ImportKind } from '@prisma/client'
import { prisma } from '~/utils/db.server'
import { audit } from '../../audit/audit.server'
import { addRevenue } from '../../dashboard/revenue-summary.server'
import { syncAccounts } from '../reclassify.server'
import { analyzeImport, type Analysis, type RowError } from './analyze.server'

export const UPLOAD_DIR = path.resolve('data/uploads')
const ORDER_CHUNK = 500

export type ImportPreview = {
  fileError: Analysis['fileError']
  errors: RowError[]
  alreadyImportedAt: string | null
}

async function sha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
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
  fs.mkdirSync(UPLOAD_DIR, { recursive: true })
  const storedPath = path.join(UPLOAD_DIR, `${crypto.randomUUID()}.csv`)
  fs.renameSync(file, storedPath)
  const [fileHash, analysis] = await Promise.all([
    sha256(storedPath),
    analyzeImport(kind, storedPath),
  ])
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
  return prisma.importBatch.create({
    data: {
      kind,
      fileName: fileName.slice(0, 200),
      fileHash,
      storedPath,
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

/**
 * Writes what the preview showed, in one transaction, re-reading the stored file. Records are
 * keyed by their natural keys (ERP order number, CNPJ, rep code), so confirming the same file
 * again, or twice at once, changes nothing more.
 */
async function claim(batchId: string): Promise<CommitResult | { ok: true; batch: ImportBatch }> {
  const batch = await prisma.importBatch.findUnique({ where: { id: batchId } })
  if (!batch) return { ok: false, code: 'NOT_FOUND' }
  // Only one confirmation wins: the batch leaves PREVIEWED exactly once.
  const claimed = await prisma.importBatch.updateMany({
    where: { id: batchId, status: 'PREVIEWED' },
    data: { status: 'COMMITTING' },
  })
  if (claimed.count !== 1) return { ok: false, code: 'NOT_PREVIEWED' }
  return { ok: true, batch }
}

/**
 * Confirms an import and waits for it (tests, scripts). The screen uses `startImport`, which
 * returns at once while the same work runs in the background.
 */
export async function commitImport(
  batchId: string,
  actorId: string,
  now = new Date(),
): Promise<CommitResult> {
  const claimed = await claim(batchId)
  if (!claimed.ok || !('batch' in claimed)) return claimed as CommitResult
  return write(claimed.batch, actorId, now)
}

/** Confirms an import and writes it in the background; the page polls the batch's status. */
export async function startImport(
  batchId: string,
  actorId: string,
): Promise<CommitResult | { ok: true; started: true }> {
  const claimed = await claim(batchId)
  if (!claimed.ok || !('batch' in claimed)) return claimed as CommitResult
  void write(claimed.batch, actorId, new Date()).catch((error: unknown) =>
    console.error(`Import ${batchId} failed`, error),
  )
  return { ok: true, started: true }
}

/** After a crash or restart: a batch left half-written was rolled back, so it can be confirmed again. */
export async function recoverInterruptedImports(): Promise<number> {
  const { count } = await prisma.importBatch.updateMany({
    where: { status: 'COMMITTING' },
    data: { status: 'PREVIEWED' },
  })
  return count
}

/**
 * Writes what the preview showed, in one transaction, re-reading the stored file. Records are
 * keyed by their natural keys (ERP order number, CNPJ, rep code), so confirming the same file
 * again changes nothing more. On failure nothing is written and the batch can be confirmed again.
 */
async function write(batch: ImportBatch, actorId: string, now: Date): Promise<CommitResult> {
  const batchId = batch.id
  const analysis = await analyzeImport(batch.kind, batch.storedPath)
  if (analysis.fileError) {
    await prisma.importBatch.update({ where: { id: batchId }, data: { status: 'FAILED' } })
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
            const fields = { ...data, minimumOrderCents: data.minimumOrderCents ?? undefined }
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
