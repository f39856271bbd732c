import { type ImportKind } from '@prisma/client'
import ExcelJS from 'exceljs'
import { parseBrazilianDate, parseBrazilianDecimal } from '~/utils/csv-text'
import { TEMPLATES } from './templates'

/**
 * The example file for `kind` as an Excel workbook: the same header and rows as the CSV
 * template, with numbers and dates as Excel cells (so the example shows how a real export
 * looks) and codes as text, so that leading zeros and CNPJ punctuation stay.
 */
export async function importTemplateXlsx(kind: ImportKind): Promise<ArrayBuffer | null> {
  const rows = TEMPLATES[kind] as string[][] | undefined
  if (!rows) return null
  const [header, ...examples] = rows
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Modelo')
  sheet.addRow(header)
  sheet.getRow(1).font = { bold: true }
  for (const example of examples) {
    const row = sheet.addRow(example.map((text, i) => templateCell(header![i]!, text)))
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy'
      else if (typeof cell.value === 'number' && !Number.isInteger(cell.value))
        cell.numFmt = '#,##0.00'
    })
  }
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(...rows.map((row) => (row[i] ?? '').length))
    column.width = Math.min(40, Math.max(10, widest + 2))
  })
  return new Uint8Array(await workbook.xlsx.writeBuffer()).slice().buffer
}

/**
 * Codes (SKU, order number, invoice, tracking, rep, CNPJ, CEP, phone) stay text; quantities, prices,
 * dates do not.
 */
function templateCell(column: string, text: string): string | number | Date | null {
  if (text === '') return null
  if (/c[oó]digo|n[uú]mero|pedido|nota|sku|cnpj|cep|telefone|representante/i.test(column))
    return text
  const date = parseBrazilianDate(text)
  if (date) return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  return parseBrazilianDecimal(text) ?? text
}
