import fs from 'node:fs'
import { type ImportKind } from '@prisma/client'
import { prisma } from '~/utils/db.server'
import {
  CsvFormatError,
  parseBrazilianDate,
  parseBrazilianDecimal,
  parseBrazilianMoney,
  readCsvRows,
} from '~/utils/csv'
import { readXlsxRows, XlsxFormatError } from '~/utils/xlsx.server'
import { normalizeCnpj } from '~/domain/accounts/cnpj'
import { normalizePhone } from '~/domain/accounts/phones'
import { mapHeader } from './columns'
import { chunks } from '~/utils/chunks'
import { localDateIn } from '~/utils/dates'
import { analyzePriceLists, analyzeProducts } from './analyze-catalog.server'
import { analyzeOrderStatuses, type StatusRecord } from './analyze-statuses.server'
import { type PreviewSink } from './preview-rows.server'

export type RowErrorCode =
  | 'MISSING_VALUE'
  | 'INVALID_CNPJ'
  | 'UNKNOWN_ACCOUNT'
  | 'INVALID_DATE'
  | 'FUTURE_DATE'
  | 'INVALID_QUANTITY'
  | 'INVALID_PRICE'
  | 'DUPLICATE_LINE'
  | 'CONFLICTING_ORDER'
  | 'UNKNOWN_REP'
  | 'INVALID_UF'
  | 'INVALID_EMAIL'
  | 'INVALID_PHONE'
  | 'INVALID_PERCENT'
  | 'DUPLICATE_KEY'
  | 'EMAIL_IN_USE'
  | 'INVALID_SKU'
  | 'INVALID_NAME'
  | 'INVALID_TEXT'
  | 'INVALID_FAMILY'
  | 'INVALID_UNIT'
  | 'INVALID_PACK_SIZE'
  | 'INVALID_STOCK'
  | 'INVALID_BOOLEAN'
  | 'INVALID_LIST_CODE'
  | 'UNKNOWN_PRODUCT'
  // Order statuses (analyze-statuses.server.ts)
  | 'INVALID_ORDER_NUMBER'
  | 'UNKNOWN_ORDER'
  | 'INVALID_STATUS'
  | 'ORDER_CLOSED'
  | 'STATUS_BACKWARD'
  | 'NOT_CANCELLABLE'
  | 'INVOICE_REQUIRED'
  | 'TRACKING_REQUIRED'
  | 'DATE_BEFORE_ORDER'
  // Preview only: a good line of an order left out because another of its lines has an error.
  | 'ORDER_LEFT_OUT'
export type FileErrorCode =
  | 'EMPTY'
  | 'BINARY'
  | 'ENCODING'
  | 'UNTERMINATED_QUOTE'
  // A CSV row over 1 MB: a quote opened and never closed, in practice.
  | 'LINE_TOO_LONG'
  | 'MISSING_COLUMNS'
  | 'NO_ROWS'
  // A file named .xlsx that is not one Excel can open: damaged, password-protected, renamed.
  | 'INVALID_XLSX'
  // An .xlsx that unpacks to more than an upload may hold.
  | 'TOO_LARGE'
  // The stored upload is gone (deleted from the database): nothing can be written from it.
  | 'FILE_MISSING'
  // A preview whose analysis never finished (its process stopped): upload the file again.
  | 'UNFINISHED'
export type RowError = { line: number; code: RowErrorCode; column?: string; value?: string }

export type OrderRecord = {
  externalRef: string
  /** Null for an account this import creates first, found then by `cnpj`. */
  accountId: string | null
  cnpj: string
  placedAt: Date
  totalCents: number
  lines: {
    sku: string
    name: string
    quantity: number
    unitPriceCents: number
    totalCents: number
    productId: string | null
  }[]
}
export type AccountRecord = {
  cnpj: string
  legalName: string
  tradeName: string
  email: string | null
  /** E.164 (accounts/phones.ts). */
  phone: string | null
  /** E.164; absent when the file gives none, so a number typed in the portal stays. */
  whatsapp?: string
  street: string | null
  city: string
  state: string
  postalCode: string | null
  segment: string | null
  repId: string | null
  minimumOrderCents: number | null
  existingId: string | null
}
export type RepRecord = {
  code: string
  name: string
  email: string
  phone: string | null
  defaultCommissionBps: number | null
  existingId: string | null
}

/** A product of the catalog import: created, or updated by its SKU (which never changes). */
export type ProductRecord = {
  sku: string
  name: string
  description: string
  /** The family's path from the top, as written in the file (`Cimentos > CP-II`). */
  familyPath: string[]
  /** Null while a family of the path does not exist yet: the write creates it first. */
  familyId: string | null
  unit: string
  packSize: number
  listPriceCents: number
  stock: number | null
  active: boolean
  existingId: string | null
}
/** A price of a price list: the list's price for a product, or a quantity tier. */
export type PriceRecord = {
  listCode: string
  listName: string
  listId: string | null
  productId: string
  sku: string
  /** Null: the list's price; 2 or more: a quantity tier from that many units on. */
  minQuantity: number | null
  priceCents: number
  existing: boolean
}
/** A few rows as they will be written, for the preview. */
export type SampleRow = {
  line: number
  action: 'create' | 'update' | 'unchanged'
  cells: Record<string, string | number | null>
}
export type ImportFormat = 'csv' | 'xlsx'

/** A product code of an orders file that is not a catalog SKU, with the lines that carry it. */
export type UnknownCode = {
  code: string
  /** The name the file gives it (its first line's). */
  name: string
  lines: number
  /** The first few line numbers, for the preview. */
  firstLines: number[]
}
const FIRST_LINES = 5

/** An upload is read as Excel when its name says so, as CSV otherwise. */
export function importFormatOf(fileName: string): ImportFormat {
  return /\.xlsx$/i.test(fileName.trim()) ? 'xlsx' : 'csv'
}

/** Orders files: a CNPJ with no account, as the file's own columns describe it. */
export type NewAccount = {
  cnpj: string
  name: string | null
  city: string | null
  state: string | null
  /** Orders and lines of the file that are otherwise good to import. */
  orders: number
  lines: number
  /** What the file lacks to create the account: empty when it can be created. */
  missing: ('name' | 'city' | 'state')[]
  /** A state that is not a Brazilian UF, as read. */
  invalidState: string | null
}

/** Whether an account can be created from what the file says of it. */
export const canCreate = (account: NewAccount) => !account.missing.length && !account.invalidState

/** An orders file's code that is not a SKU but that a manager mapped to a catalog product. */
export type MappedCode = { code: string; sku: string; lines: number }

export type Analysis = {
  kind: ImportKind
  fileError: { code: FileErrorCode; columns?: string[] } | null
  totalRows: number
  errorRows: number
  errors: RowError[]
  toCreate: number
  toUpdate: number
  unchanged: number
  orders: OrderRecord[]
  accounts: AccountRecord[]
  reps: RepRecord[]
  products: ProductRecord[]
  prices: PriceRecord[]
  /** Order-statuses files: the portal orders to move, and the steps of each. */
  statuses: StatusRecord[]
  sample: SampleRow[]
  /** Orders files: codes of lines to be written that are not in the catalog, by code. */
  unknownCodes: UnknownCode[]
  /** Orders files: codes read as a catalog product through a remembered mapping. */
  mappedCodes: MappedCode[]
  /** Orders files: how many distinct CNPJs of otherwise valid orders have no account. */
  unknownAccounts: number
  /** Orders files: every CNPJ of otherwise valid orders with no account, as the file has it. */
  newAccounts: NewAccount[]
  /** Orders files: the columns describing a customer (name, city, state) the file lacks. */
  missingAccountColumns: string[]
  /** Where the preview's every line goes (decision 024); none when the file is read to write it. */
  sink?: PreviewSink
}

/** What an analysis is asked for beyond the file: where its lines go, the manager's choices. */
export type AnalyzeOptions = {
  sink?: PreviewSink
  /**
   * Orders files: create the accounts of unknown CNPJs that the file names, places and states
   * (they go in `accounts`, their orders with a null `accountId`), instead of leaving them out.
   */
  createAccounts?: boolean
}

const MAX_REPORTED_ERRORS = 200
/** Rows of the file shown in the preview as they will be written. */
export const SAMPLE_ROWS = 10

/** Adds a row to the preview's rows, and to its sample while that has room. */
export function addSample(result: Analysis, row: SampleRow) {
  result.sink?.row(row)
  if (result.sample.length < SAMPLE_ROWS) result.sample.push(row)
}
const UFS = new Set(
  'AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO'.split(' '),
)
const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/

export class Collector {
  errors: RowError[] = []
  errorLines = new Set<number>()
  constructor(private readonly sink?: PreviewSink) {}
  add(error: RowError) {
    this.errorLines.add(error.line)
    this.sink?.error(error)
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(error)
  }
}

/** Attaches the collected errors, in line order, to the analysis. */
export function finish(result: Analysis, errors: Collector): Analysis {
  result.errors = errors.errors.sort((a, b) => a.line - b.line)
  result.errorRows = errors.errorLines.size
  return result
}

export type Row = {
  line: number
  get: (column: string) => string
  /** Whether the file has the column at all. */
  has: (column: string) => boolean
}

function rowsOf(file: string, format: ImportFormat) {
  return format === 'xlsx' ? readXlsxRows(file) : readCsvRows(fs.createReadStream(file))
}

/**
 * Reads the file (CSV or .xlsx, as the same rows of text) row by row; calls `onRow` for each
 * data row with a column getter. The header is the first non-empty row.
 */
export async function eachRow(
  kind: ImportKind,
  file: string,
  format: ImportFormat,
  onRow: (row: Row) => void,
  sink?: PreviewSink,
): Promise<Pick<Analysis, 'fileError' | 'totalRows'>> {
  let index: Record<string, number> | null = null
  let totalRows = 0
  try {
    for await (const { line, fields } of rowsOf(file, format)) {
      if (!index) {
        const header = mapHeader(kind, fields)
        if (header.missing.length)
          return { fileError: { code: 'MISSING_COLUMNS', columns: header.missing }, totalRows: 0 }
        index = header.index
        continue
      }
      totalRows++
      const columns = index
      onRow({
        line,
        get: (column) =>
          columns[column] === undefined ? '' : (fields[columns[column]!] ?? '').trim(),
        has: (column) => columns[column] !== undefined,
      })
      // The preview's inserts keep pace with the reading: memory holds a few hundred rows.
      if (sink) await sink.settle()
    }
  } catch (error) {
    if (error instanceof CsvFormatError || error instanceof XlsxFormatError)
      return { fileError: { code: error.code }, totalRows }
    throw error
  }
  if (!index) return { fileError: { code: 'EMPTY' }, totalRows: 0 }
  if (totalRows === 0) return { fileError: { code: 'NO_ROWS' }, totalRows: 0 }
  return { fileError: null, totalRows }
}

export function required(row: Row, column: string, errors: Collector): string | null {
  const value = row.get(column)
  if (!value) errors.add({ line: row.line, code: 'MISSING_VALUE', column })
  return value || null
}

export const empty = (kind: ImportKind, sink?: PreviewSink): Analysis => ({
  kind,
  sink,
  fileError: null,
  totalRows: 0,
  errorRows: 0,
  errors: [],
  toCreate: 0,
  toUpdate: 0,
  unchanged: 0,
  orders: [],
  accounts: [],
  reps: [],
  products: [],
  prices: [],
  statuses: [],
  sample: [],
  unknownCodes: [],
  mappedCodes: [],
  unknownAccounts: 0,
  newAccounts: [],
  missingAccountColumns: [],
})

/** Offline order history: one row per order line, grouped by the ERP order number. */
async function analyzeOrders(
  file: string,
  format: ImportFormat,
  now: Date,
  options: AnalyzeOptions,
): Promise<Analysis> {
  const result = empty('ORDERS', options.sink)
  const errors = new Collector(options.sink)
  type Pending = {
    ref: string
    cnpj: string
    placedAt: Date
    lines: Map<string, OrderRecord['lines'][number] & { line: number }>
    rows: number[]
    bad: boolean
  }
  const orders = new Map<string, Pending>()
  // What the file says of each customer (the first value found of each), should it need creating.
  const customers = new Map<
    string,
    { name: string; tradeName: string; city: string; state: string }
  >()
  let customerColumns: string[] | null = null
  const noteCustomer = (cnpj: string, row: Row) => {
    customerColumns ??= ['cliente', 'cidade', 'uf'].filter((column) => !row.has(column))
    const seen =
      customers.get(cnpj) ??
      customers.set(cnpj, { name: '', tradeName: '', city: '', state: '' }).get(cnpj)!
    seen.name ||= row.get('cliente')
    seen.tradeName ||= row.get('nomeFantasia')
    seen.city ||= row.get('cidade')
    seen.state ||= row.get('uf').toUpperCase()
  }

  const read = await eachRow(
    'ORDERS',
    file,
    format,
    (row) => {
      const cnpjText = required(row, 'cnpj', errors)
      const ref = required(row, 'pedido', errors)
      const dateText = required(row, 'data', errors)
      const sku = required(row, 'sku', errors)?.toUpperCase()
      const quantityText = required(row, 'quantidade', errors)
      const priceText = required(row, 'preco', errors)
      const cnpj = cnpjText ? normalizeCnpj(cnpjText) : null
      if (cnpjText && !cnpj)
        errors.add({ line: row.line, code: 'INVALID_CNPJ', column: 'cnpj', value: cnpjText })
      if (cnpj) noteCustomer(cnpj, row)
      const placedAt = dateText ? parseBrazilianDate(dateText) : null
      if (dateText && !placedAt)
        errors.add({ line: row.line, code: 'INVALID_DATE', column: 'data', value: dateText })
      if (placedAt && placedAt > now)
        errors.add({ line: row.line, code: 'FUTURE_DATE', column: 'data', value: dateText ?? '' })
      const quantity = quantityText ? parseBrazilianDecimal(quantityText) : null
      const quantityOk =
        quantity !== null && Number.isInteger(quantity) && quantity > 0 && quantity <= 1_000_000
      if (quantityText && !quantityOk)
        errors.add({
          line: row.line,
          code: 'INVALID_QUANTITY',
          column: 'quantidade',
          value: quantityText,
        })
      const price = priceText ? parseBrazilianMoney(priceText) : null
      if (priceText && (price === null || price < 0))
        errors.add({ line: row.line, code: 'INVALID_PRICE', column: 'preco', value: priceText })
      if (!ref) return
      const valid = !!(
        cnpj &&
        placedAt &&
        placedAt <= now &&
        sku &&
        quantityOk &&
        price !== null &&
        price >= 0
      )
      let order = orders.get(ref)
      if (!order && cnpj && placedAt) {
        order = { ref, cnpj, placedAt, lines: new Map(), rows: [], bad: false }
        orders.set(ref, order)
      }
      if (!order) return
      order.rows.push(row.line)
      if (!valid) {
        order.bad = true
        return
      }
      if (order.cnpj !== cnpj || order.placedAt.getTime() !== placedAt!.getTime()) {
        errors.add({ line: row.line, code: 'CONFLICTING_ORDER', column: 'pedido', value: ref })
        order.bad = true
        return
      }
      if (order.lines.has(sku!)) {
        // The same product twice in one order: a duplicated line, reported and not counted twice.
        errors.add({ line: row.line, code: 'DUPLICATE_LINE', column: 'sku', value: sku })
        return
      }
      order.lines.set(sku!, {
        line: row.line,
        sku: sku!,
        name: row.get('produto') || sku!,
        quantity: quantity!,
        unitPriceCents: price!,
        totalCents: quantity! * price!,
        productId: null,
      })
    },
    options.sink,
  )
  Object.assign(result, read)
  if (read.fileError) return result

  const candidates = [...orders.values()].filter((o) => !o.bad && o.lines.size > 0)
  const accountIds = new Map<string, string>()
  const accountNames = new Map<string, string>()
  for (const part of chunks([...new Set(candidates.map((o) => o.cnpj))], 500)) {
    const found = await prisma.account.findMany({
      where: { cnpj: { in: part } },
      select: { id: true, cnpj: true, tradeName: true },
    })
    found.forEach((a) => {
      accountIds.set(a.cnpj, a.id)
      accountNames.set(a.cnpj, a.tradeName)
    })
  }
  // The lines of the file, as they will be written (or left, for an order already in). Only the
  // preview's rows get the lines of an order left out, beside their errors.
  const sampleOrder = (order: Pending, action: SampleRow['action'], leftOut = false) => {
    for (const line of order.lines.values())
      (leftOut ? (row: SampleRow) => result.sink?.row(row) : addSample.bind(null, result))({
        line: line.line,
        action,
        cells: {
          order: order.ref,
          // A calendar day in Brasília, shown as such whatever the viewer's zone.
          date: localDateIn(order.placedAt, 'America/Sao_Paulo'),
          account: accountNames.get(order.cnpj) ?? null,
          sku: line.sku,
          product: line.name,
          quantity: line.quantity,
          price: line.unitPriceCents,
        },
      })
  }
  const existing = new Set<string>()
  for (const part of chunks(
    candidates.map((o) => o.ref),
    500,
  )) {
    const found = await prisma.order.findMany({
      where: { channel: 'OFFLINE', externalRef: { in: part } },
      select: { externalRef: true },
    })
    found.forEach((o) => o.externalRef && existing.add(o.externalRef))
  }
  const codes = [...new Set(candidates.flatMap((o) => [...o.lines.keys()]))]
  const productIds = new Map<string, string>()
  for (const part of chunks(codes, 500)) {
    const found = await prisma.product.findMany({
      where: { sku: { in: part } },
      select: { id: true, sku: true },
    })
    found.forEach((p) => productIds.set(p.sku, p.id))
  }
  // Codes that are not SKUs but were mapped to a product in an earlier preview.
  const mappings = await codeMappings(codes.filter((code) => !productIds.has(code)))

  const unknown = new Map<string, UnknownCode>()
  const mapped = new Map<string, MappedCode>()
  const unknownAccounts = new Set<string>()
  // CNPJs with no account, described by the file's columns, and whether each can be created.
  const newAccounts = new Map<string, NewAccount>()
  for (const order of candidates) {
    if (accountIds.has(order.cnpj)) continue
    let entry = newAccounts.get(order.cnpj)
    if (!entry) {
      const seen = customers.get(order.cnpj)
      const state = seen?.state || null
      entry = {
        cnpj: order.cnpj,
        name: seen?.name || null,
        city: seen?.city || null,
        state,
        orders: 0,
        lines: 0,
        missing: [
          ...(seen?.name ? [] : ['name' as const]),
          ...(seen?.city ? [] : ['city' as const]),
          ...(state ? [] : ['state' as const]),
        ],
        invalidState: state && !UFS.has(state) ? state : null,
      }
      newAccounts.set(order.cnpj, entry)
      accountNames.set(order.cnpj, seen?.tradeName || seen?.name || '')
    }
    entry.orders++
    entry.lines += order.rows.length
  }
  const creating = new Set<string>()
  if (result.sink) {
    // The good lines of an order with a bad one are not imported either: the preview says so.
    for (const order of orders.values()) {
      if (!order.bad) continue
      for (const line of order.rows)
        if (!errors.errorLines.has(line))
          result.sink.error({ line, code: 'ORDER_LEFT_OUT', column: 'pedido', value: order.ref })
      sampleOrder(order, 'create', true)
    }
  }
  for (const order of candidates) {
    const accountId = accountIds.get(order.cnpj) ?? null
    const created = newAccounts.get(order.cnpj)
    const create = !accountId && !!options.createAccounts && !!created && canCreate(created)
    if (!accountId && !create) {
      unknownAccounts.add(order.cnpj)
      for (const line of order.rows)
        errors.add({ line, code: 'UNKNOWN_ACCOUNT', column: 'cnpj', value: order.cnpj })
      sampleOrder(order, 'create', true)
      continue
    }
    if (existing.has(order.ref)) {
      result.unchanged++
      sampleOrder(order, 'unchanged')
      continue
    }
    sampleOrder(order, 'create')
    const lines = [...order.lines.values()].map(({ line, ...rest }) => {
      const mapping = mappings.get(rest.sku)
      if (mapping) {
        const code = mapped.get(rest.sku) ?? { code: rest.sku, sku: mapping.sku, lines: 0 }
        code.lines++
        mapped.set(rest.sku, code)
        // Written as the catalog's product, so reorders and the usual order find it.
        return { ...rest, sku: mapping.sku, productId: mapping.productId }
      }
      const productId = productIds.get(rest.sku) ?? null
      if (!productId) {
        const code =
          unknown.get(rest.sku) ??
          unknown
            .set(rest.sku, { code: rest.sku, name: rest.name, lines: 0, firstLines: [] })
            .get(rest.sku)!
        code.lines++
        // The smallest line numbers (an order's lines can come after a later order's).
        if (code.firstLines.length < FIRST_LINES || line < code.firstLines.at(-1)!) {
          code.firstLines.push(line)
          code.firstLines.sort((a, b) => a - b)
          code.firstLines.length = Math.min(code.firstLines.length, FIRST_LINES)
        }
      }
      return { ...rest, productId }
    })
    if (create) creating.add(order.cnpj)
    result.orders.push({
      externalRef: order.ref,
      accountId,
      cnpj: order.cnpj,
      placedAt: order.placedAt,
      totalCents: lines.reduce((sum, l) => sum + l.totalCents, 0),
      lines,
    })
  }
  result.toCreate = result.orders.length
  result.unknownCodes = [...unknown.values()].sort((a, b) => a.code.localeCompare(b.code))
  result.mappedCodes = [...mapped.values()].sort((a, b) => a.code.localeCompare(b.code))
  result.unknownAccounts = unknownAccounts.size
  result.newAccounts = [...newAccounts.values()].sort((a, b) => a.cnpj.localeCompare(b.cnpj))
  result.missingAccountColumns = customerColumns ?? []
  // The accounts to create before the orders, as the accounts import would create them.
  for (const cnpj of creating) {
    const entry = newAccounts.get(cnpj)!
    result.accounts.push({
      cnpj,
      legalName: entry.name!,
      tradeName: customers.get(cnpj)?.tradeName || entry.name!,
      email: null,
      phone: null,
      street: null,
      city: entry.city!,
      state: entry.state!,
      postalCode: null,
      segment: null,
      repId: null,
      minimumOrderCents: null,
      existingId: null,
    })
  }
  return finish(result, errors)
}

/** The remembered mappings of these codes, each to its product's id and SKU. */
async function codeMappings(codes: string[]) {
  const mappings = new Map<string, { productId: string; sku: string }>()
  for (const part of chunks(codes, 500)) {
    const found = await prisma.productCodeMapping.findMany({
      where: { code: { in: part } },
      select: { code: true, product: { select: { id: true, sku: true } } },
    })
    found.forEach((m) => mappings.set(m.code, { productId: m.product.id, sku: m.product.sku }))
  }
  return mappings
}

async function analyzeAccounts(
  file: string,
  format: ImportFormat,
  options: AnalyzeOptions,
): Promise<Analysis> {
  const result = empty('ACCOUNTS', options.sink)
  const errors = new Collector(options.sink)
  const byCnpj = new Map<string, AccountRecord & { repCode: string | null; line: number }>()
  const read = await eachRow(
    'ACCOUNTS',
    file,
    format,
    (row) => {
      const cnpjText = required(row, 'cnpj', errors)
      const legalName = required(row, 'razaoSocial', errors)
      const city = required(row, 'cidade', errors)
      const stateText = required(row, 'uf', errors)?.toUpperCase() ?? null
      const cnpj = cnpjText ? normalizeCnpj(cnpjText) : null
      if (cnpjText && !cnpj)
        errors.add({ line: row.line, code: 'INVALID_CNPJ', column: 'cnpj', value: cnpjText })
      if (stateText && !UFS.has(stateText))
        errors.add({ line: row.line, code: 'INVALID_UF', column: 'uf', value: stateText })
      const email = row.get('email').toLowerCase() || null
      if (email && !EMAIL.test(email))
        errors.add({ line: row.line, code: 'INVALID_EMAIL', column: 'email', value: email })
      const [phone, whatsapp] = (['telefone', 'whatsapp'] as const).map((column) => {
        const text = row.get(column)
        const number = normalizePhone(text)
        if (text && !number)
          errors.add({ line: row.line, code: 'INVALID_PHONE', column, value: text })
        return number
      })
      const minimumText = row.get('pedidoMinimo')
      const minimum = minimumText ? parseBrazilianMoney(minimumText) : null
      if (minimumText && (minimum === null || minimum < 0))
        errors.add({
          line: row.line,
          code: 'INVALID_PRICE',
          column: 'pedidoMinimo',
          value: minimumText,
        })
      if (errors.errorLines.has(row.line) || !cnpj || !legalName || !city || !stateText) return
      if (byCnpj.has(cnpj)) {
        errors.add({ line: row.line, code: 'DUPLICATE_KEY', column: 'cnpj', value: cnpjText ?? '' })
        return
      }
      byCnpj.set(cnpj, {
        line: row.line,
        cnpj,
        legalName,
        tradeName: row.get('nomeFantasia') || legalName,
        email,
        phone: phone ?? null,
        ...(whatsapp ? { whatsapp } : {}),
        street: row.get('endereco') || null,
        city,
        state: stateText,
        postalCode: row.get('cep') || null,
        segment: row.get('segmento') || null,
        repCode: row.get('representante') || null,
        repId: null,
        minimumOrderCents: minimum,
        existingId: null,
      })
    },
    options.sink,
  )
  Object.assign(result, read)
  if (read.fileError) return result

  const records = [...byCnpj.values()]
  const reps = await prisma.rep.findMany({ select: { id: true, code: true } })
  const repIds = new Map(reps.map((r) => [r.code.toUpperCase(), r.id]))
  const existing = new Map<string, Awaited<ReturnType<typeof prisma.account.findMany>>[number]>()
  for (const part of chunks(
    records.map((r) => r.cnpj),
    500,
  )) {
    const found = await prisma.account.findMany({ where: { cnpj: { in: part } } })
    found.forEach((a) => existing.set(a.cnpj, a))
  }
  for (const record of records) {
    if (record.repCode) {
      const repId = repIds.get(record.repCode.toUpperCase())
      if (!repId) {
        errors.add({
          line: record.line,
          code: 'UNKNOWN_REP',
          column: 'representante',
          value: record.repCode,
        })
        continue
      }
      record.repId = repId
    }
    const current = existing.get(record.cnpj)
    const { line: _line, repCode: _repCode, ...clean } = record
    const sample = (action: SampleRow['action']) =>
      addSample(result, {
        line: record.line,
        action,
        cells: {
          cnpj: record.cnpj,
          legalName: record.legalName,
          tradeName: record.tradeName,
          city: record.city,
          state: record.state,
          email: record.email,
          rep: record.repCode,
        },
      })
    if (!current) {
      result.accounts.push(clean)
      result.toCreate++
      sample('create')
      continue
    }
    clean.existingId = current.id
    if (!record.repCode) clean.repId = current.repId
    if (clean.minimumOrderCents === null) clean.minimumOrderCents = current.minimumOrderCents
    const fields = [
      'legalName',
      'tradeName',
      'email',
      'phone',
      'street',
      'city',
      'state',
      'postalCode',
      'segment',
      'repId',
      'minimumOrderCents',
    ] as const
    if (
      fields.some((f) => (clean[f] ?? null) !== (current[f] ?? null)) ||
      (clean.whatsapp !== undefined && clean.whatsapp !== current.whatsapp)
    ) {
      result.accounts.push(clean)
      result.toUpdate++
      sample('update')
    } else {
      result.unchanged++
      sample('unchanged')
    }
  }
  return finish(result, errors)
}

async function analyzeReps(
  file: string,
  format: ImportFormat,
  options: AnalyzeOptions,
): Promise<Analysis> {
  const result = empty('REPS', options.sink)
  const errors = new Collector(options.sink)
  const byCode = new Map<string, RepRecord & { line: number }>()
  const read = await eachRow(
    'REPS',
    file,
    format,
    (row) => {
      const code = required(row, 'codigo', errors)?.toUpperCase()
      const name = required(row, 'nome', errors)
      const email = required(row, 'email', errors)?.toLowerCase()
      if (email && !EMAIL.test(email))
        errors.add({ line: row.line, code: 'INVALID_EMAIL', column: 'email', value: email })
      const percentText = row.get('comissao').replace('%', '')
      const percent = percentText ? parseBrazilianDecimal(percentText) : null
      if (percentText && (percent === null || percent < 0 || percent > 100)) {
        errors.add({
          line: row.line,
          code: 'INVALID_PERCENT',
          column: 'comissao',
          value: percentText,
        })
      }
      if (errors.errorLines.has(row.line) || !code || !name || !email) return
      if (byCode.has(code)) {
        errors.add({ line: row.line, code: 'DUPLICATE_KEY', column: 'codigo', value: code })
        return
      }
      byCode.set(code, {
        line: row.line,
        code,
        name,
        email,
        phone: row.get('telefone') || null,
        defaultCommissionBps: percent === null ? null : Math.round(percent * 100),
        existingId: null,
      })
    },
    options.sink,
  )
  Object.assign(result, read)
  if (read.fileError) return result

  const existing = await prisma.rep.findMany()
  const byExistingCode = new Map(existing.map((r) => [r.code.toUpperCase(), r]))
  const byExistingEmail = new Map(existing.map((r) => [r.email.toLowerCase(), r]))
  const emailsInFile = new Map<string, string>()
  for (const record of byCode.values()) {
    const current = byExistingCode.get(record.code)
    const owner = byExistingEmail.get(record.email)
    if (
      (owner && owner.id !== current?.id) ||
      (emailsInFile.has(record.email) && emailsInFile.get(record.email) !== record.code)
    ) {
      errors.add({ line: record.line, code: 'EMAIL_IN_USE', column: 'email', value: record.email })
      continue
    }
    emailsInFile.set(record.email, record.code)
    const { line: _line, ...clean } = record
    const sample = (action: SampleRow['action']) =>
      addSample(result, {
        line: record.line,
        action,
        cells: { code: record.code, name: record.name, email: record.email },
      })
    if (!current) {
      result.reps.push(clean)
      result.toCreate++
      sample('create')
      continue
    }
    clean.existingId = current.id
    const commission = clean.defaultCommissionBps ?? current.defaultCommissionBps
    if (
      clean.name !== current.name ||
      clean.email !== current.email ||
      (clean.phone ?? null) !== (current.phone ?? null) ||
      commission !== current.defaultCommissionBps
    ) {
      result.reps.push(clean)
      result.toUpdate++
      sample('update')
    } else {
      result.unchanged++
      sample('unchanged')
    }
  }
  return finish(result, errors)
}

/** Reads and checks an uploaded file (CSV or .xlsx) against the database, writing nothing. */
export function analyzeImport(
  kind: ImportKind,
  file: string,
  now = new Date(),
  format: ImportFormat = 'csv',
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  if (kind === 'ORDERS') return analyzeOrders(file, format, now, options)
  if (kind === 'ACCOUNTS') return analyzeAccounts(file, format, options)
  if (kind === 'PRODUCTS') return analyzeProducts(file, format, options)
  if (kind === 'PRICE_LISTS') return analyzePriceLists(file, format, options)
  if (kind === 'ORDER_STATUSES') return analyzeOrderStatuses(file, format, now, options)
  return analyzeReps(file, format, options)
}
