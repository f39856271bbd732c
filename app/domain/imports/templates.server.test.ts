import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createUser } from '#tests/fixtures/factories'
import { loader as templateLoader } from '~/routes/admin.imports.template.$file'
import { createSessionCookie } from '~/utils/auth.server'
import { readCsvRows } from '~/utils/csv'
import { readXlsxRows } from '~/utils/xlsx.server'
import { analyzeImport } from './analyze.server'
import { mapHeader } from './columns'
import { IMPORT_KINDS } from './import-form'
import { importTemplate, TEMPLATES } from './templates'
import { importTemplateXlsx } from './templates.server'

const tmp = path.resolve('tests/.tmp/uploads')
fs.mkdirSync(tmp, { recursive: true })

function save(bytes: ArrayBuffer | string, extension: string): string {
  const file = path.join(tmp, `${crypto.randomUUID()}.${extension}`)
  fs.writeFileSync(file, typeof bytes === 'string' ? bytes : new Uint8Array(bytes))
  return file
}

async function rowsOf(rows: AsyncIterable<{ fields: string[] }>): Promise<string[][]> {
  const out: string[][] = []
  for await (const row of rows) out.push(row.fields)
  return out
}

describe('import templates', () => {
  it.each(IMPORT_KINDS)(
    'offers %s as CSV and .xlsx, read back by our own readers with the same recognised header',
    async (kind) => {
      const header = TEMPLATES[kind][0]!
      expect(mapHeader(kind, header).missing).toEqual([])

      const xlsx = save((await importTemplateXlsx(kind))!, 'xlsx')
      const fromXlsx = await rowsOf(readXlsxRows(xlsx))
      expect(fromXlsx[0]).toEqual(header)
      expect(fromXlsx).toHaveLength(TEMPLATES[kind].length)

      const csv = save(importTemplate(kind)!, 'csv')
      const fromCsv = await rowsOf(readCsvRows(fs.createReadStream(csv)))
      expect(fromCsv).toEqual(TEMPLATES[kind].map((row) => [...row]))
    },
  )

  it('reads the .xlsx example rows as the CSV ones: codes kept as text, prices and dates as Excel writes them', async () => {
    const xlsx = save((await importTemplateXlsx('ORDERS'))!, 'xlsx')
    const rows = await rowsOf(readXlsxRows(xlsx))
    expect(rows[1]).toEqual([
      '11.222.333/0001-81',
      '90001',
      '15/10/2026',
      'CIM-CP2-50',
      'Cimento CP-II 50 kg',
      '10',
      '38,9',
    ])
    const analysis = await analyzeImport(
      'PRODUCTS',
      save((await importTemplateXlsx('PRODUCTS'))!, 'xlsx'),
      new Date(),
      'xlsx',
    )
    expect(analysis).toMatchObject({ fileError: null, errors: [] })
  })

  it('answers each template as a download, and 404 for a kind or format it does not know', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const cookie = (await createSessionCookie(manager.id)).split(';')[0]!
    const get = async (file: string) => {
      try {
        return await templateLoader({
          request: new Request(`http://localhost/admin/imports/template/${file}`, {
            headers: { Cookie: cookie },
          }),
          params: { file },
          context: { cspNonce: '', clientIp: '127.0.0.1' },
        })
      } catch (thrown) {
        if (thrown instanceof Response) return thrown
        throw thrown
      }
    }
    const xlsx = await get('REPS.xlsx')
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('Content-Type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(xlsx.headers.get('Content-Disposition')).toBe('attachment; filename="modelo-reps.xlsx"')
    const bytes = new Uint8Array(await xlsx.arrayBuffer())
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b])
    expect((await get('ACCOUNTS.csv')).headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    for (const file of ['NOPE.xlsx', 'REPS.xls', 'REPS.csv.xlsx', 'reps.csv', ''])
      expect([file, (await get(file)).status]).toEqual([file, 404])
  })
})
