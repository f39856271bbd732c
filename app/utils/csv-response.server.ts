import contentDisposition from 'content-disposition'
import { csvLine } from './csv'

/**
 * A CSV download (UTF-8 with BOM, so Excel in pt-BR opens accents and `;` correctly). The file
 * name is quoted by `content-disposition` (RFC 6266: `filename*` when it is not plain ASCII), so no
 * character of it can end the parameter or the header. `Cache-Control: private, no-store` comes
 * from the server edge, as for every page (server/security.ts).
 */
export function csvResponse(
  fileName: string,
  rows:
    | Iterable<readonly (string | number | null | undefined)[]>
    | AsyncIterable<readonly (string | number | null | undefined)[]>,
): Response {
  const encoder = new TextEncoder()
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(new Uint8Array([0xef, 0xbb, 0xbf]))
      for await (const row of rows as AsyncIterable<
        readonly (string | number | null | undefined)[]
      >)
        controller.enqueue(encoder.encode(csvLine(row)))
      controller.close()
    },
  })
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      // The plain `filename` is printable ASCII for old clients; `filename*` keeps the real name.
      'Content-Disposition': contentDisposition(fileName, {
        fallback: fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_'),
      }),
    },
  })
}
