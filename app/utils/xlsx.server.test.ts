import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { readXlsxRows, XlsxFormatError } from './xlsx.server'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reativa-xlsx-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

async function write(build: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook()
  build(workbook.addWorksheet('Planilha1'))
  const file = path.join(tmp, `${crypto.randomUUID()}.xlsx`)
  await workbook.xlsx.writeFile(file)
  return file
}

async function rows(file: string, options?: { maxUnpackedBytes: number }) {
  const read: string[][] = []
  for await (const row of readXlsxRows(file, options)) read.push(row.fields)
  return read
}

describe('reading an .xlsx', () => {
  it('reads percentages and zero-padded codes as the cells show them', async () => {
    const file = await write((sheet) => {
      sheet.addRow(['Código', 'CEP', 'Comissão', 'Preço'])
      const row = sheet.addRow(['R01', 1310100, 0.035, 1234.5])
      row.getCell(2).numFmt = '00000000'
      row.getCell(3).numFmt = '0.0%'
      const second = sheet.addRow(['R02', 4567000, 0.1, 10])
      second.getCell(2).numFmt = '00000000'
      second.getCell(3).numFmt = '0%'
    })
    expect(await rows(file)).toEqual([
      ['Código', 'CEP', 'Comissão', 'Preço'],
      ['R01', '01310100', '3,5%', '1234,5'],
      ['R02', '04567000', '10%', '10'],
    ])
  })

  it('refuses a zip whose parts unpack to more than allowed, even when its directory claims less', async () => {
    const file = await write((sheet) => {
      sheet.addRow(['SKU', 'Nome'])
      for (let i = 0; i < 40; i++) sheet.addRow([`A-${i}`, `${i} ${'x'.repeat(50_000)}`])
    })
    // The directory and the local headers claim every part unpacks to 100 bytes.
    const bytes = fs.readFileSync(file)
    for (let at = 0; at + 30 <= bytes.length; at++) {
      const signature = bytes.readUInt32LE(at)
      if (signature === 0x02014b50) bytes.writeUInt32LE(100, at + 24)
      if (signature === 0x04034b50) bytes.writeUInt32LE(100, at + 22)
    }
    fs.writeFileSync(file, bytes)
    await expect(rows(file, { maxUnpackedBytes: 1_000_000 })).rejects.toEqual(
      new XlsxFormatError('TOO_LARGE'),
    )
  })
})
