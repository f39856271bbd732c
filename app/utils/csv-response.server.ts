import { csvLine } from './csv'

/** A CSV download (UTF-8 with BOM, so Excel in pt-BR opens accents and `;` correctly). */
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
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  })
}
