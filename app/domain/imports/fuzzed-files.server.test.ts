import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createUser } from '#tests/fixtures/factories'
import { action as uploadAction } from '~/routes/admin.imports._index'
import { loader as accountsCsv } from '~/routes/admin.accounts[.]csv'
import { createSessionCookie } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { analyzeImport, type ImportFormat } from './analyze.server'
import { commitImport, getImportBatch, previewImport, UPLOAD_DIR } from './import.server'
import { MAX_IMPORT_BYTES } from './import-form'

const tmp = path.resolve('tests/.tmp/uploads')
fs.mkdirSync(tmp, { recursive: true })

function upload(content: string | Uint8Array, extension = 'csv'): string {
  const file = path.join(tmp, `${crypto.randomUUID()}.${extension}`)
  fs.writeFileSync(file, content)
  return file
}

async function fileErrorOf(content: string | Uint8Array, format: ImportFormat = 'csv') {
  const analysis = await analyzeImport('ACCOUNTS', upload(content, format), new Date(), format)
  return analysis.fileError
}

/** The first bytes of a real PNG (signature, IHDR and the start of IDAT), renamed .csv. */
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
])
const HEADER = 'CNPJ;Razão Social;Nome Fantasia;Cidade;UF'

describe('fuzzed import files', () => {
  it('calls an empty file empty, whether it has nothing, only a BOM or only blank lines', async () => {
    expect(await fileErrorOf('')).toEqual({ code: 'EMPTY' })
    expect(await fileErrorOf(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ code: 'EMPTY' })
    expect(await fileErrorOf('\r\n\r\n')).toEqual({ code: 'EMPTY' })
    expect(await fileErrorOf(`${HEADER}\r\n\r\n`)).toEqual({ code: 'NO_ROWS' })
    expect(await fileErrorOf('', 'xlsx')).toEqual({ code: 'EMPTY' })
  })

  it('refuses a picture renamed .csv or .xlsx as not a spreadsheet', async () => {
    expect(await fileErrorOf(PNG)).toEqual({ code: 'BINARY' })
    expect(await fileErrorOf(PNG, 'xlsx')).toEqual({ code: 'INVALID_XLSX' })
  })

  it('refuses text in an encoding it cannot read: UTF-16, and UTF-8 broken after the first 64 kB', async () => {
    const text = `${HEADER}\r\n11.222.333/0001-81;Construção Ltda;Construção;Recife;PE\r\n`
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))])
    expect(await fileErrorOf(utf16)).toEqual({ code: 'ENCODING' })
    // Without its mark UTF-16 is full of zero bytes: not text at all.
    expect(await fileErrorOf(Buffer.from(text, 'utf16le'))).toEqual({ code: 'BINARY' })
    const late = Buffer.concat([
      Buffer.from(text.repeat(1000)),
      Buffer.from([0xe7, 0xe3, 0x6f, 0x0d, 0x0a]),
    ])
    expect(late.length).toBeGreaterThan(65_536)
    expect(await fileErrorOf(late)).toEqual({ code: 'ENCODING' })
  })

  it('refuses a quote that is never closed, early or late in the file', async () => {
    const rows = '11.222.333/0001-81;Loja;Loja;Recife;PE\r\n'.repeat(50)
    expect(await fileErrorOf(`${HEADER}\r\n${rows}"Loja;x\r\n`)).toEqual({
      code: 'UNTERMINATED_QUOTE',
    })
    expect(
      await fileErrorOf(`${HEADER}\r\n11.222.333/0001-81;"Loja\r\n${'x;'.repeat(600_000)}`),
    ).toEqual({ code: 'LINE_TOO_LONG' })
  })

  it('imports a name written as a formula as text, and exports it neutralised', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const cnpj = '06.990.590/0001-23'
    const formula = '=HYPERLINK("http://x","y")'
    const csv = `${HEADER}\r\n${cnpj};"=HYPERLINK(""http://x"",""y"")";@SUM(A1:A2);+Recife;PE\r\n`
    const analysis = await analyzeImport('ACCOUNTS', upload(csv))
    expect(analysis).toMatchObject({ fileError: null, errors: [], toCreate: 1 })
    expect(analysis.accounts[0]).toMatchObject({
      legalName: formula,
      tradeName: '@SUM(A1:A2)',
      city: '+Recife',
    })

    const batch = await previewImport({
      kind: 'ACCOUNTS',
      file: upload(csv),
      fileName: 'clientes.csv',
      actorId: manager.id,
    })
    expect((await commitImport(batch.id, manager.id)).ok).toBe(true)
    expect((await getImportBatch(batch.id))?.status).toBe('COMMITTED')
    const account = await prisma.account.findUniqueOrThrow({ where: { cnpj: '06990590000123' } })
    expect(account).toMatchObject({ legalName: formula, tradeName: '@SUM(A1:A2)' })

    const cookie = (await createSessionCookie(manager.id)).split(';')[0]!
    const response = await accountsCsv({
      request: new Request('http://localhost/admin/accounts.csv', { headers: { Cookie: cookie } }),
      params: {},
      context: { cspNonce: '', clientIp: '127.0.0.1' },
    })
    const line = (await response.text()).split('\r\n').find((l) => l.startsWith('06990590000123'))!
    expect(line.split(';').slice(0, 4)).toEqual([
      '06990590000123',
      `"'=HYPERLINK(""http://x"",""y"")"`,
      `"'@SUM(A1:A2)"`,
      `"'+Recife"`,
    ])
  })

  it('refuses an upload over the limit while it streams in, keeping no part of it', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const cookie = (await createSessionCookie(manager.id)).split(';')[0]!
    const boundary = '----fuzz60mb'
    const encoder = new TextEncoder()
    const head = encoder.encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nACCOUNTS\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="grande.csv"\r\n` +
        'Content-Type: text/csv\r\n\r\n',
    )
    // 60 MB of rows, made one megabyte at a time as the body is read: never held whole.
    const megabyte = encoder.encode(
      `${'11.222.333/0001-81;Loja;Loja;Recife;PE\r\n'.repeat(26_215)}`,
    )
    const total = 60
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head)
      },
      pull(controller) {
        if (sent < total) {
          sent++
          controller.enqueue(megabyte)
        } else {
          controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`))
          controller.close()
        }
      },
    })
    const incoming = path.join(UPLOAD_DIR, 'incoming')
    const before = fs.existsSync(incoming) ? fs.readdirSync(incoming).length : 0
    const response = await uploadAction({
      request: new Request('http://localhost/admin/imports', {
        method: 'POST',
        headers: {
          Cookie: cookie,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
        },
        body,
        duplex: 'half',
      } as RequestInit),
      params: {},
      context: { cspNonce: '', clientIp: '127.0.0.1' },
    })
    expect(response.status).toBe(413)
    const { result } = (await response.json()) as { result: { error: Record<string, string[]> } }
    expect(result.error.file).toEqual(['imports.tooLarge'])
    // Stopped just past the limit, not at the end of the body.
    expect(sent * megabyte.length).toBeLessThan(MAX_IMPORT_BYTES + 4 * megabyte.length)
    const after = fs.existsSync(incoming) ? fs.readdirSync(incoming).length : 0
    expect(after).toBe(before)
  })
})
