/**
 * The parts of CSV handling that run anywhere, browser included: how the encoding and the
 * separator are judged, Brazilian numbers and dates, and the cells our exports write. The
 * reader itself is in csv.ts (server only: it streams through csv-parse).
 */

export type CsvEncoding = 'utf-8' | 'windows-1252'
export type CsvFormatErrorCode =
  | 'EMPTY'
  | 'BINARY'
  | 'ENCODING'
  | 'UNTERMINATED_QUOTE'
  // A record over the reader's limit: in practice a quote opened and never closed.
  | 'LINE_TOO_LONG'
export class CsvFormatError extends Error {
  constructor(readonly code: CsvFormatErrorCode) {
    super(code)
  }
}

/** Decides the encoding from the first bytes: BOM, then whether they are valid UTF-8. */
export function detectEncoding(head: Uint8Array): { encoding: CsvEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 }
  let sample = head
  // Do not judge a multi-byte character cut at the end of the sample.
  for (let back = 1; back <= 3 && sample.length - back >= 0; back++) {
    const byte = sample[sample.length - back]!
    if ((byte & 0xc0) === 0xc0) {
      sample = sample.subarray(0, sample.length - back)
      break
    }
    if ((byte & 0x80) === 0) break
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample)
    return { encoding: 'utf-8', bomLength: 0 }
  } catch {
    return { encoding: 'windows-1252', bomLength: 0 }
  }
}

export function looksBinary(head: Uint8Array): boolean {
  let control = 0
  for (const byte of head) {
    if (byte === 0) return true
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++
  }
  return head.length > 0 && control / head.length > 0.01
}

export function detectDelimiter(firstLine: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 }
  let quoted = false
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';'
  if (counts['\t'] > counts[',']) return '\t'
  return ','
}

/** Header names compared without case, accents, spaces or punctuation. */
export function normalizeHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/** "1.234,56", "R$ 1234,56", "1234.56", "1.234" → integer cents; null if not a number. */
export function parseBrazilianMoney(input: string): number | null {
  const value = parseBrazilianDecimal(input)
  return value === null ? null : Math.round(value * 100)
}

export function parseBrazilianDecimal(input: string): number | null {
  let text = input.replace(/R\$/i, '').replace(/\s/g, '')
  if (text === '') return null
  const negative = text.startsWith('-')
  if (negative) text = text.slice(1)
  if (text.includes(',')) {
    if (!/^\d{1,3}(\.\d{3})*(,\d+)?$|^\d+(,\d+)?$/.test(text)) return null
    text = text.replace(/\./g, '').replace(',', '.')
  } else if (/^\d{1,3}(\.\d{3})+$/.test(text)) {
    text = text.replace(/\./g, '')
  } else if (!/^\d+(\.\d+)?$/.test(text)) {
    return null
  }
  const value = Number(text)
  return Number.isFinite(value) ? (negative ? -value : value) : null
}

/**
 * "31/01/2026" or "2026-01-31" → the start of that day in Brasília (03:00 UTC; Brazil has no
 * daylight saving time), so an order dated today is already in the past. Null if invalid.
 */
export function parseBrazilianDate(input: string): Date | null {
  const text = input.trim()
  let day: number, month: number, year: number
  let match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)
  if (match) {
    day = Number(match[1])
    month = Number(match[2])
    year = Number(match[3])
  } else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) {
    year = Number(match[1])
    month = Number(match[2])
    day = Number(match[3])
  } else {
    return null
  }
  const date = new Date(Date.UTC(year, month - 1, day, 3))
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null
  if (year < 1990 || year > 2100) return null
  return date
}

/**
 * A plain number as our exports write them ("-3", "-12,50", "1.234,56"): digits, dots and
 * commas after an optional minus can never be a formula, so it is written as is and a
 * spreadsheet still reads it as a number.
 */
const PLAIN_NUMBER = /^-?\d[\d.,]*$/
/** What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Where a spreadsheet that splits on `,` or tab (Excel outside Brazil, or a file opened with the
 * wrong separator) would start a cell inside our text: such a reader honours a quote only at
 * the start of its own cell, so after a `,`, a tab or a line break inside any of our cells but
 * the first of the line, what follows is a cell of its own.
 */
const INNER_CELL_START = /[,\t\r\n](?=[=+\-@\t\r])/g

/**
 * One CSV cell (`;` separated, as Excel in pt-BR opens). Text a spreadsheet would run as a
 * formula gets a leading `'` and quotes, so names such as `=HYPERLINK(…)` are shown, never
 * evaluated; text with a `,` or tab is quoted too, for spreadsheets that split on those. A cell
 * after the first of its line also gets a `'` wherever such a spreadsheet would start a formula
 * inside it (`Loja,=1+1` → `Loja,'=1+1`), unless what starts there is a plain number.
 */
export function csvCell(
  value: string | number | null | undefined,
  { firstOfLine = true }: { firstOfLine?: boolean } = {},
): string {
  if (typeof value === 'number') return String(value)
  let text = value ?? ''
  if (PLAIN_NUMBER.test(text)) return text
  if (!firstOfLine)
    text = text.replace(INNER_CELL_START, (separator: string, at: number, whole: string) => {
      const next = /^[^,\t\r\n]*/.exec(whole.slice(at + 1))![0]
      return PLAIN_NUMBER.test(next) ? separator : `${separator}'`
    })
  if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`
  return /[";,\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map((value, i) => csvCell(value, { firstOfLine: i === 0 })).join(';')}\r\n`
}
