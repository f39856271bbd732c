/**
 * CSV as Brazilian ERPs and Excel export it: `;` or `,` (or tab) separators, UTF-8 with or
 * without BOM or Windows-1252, quoted fields with "" escapes and line breaks, CRLF or LF.
 * Everything streams: a 50,000-line file is never held as one string.
 */

export type CsvEncoding = 'utf-8' | 'windows-1252'
export class CsvFormatError extends Error {
  constructor(readonly code: 'EMPTY' | 'BINARY' | 'ENCODING' | 'UNTERMINATED_QUOTE') {
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

export type CsvRow = { line: number; fields: string[] }

/**
 * Reads rows from a stream of bytes. Yields each row with the number of the line it starts
 * on (1 = header). Throws CsvFormatError for binary, wrongly encoded or unterminated input.
 */
export async function* readCsvRows(
  source: AsyncIterable<Uint8Array>,
): AsyncGenerator<CsvRow & { delimiter: string }> {
  let decoder: TextDecoder | null = null
  let delimiter: ';' | ',' | '\t' | null = null
  let pending = ''
  let field = ''
  let fields: string[] = []
  let quoted = false
  let afterQuote = false
  let line = 1
  let rowStart = 1
  let sawAnything = false

  function* consume(text: string): Generator<CsvRow & { delimiter: string }> {
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!
      if (quoted) {
        if (char === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i++
          } else if (i + 1 === text.length) {
            // Cannot tell yet whether this quote is escaped: keep it for the next chunk.
            pending = '"'
            return
          } else {
            quoted = false
            afterQuote = true
          }
        } else {
          if (char === '\n') line++
          field += char
        }
        continue
      }
      if (char === '"' && field === '' && !afterQuote) {
        quoted = true
      } else if (char === delimiter) {
        fields.push(field)
        field = ''
        afterQuote = false
      } else if (char === '\n' || char === '\r') {
        if (char === '\r' && text[i + 1] === '\n') i++
        else if (char === '\r' && i + 1 === text.length) {
          pending = '\r'
          return
        }
        fields.push(field)
        if (!(fields.length === 1 && fields[0] === ''))
          yield { line: rowStart, fields, delimiter: delimiter! }
        fields = []
        field = ''
        afterQuote = false
        line++
        rowStart = line
      } else {
        field += char
      }
    }
  }

  let head = new Uint8Array(0)
  for await (const chunk of source) {
    if (!decoder) {
      // Judge encoding and content on the first 64 kB.
      const merged = new Uint8Array(head.length + chunk.length)
      merged.set(head)
      merged.set(chunk, head.length)
      head = merged
      if (head.length < 65_536) continue
    }
    const bytes = decoder ? chunk : startDecoding()
    let text: string
    try {
      text = decoder!.decode(bytes, { stream: true })
    } catch {
      throw new CsvFormatError('ENCODING')
    }
    yield* feed(text)
  }
  if (!decoder) {
    if (head.length === 0) throw new CsvFormatError('EMPTY')
    const bytes = startDecoding()
    let text: string
    try {
      text = decoder!.decode(bytes, { stream: true })
    } catch {
      throw new CsvFormatError('ENCODING')
    }
    yield* feed(text)
  }
  let tail: string
  try {
    tail = decoder!.decode()
  } catch {
    throw new CsvFormatError('ENCODING')
  }
  yield* feed(`${tail}\n`)
  if (quoted) throw new CsvFormatError('UNTERMINATED_QUOTE')
  if (!sawAnything) throw new CsvFormatError('EMPTY')

  function startDecoding(): Uint8Array {
    if (looksBinary(head.subarray(0, 8192))) throw new CsvFormatError('BINARY')
    const { encoding, bomLength } = detectEncoding(head.subarray(0, 65_536))
    decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' })
    return head.subarray(bomLength)
  }

  function* feed(text: string): Generator<CsvRow & { delimiter: string }> {
    let input = pending + text
    pending = ''
    if (!delimiter) {
      const end = input.search(/\r?\n/)
      if (end === -1 && input.length < 65_536) {
        pending = input
        return
      }
      delimiter = detectDelimiter(end === -1 ? input : input.slice(0, end))
    }
    for (const row of consume(input)) {
      sawAnything = true
      yield row
    }
    input = ''
  }
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
 * One CSV cell (`;` separated, as Excel in pt-BR opens). Text a spreadsheet would run as a
 * formula gets a leading `'` and quotes, so names such as `=HYPERLINK(…)` are shown, never
 * evaluated; text with a `,` or tab is quoted too, for spreadsheets that split on those.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (typeof value === 'number') return String(value)
  const text = value ?? ''
  if (PLAIN_NUMBER.test(text)) return text
  if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`
  return /[";,\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(';')}\r\n`
}
