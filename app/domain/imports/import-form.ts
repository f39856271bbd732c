/**
 * The import upload form (what to import, and the CSV or .xlsx file), shared by the imports page's
 * action and its component (Conform). The browser checks the file before sending it; the
 * server checks the file it streamed to disk.
 */
import { type ImportKind } from '@prisma/client'
import { z } from 'zod'
import { formMessage } from '~/utils/form-schema'

export const IMPORT_KINDS = [
  'ORDERS',
  'ACCOUNTS',
  'REPS',
  'PRODUCTS',
  'PRICE_LISTS',
  'ORDER_STATUSES',
] as const satisfies readonly ImportKind[]
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** A file as the browser (File) and the server (NodeOnDiskFile) both describe it. */
export type UploadedFile = { name: string; size: number }

const isUpload = (value: unknown): value is UploadedFile =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as UploadedFile).size === 'number' &&
  typeof (value as UploadedFile).name === 'string'

const KIND = formMessage('importForm.kind')
const MISSING = formMessage('imports.missingFile')

export const ImportUploadSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { errorMap: () => ({ message: KIND }) }),
  // An empty file input reaches the schema as nothing, or as a file of 0 bytes.
  file: z
    .custom<UploadedFile>((value) => isUpload(value) && value.size > 0, MISSING)
    .refine((file) => file.size <= MAX_IMPORT_BYTES, formMessage('imports.tooLarge')),
})

/**
 * The buttons on a batch's page: confirm a preview, discard it, or undo a committed batch. The answer to a refused
 * press (a discarded batch, nothing to write) is a form error from the domain's reason.
 */
export const ImportBatchActionSchema = z.object({
  intent: z.enum(['confirm', 'discard', 'undo', 'keepHistory', 'createAccounts', 'skipAccounts'], {
    errorMap: () => ({ message: formMessage('form.invalid') }),
  }),
  /** keepHistory: the product code, or none for every code still without a choice. */
  code: z.string().trim().max(200).optional(),
})

/** A product code of an orders file, as a hidden field of the preview's and the codes page's forms. */
const PRODUCT_CODE = z
  .string({ required_error: formMessage('form.invalid') })
  .trim()
  .min(1)
  .max(200)

/** Mapping one product code of an orders file to a catalog SKU, from the preview. */
export const MapCodeSchema = z.object({
  intent: z.literal('mapCode'),
  code: PRODUCT_CODE,
  sku: z
    .string({ required_error: formMessage('imports.mapCode.skuRequired') })
    .trim()
    .min(1, formMessage('imports.mapCode.skuRequired'))
    .max(200, formMessage('imports.mapCode.skuUnknown'))
    .transform((sku) => sku.toUpperCase()),
})

/** Forgetting a remembered code mapping (/admin/imports/codes). */
export const ForgetCodeSchema = z.object({
  intent: z.literal('forget'),
  code: PRODUCT_CODE,
})

/** A preview's product codes not in the catalog that have no choice yet (map or keep as history). */
export function unresolvedCodes(preview: {
  unknownCodes?: { code: string }[]
  historyCodes?: string[]
  mappedCodes?: { code: string }[]
}): string[] {
  const chosen = new Set([
    ...(preview.historyCodes ?? []),
    ...(preview.mappedCodes ?? []).map((c) => c.code),
  ])
  return (preview.unknownCodes ?? []).map((c) => c.code).filter((code) => !chosen.has(code))
}

/** The preview's outcomes a manager can filter its rows by (decision 024). */
export const PREVIEW_FILTERS = ['create', 'update', 'unchanged', 'error'] as const

/**
 * A preview page's address: `?page=N` from 1 and `?outcome=` one of the filters. Anything else
 * is refused as a whole (the page says so and shows the first page of every row).
 */
export const PreviewQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  outcome: z.enum(PREVIEW_FILTERS).optional(),
})

/** The page and filter a preview's address asks for, and whether it asked for something else. */
export function readPreviewQuery(search: URLSearchParams) {
  const parsed = PreviewQuerySchema.safeParse({
    page: search.get('page') || undefined,
    outcome: search.get('outcome') || undefined,
  })
  return parsed.success
    ? { ...parsed.data, outcome: parsed.data.outcome ?? null, invalid: false }
    : { page: 1, outcome: null, invalid: true }
}

/** The kinds of import that can be undone once committed. */
export const UNDOABLE_IMPORT_KINDS: readonly ImportKind[] = ['ORDERS', 'ACCOUNTS']

/** Whether confirming a previewed batch would write anything (its preview's counts). */
export function hasWork(batch: { createdRows: number; updatedRows: number }): boolean {
  return batch.createdRows + batch.updatedRows > 0
}

/** Why a batch's button was refused, as the message shown above the buttons. */
export function importRefusal(code: string): string {
  switch (code) {
    case 'DISCARDED':
    case 'NOTHING_TO_WRITE':
    case 'UNKNOWN_CODES':
    case 'UNKNOWN_CODE':
    case 'NOT_COMMITTED':
    case 'KIND_NOT_UNDOABLE':
    case 'NO_UNDO_RECORD':
    case 'LATER_IMPORT':
    case 'ORDERS_REFERENCED':
    case 'ACCOUNTS_IN_USE':
    case 'NO_NEW_ACCOUNTS':
      return formMessage(`imports.refused.${code}`)
    default:
      return formMessage('imports.notPreviewed')
  }
}
