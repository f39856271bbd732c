/**
 * CSV as Brazilian ERPs and Excel export it: `;` or `,` (or tab) separators, UTF-8 with or
 * without BOM or Windows-1252, quoted fields with "" escapes and line breaks, CRLF, LF or CR.
 * Everything streams: a 50,000-line file is never held as one string. Server only (node
 * streams); what the browser may use too is in csv-text.ts, re-exported here.
 */
import { pipeline, Readable } from 'node:stream'
import { CsvError, parse } from 'csv-parse'
import { CsvFormatError, detectDelimiter, detectEncoding, looksBinary } from './csv-text'

export * from './csv-text'

export type CsvRow = { line: number; fields: string[] }

/**
 * The most one row may hold (csv-parse counts bytes of UTF-8): far beyond any real row, and it
 * stops a quote left open from gathering the rest of a 50 MB file into one field.
 */
const MAX_RECORD_BYTES = 1_048_576

/**
 * Reads rows from a stream of bytes. Yields each row with the number of the line it starts
 * on (1 = header); blank lines are skipped but counted. Throws CsvFormatError for empty,
 * binary, wrongly encoded or unterminated input.
 *
 * The encoding and the separator are decided here (csv-parse knows neither Windows-1252 nor
 * our `;`-first rule); the tokenizing is csv-parse's, fed the decoded text chunk by chunk
 * through a stream, so backpressure holds at most a few chunks and rows in memory.
 */
export async function* readCsvRows(
  source: AsyncIterable<Uint8Array>,
): AsyncGenerator<CsvRow & { delimiter: string }> {
  const text = decodeCsv(source)
  // The separator is judged on the first line, as a person would.
  let head = ''
  while (!/[\r\n]/.test(head) && head.length < 65_536) {
    const next = await text.next()
    if (next.done) break
    head += next.value
  }
  const firstLineEnd = head.search(/[\r\n]/)
  const delimiter = detectDelimiter(firstLineEnd === -1 ? head : head.slice(0, firstLineEnd))

  const parser = parse({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    // A quote only opens a field at its start; elsewhere it is text (`12" tubo`).
    relax_quotes: true,
    // Rows may be shorter or longer than the header: the columns are checked by name later.
    relax_column_count: true,
    // Blank lines come through as one empty field, so that every line is counted.
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
  })
  async function* rest(): AsyncGenerator<string> {
    const first = head
    head = ''
    if (first) yield first
    // Delegated, so that stopping the stream also stops the decoder and closes the file.
    yield* text
  }
  const input = Readable.from(rest(), { objectMode: false })
  // Errors of either side end the other; the loop below sees the first one.
  pipeline(input, parser, () => {})

  let line = 1
  let rows = 0
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      const start = line
      // Line breaks only survive inside quoted fields; each one moves the next row down.
      line += 1
      for (const field of fields) line += countLineBreaks(field)
      if (fields.length === 1 && fields[0] === '') continue
      rows++
      yield { line: start, fields, delimiter }
    }
  } catch (error) {
    if (error instanceof CsvError) {
      // With relaxed quotes and column counts these are the only two csv-parse can raise.
      throw new CsvFormatError(
        error.code === 'CSV_MAX_RECORD_SIZE' ? 'LINE_TOO_LONG' : 'UNTERMINATED_QUOTE',
      )
    }
    throw error
  } finally {
    // Stopped early (a missing column) or failed: release the file.
    if (!parser.destroyed) parser.destroy()
    text.return(undefined).catch(() => {})
  }
  if (rows === 0) throw new CsvFormatError('EMPTY')
}

/** CRLF, LF and a lone CR each end one line. */
function countLineBreaks(field: string): number {
  if (!/[\r\n]/.test(field)) return 0
  let count = 0
  for (let i = 0; i < field.length; i++) {
    const char = field.charCodeAt(i)
    if (char === 10) count++
    else if (char === 13) {
      count++
      if (field.charCodeAt(i + 1) === 10) i++
    }
  }
  return count
}

/**
 * The file's text, chunk by chunk: encoding judged on the first 64 kB (after refusing binary
 * content), BOM removed, and invalid UTF-8 anywhere refused.
 */
async function* decodeCsv(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null
  let head = new Uint8Array(0)
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder!.decode(bytes, { stream: true }) : decoder!.decode()
    } catch {
      throw new CsvFormatError('ENCODING')
    }
  }
  const start = (): Uint8Array => {
    if (isUtf16(head)) throw new CsvFormatError('ENCODING')
    if (looksBinary(head.subarray(0, 8192))) throw new CsvFormatError('BINARY')
    const { encoding, bomLength } = detectEncoding(head.subarray(0, 65_536))
    decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true })
    return head.subarray(bomLength)
  }
  for await (const chunk of source) {
    if (decoder) {
      const text = decode(chunk)
      if (text) yield text
      continue
    }
    // Judge encoding and content on the first 64 kB.
    const merged = new Uint8Array(head.length + chunk.length)
    merged.set(head)
    merged.set(chunk, head.length)
    head = merged
    if (head.length < 65_536) continue
    const text = decode(start())
    head = new Uint8Array(0)
    if (text) yield text
  }
  if (!decoder) {
    if (head.length === 0) throw new CsvFormatError('EMPTY')
    const text = decode(start())
    if (text) yield text
  }
  const tail = decode()
  if (tail) yield tail
}

/** A UTF-16 byte order mark: Excel's "Unicode text", which is not what we read. */
function isUtf16(head: Uint8Array): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)
}
