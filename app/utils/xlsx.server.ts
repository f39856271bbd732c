/**
 * Excel .xlsx files read as the CSV reader reads CSV: the first worksheet's rows as lists of
 * strings, each with its row number, so every import analyses both the same way (decision 014).
 * Cells become the text a CSV export of them would hold: dates as 31/01/2026, numbers with a
 * decimal comma and no thousands separator ("1234,5"), rich text as its text, formulas as
 * their result. The file streams (exceljs's streaming reader); a file whose zip says it
 * unpacks to far more than an upload may hold is refused before it is opened.
 */
import fs from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { Writable } from 'node:stream'
import zlib from 'node:zlib'
import ExcelJS from 'exceljs'

export class XlsxFormatError extends Error {
  constructor(readonly code: 'INVALID_XLSX' | 'TOO_LARGE' | 'EMPTY') {
    super(code)
  }
}

export type XlsxRow = { line: number; fields: string[] }

/** What the zip's parts may unpack to, in all: an upload's limit many times over, no more. */
export const MAX_XLSX_UNPACKED_BYTES = 500 * 1024 * 1024
/** The text read from cells, at most as much as a CSV upload may hold. */
export const MAX_XLSX_TEXT_CHARS = 50 * 1024 * 1024

const ZIP_LOCAL_HEADER = 0x04034b50
const ZIP_END_OF_DIRECTORY = 0x06054b50
const ZIP_DIRECTORY_ENTRY = 0x02014b50

/**
 * Inflates one stored part, counting what it really unpacks to (its directory entry may lie,
 * and the unzipper exceljs uses trusts the data, not the sizes); the output is dropped. Throws
 * TOO_LARGE past `budget` bytes, INVALID_XLSX for data that does not inflate.
 */
async function inflatedSize(
  file: string,
  { offset, compressedSize, method }: { offset: number; compressedSize: number; method: number },
  budget: number,
): Promise<number> {
  if (method === 0) return compressedSize
  if (method !== 8) throw new XlsxFormatError('INVALID_XLSX')
  const handle = await fs.promises.open(file, 'r')
  let dataStart: number
  try {
    const header = Buffer.alloc(30)
    await handle.read(header, 0, 30, offset)
    if (header.readUInt32LE(0) !== ZIP_LOCAL_HEADER) throw new XlsxFormatError('INVALID_XLSX')
    dataStart = offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  } finally {
    await handle.close()
  }
  let size = 0
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length
      done(size > budget ? new XlsxFormatError('TOO_LARGE') : null)
    },
  })
  try {
    await pipeline(
      fs.createReadStream(file, { start: dataStart, end: dataStart + compressedSize - 1 }),
      zlib.createInflateRaw(),
      counter,
    )
  } catch (error) {
    throw error instanceof XlsxFormatError ? error : new XlsxFormatError('INVALID_XLSX')
  }
  return size
}

/**
 * Checks the zip: a zip at all (a password-protected workbook is not one, it is an OLE file),
 * not ZIP64, and its parts really unpacking to no more than MAX_XLSX_UNPACKED_BYTES in all
 * (each part inflated once and counted, its output dropped).
 */
async function checkZip(file: string, maxUnpackedBytes: number): Promise<void> {
  const handle = await fs.promises.open(file, 'r')
  try {
    const { size } = await handle.stat()
    if (size < 22) throw new XlsxFormatError(size === 0 ? 'EMPTY' : 'INVALID_XLSX')
    const first = Buffer.alloc(4)
    await handle.read(first, 0, 4, 0)
    if (first.readUInt32LE(0) !== ZIP_LOCAL_HEADER) throw new XlsxFormatError('INVALID_XLSX')
    const tailLength = Math.min(size, 22 + 65_535)
    const tail = Buffer.alloc(tailLength)
    await handle.read(tail, 0, tailLength, size - tailLength)
    let end = -1
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === ZIP_END_OF_DIRECTORY) {
        end = i
        break
      }
    }
    if (end === -1) throw new XlsxFormatError('INVALID_XLSX')
    const entries = tail.readUInt16LE(end + 10)
    const directorySize = tail.readUInt32LE(end + 12)
    const directoryOffset = tail.readUInt32LE(end + 16)
    if (
      entries === 0xffff ||
      directoryOffset === 0xffffffff ||
      directoryOffset + directorySize > size
    )
      throw new XlsxFormatError('INVALID_XLSX')
    const directory = Buffer.alloc(directorySize)
    await handle.read(directory, 0, directorySize, directoryOffset)
    let unpacked = 0
    let claimed = 0
    let at = 0
    for (let n = 0; n < entries; n++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== ZIP_DIRECTORY_ENTRY)
        throw new XlsxFormatError('INVALID_XLSX')
      const entrySize = directory.readUInt32LE(at + 24)
      const compressedSize = directory.readUInt32LE(at + 20)
      const offset = directory.readUInt32LE(at + 42)
      if (entrySize === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff)
        throw new XlsxFormatError('TOO_LARGE')
      if (offset + compressedSize > size) throw new XlsxFormatError('INVALID_XLSX')
      // What it claims first (a claim past the limit is refused without inflating anything),
      // then what it really unpacks to.
      claimed += entrySize
      if (claimed > maxUnpackedBytes) throw new XlsxFormatError('TOO_LARGE')
      unpacked += await inflatedSize(
        file,
        { offset, compressedSize, method: directory.readUInt16LE(at + 10) },
        maxUnpackedBytes - unpacked,
      )
      at +=
        46 +
        directory.readUInt16LE(at + 28) +
        directory.readUInt16LE(at + 30) +
        directory.readUInt16LE(at + 32)
    }
  } finally {
    await handle.close()
  }
}

const two = (n: number) => String(n).padStart(2, '0')

/** A number as a Brazilian CSV writes it: "1234", "1234,5" (never "1.234", read as thousands). */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return ''
  if (Number.isInteger(value)) return String(value)
  // Floating-point noise (0.1 + 0.2) is cut where a spreadsheet would show it.
  const text = String(Number(value.toPrecision(15)))
  if (/e/i.test(text)) return value.toFixed(10).replace(/0+$/, '').replace('.', ',')
  return text.replace('.', ',')
}

/**
 * A number as its cell's format shows it, where that changes what it means: a percentage
 * ("0%", "0,0%": 0.035 is "3,5%") and a zero-padded code ("00000000": a CEP or a CNPJ keeps
 * its leading zeros).
 */
function formattedNumber(value: number, numFmt: string | undefined): string {
  const format = (numFmt ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '')
  if (format.includes('%')) return `${numberText(Number((value * 100).toPrecision(15)))}%`
  const padded = /^0+$/.exec(format)
  if (padded && Number.isInteger(value) && value >= 0)
    return String(value).padStart(padded[0].length, '0')
  return numberText(value)
}

/** A cell's value as the text a CSV export of it would hold (`numFmt`: the cell's format). */
export function cellText(value: ExcelJS.CellValue | undefined, numFmt?: string): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return formattedNumber(value, numFmt)
  if (typeof value === 'boolean') return value ? 'sim' : 'não'
  if (value instanceof Date) {
    // exceljs reads a date cell as that day (and time) in UTC.
    if (Number.isNaN(value.getTime())) return ''
    return `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((part) => part.text ?? '').join('')
    if ('formula' in value || 'sharedFormula' in value)
      return cellText((value as { result?: ExcelJS.CellValue }).result, numFmt)
    if ('error' in value) return String(value.error)
    if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text)
  }
  return ''
}

/**
 * The first worksheet's non-empty rows. Throws XlsxFormatError for a file that is not a
 * readable .xlsx or that holds more than an upload may.
 */
export async function* readXlsxRows(
  file: string,
  { maxUnpackedBytes = MAX_XLSX_UNPACKED_BYTES } = {},
): AsyncGenerator<XlsxRow> {
  await checkZip(file, maxUnpackedBytes)
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles say which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  let sheets = 0
  let chars = 0
  const rows: AsyncGenerator<XlsxRow> = (async function* () {
    for await (const worksheet of reader) {
      sheets++
      for await (const row of worksheet) {
        // Later sheets are read through (the zip streams in order) and ignored.
        if (sheets > 1) continue
        const values = Array.isArray(row.values) ? row.values : []
        const fields: string[] = []
        for (let column = 1; column < values.length; column++) {
          const text = cellText(values[column], row.getCell(column).numFmt)
          chars += text.length
          fields.push(text)
        }
        if (chars > MAX_XLSX_TEXT_CHARS) throw new XlsxFormatError('TOO_LARGE')
        if (fields.every((field) => field.trim() === '')) continue
        yield { line: row.number, fields }
      }
    }
  })()
  try {
    yield* rows
  } catch (error) {
    if (error instanceof XlsxFormatError) throw error
    // Anything exceljs or the unzipper cannot read: a damaged or disguised file. Said in the
    // log too, since a file that passed the zip checks may also meet a reader's own fault.
    console.warn(`Unreadable .xlsx: ${error instanceof Error ? error.stack : String(error)}`)
    throw new XlsxFormatError('INVALID_XLSX')
  }
  if (sheets === 0) throw new XlsxFormatError('INVALID_XLSX')
}
