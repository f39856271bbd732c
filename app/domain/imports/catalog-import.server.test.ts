import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { createFamily, createProduct, createUser } from '#tests/fixtures/factories'
import { normalizeSearchText } from '~/domain/catalog/search-text'
import { prisma } from '~/utils/db.server'
import { analyzeImport } from './analyze.server'
import { parseFamilyPath, parseYesNo } from './analyze-catalog.server'
import { commitImport, getImportBatch, previewImport } from './import.server'
import { importTemplate } from './templates'

const tmp = path.resolve('tests/.tmp/uploads')
fs.mkdirSync(tmp, { recursive: true })

function upload(content: string | Uint8Array, extension = 'csv'): string {
  const file = path.join(tmp, `${crypto.randomUUID()}.${extension}`)
  fs.writeFileSync(file, content)
  return file
}

async function preview(
  kind: 'PRODUCTS' | 'PRICE_LISTS' | 'ORDERS',
  file: string,
  actorId: string,
  fileName = path.basename(file),
) {
  const batch = await previewImport({ kind, file, fileName, actorId })
  return (await getImportBatch(batch.id))!
}

const tag = () => crypto.randomUUID().slice(0, 6).toUpperCase()
const csv = (rows: string[][]) => rows.map((r) => r.join(';')).join('\r\n')

async function xlsx(rows: ExcelJS.CellValue[][], build?: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Produtos')
  for (const row of rows) sheet.addRow(row)
  build?.(sheet)
  const file = path.join(tmp, `${crypto.randomUUID()}.xlsx`)
  await workbook.xlsx.writeFile(file)
  return file
}

describe('importing products', () => {
  it('creates families from paths (nested, reused by name whatever the case and accents) and products, writing only on confirm', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const t = tag()
    const existing = await createFamily({ name: `Cimentos ${t}` })
    const file = upload(
      csv([
        [
          'Código',
          'Descrição',
          'Família',
          'Unidade',
          'Qtd por embalagem',
          'Preço de lista',
          'Estoque',
          'Descrição longa',
          'Ativo',
        ],
        [
          `${t}-1`,
          'Cimento CP-II 50 kg',
          `cimentos ${t} > CP-II`,
          'sc',
          '1',
          '38,90',
          '10',
          'Saco',
          'sim',
        ],
        [
          `${t}-2`,
          'Cimento CP-III 50 kg',
          `Cimentos ${t} > CP-III`,
          '',
          '',
          '1.234,56',
          '',
          '',
          '',
        ],
        [
          `${t.toLowerCase()}-3`,
          'Cimento branco',
          `CIMENTOS ${t} > cp-ii > Estrutural`,
          'UN',
          '12',
          '1234.5',
          '0',
          '',
          'não',
        ],
        [`${t}-4`, 'Argamassa AC-I', `Argamassás ${t}`, 'SC', '4', '20', '', '', 'S'],
      ]),
    )
    const content = fs.readFileSync(file)
    const batch = await preview('PRODUCTS', file, manager.id)
    expect(batch).toMatchObject({ status: 'PREVIEWED', totalRows: 4, errorRows: 0, createdRows: 4 })
    expect(batch.preview.sample?.map((s) => [s.line, s.action, s.cells.family])).toEqual([
      [2, 'create', `cimentos ${t} > CP-II`],
      [3, 'create', `Cimentos ${t} > CP-III`],
      [4, 'create', `CIMENTOS ${t} > cp-ii > Estrutural`],
      [5, 'create', `Argamassás ${t}`],
    ])
    expect(await prisma.product.count({ where: { sku: { startsWith: t } } })).toBe(0)

    expect(await commitImport(batch.id, manager.id)).toEqual({
      ok: true,
      created: 4,
      updated: 0,
      unchanged: 0,
    })
    const under = await prisma.productFamily.findMany({
      where: { parentId: existing.id },
      orderBy: { name: 'asc' },
    })
    expect(under.map((f) => f.name)).toEqual(['CP-II', 'CP-III'])
    const structural = await prisma.productFamily.findMany({ where: { parentId: under[0]!.id } })
    expect(structural.map((f) => f.name)).toEqual(['Estrutural'])
    const tops = [`Cimentos ${t}`, `cimentos ${t}`, `CIMENTOS ${t}`]
    expect(
      await prisma.productFamily.count({ where: { parentId: null, name: { in: tops } } }),
    ).toBe(1)

    const products = await prisma.product.findMany({
      where: { sku: { startsWith: t } },
      orderBy: { sku: 'asc' },
    })
    expect(
      products.map((p) => [
        p.sku,
        p.familyId,
        p.unit,
        p.packSize,
        p.listPriceCents,
        p.stock,
        p.active,
        p.description,
      ]),
    ).toEqual([
      [`${t}-1`, under[0]!.id, 'SC', 1, 38_90, 10, true, 'Saco'],
      [`${t}-2`, under[1]!.id, 'UN', 1, 1234_56, null, true, ''],
      [`${t}-3`, structural[0]!.id, 'UN', 12, 1234_50, 0, false, ''],
      [`${t}-4`, expect.any(String), 'SC', 4, 20_00, null, true, ''],
    ])
    expect(products[0]!.searchText).toBe(normalizeSearchText(`${t}-1 Cimento CP-II 50 kg`))
    expect(
      await prisma.auditLog.count({ where: { action: 'import.products', entityId: batch.id } }),
    ).toBe(1)

    // The same file again: already imported, everything unchanged, nothing written.
    const again = await preview('PRODUCTS', upload(content), manager.id)
    expect(again.preview.alreadyImportedAt).not.toBeNull()
    expect(again).toMatchObject({ createdRows: 0, updatedRows: 0, skippedRows: 4 })
    expect(await commitImport(again.id, manager.id)).toEqual({
      ok: false,
      code: 'NOTHING_TO_WRITE',
    })
    expect(await commitImport(batch.id, manager.id)).toEqual({ ok: false, code: 'NOT_PREVIEWED' })
    expect(await prisma.productFamily.count({ where: { parentId: existing.id } })).toBe(2)
  })

  it('updates existing products by SKU, keeps what the file leaves blank, and counts unchanged rows', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const t = tag()
    const family = await createFamily({ name: `Tintas ${t}` })
    const same = await createProduct({
      sku: `${t}-A`,
      name: 'Tinta acrílica',
      familyId: family.id,
      listPriceCents: 99_90,
      packSize: 2,
    })
    const changed = await createProduct({
      sku: `${t}-B`,
      name: 'Tinta esmalte',
      familyId: family.id,
      listPriceCents: 50_00,
    })
    await prisma.product.update({ where: { id: changed.id }, data: { stock: 7 } })
    const file = upload(
      csv([
        ['SKU', 'Nome', 'Família', 'Preço'],
        [`${t}-A`, 'Tinta acrílica', `tintas ${t}`, '99,90'],
        [`${t}-B`, 'Tinta esmalte sintético', `Tintas ${t}`, '55,00'],
      ]),
    )
    const batch = await preview('PRODUCTS', file, manager.id)
    expect(batch).toMatchObject({ createdRows: 0, updatedRows: 1, skippedRows: 1, errorRows: 0 })
    expect(await commitImport(batch.id, manager.id)).toMatchObject({
      ok: true,
      updated: 1,
      unchanged: 1,
    })
    const after = await prisma.product.findUniqueOrThrow({ where: { id: changed.id } })
    expect([after.sku, after.name, after.listPriceCents, after.stock, after.packSize]).toEqual([
      `${t}-B`,
      'Tinta esmalte sintético',
      55_00,
      7,
      1,
    ])
    expect((await prisma.product.findUniqueOrThrow({ where: { id: same.id } })).packSize).toBe(2)
  })

  it('reports bad rows with line, column and value and writes none of them', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const t = tag()
    const file = upload(
      csv([
        ['SKU', 'Nome', 'Família', 'Embalagem', 'Preço de lista', 'Estoque', 'Ativo'],
        [`${t}-OK`, 'Produto bom', `Fam ${t}`, '1', '10,00', '', ''],
        [`${t}-NEG`, 'Preço negativo', `Fam ${t}`, '1', '-5,00', '', ''],
        [`${t}-ZERO`, 'Embalagem zero', `Fam ${t}`, '0', '10,00', '', ''],
        [`${t}-OK`, 'Repetido', `Fam ${t}`, '1', '10,00', '', ''],
        [`${t}-NOFAM`, 'Sem família', '', '1', '10,00', '', ''],
        [`${t}-BADFAM`, 'Família ruim', `Fam ${t} > `, '1', '10,00', '', ''],
        [`${t} SPACE`, 'SKU com espaço', `Fam ${t}`, '1', '10,00', '-1', 'talvez'],
      ]),
    )
    const batch = await preview('PRODUCTS', file, manager.id)
    expect(batch).toMatchObject({ totalRows: 7, errorRows: 6, createdRows: 1 })
    expect(batch.preview.errors).toEqual([
      { line: 3, code: 'INVALID_PRICE', column: 'precoLista', value: '-5,00' },
      { line: 4, code: 'INVALID_PACK_SIZE', column: 'embalagem', value: '0' },
      { line: 5, code: 'DUPLICATE_KEY', column: 'sku', value: `${t}-OK` },
      { line: 6, code: 'MISSING_VALUE', column: 'familia' },
      { line: 7, code: 'INVALID_FAMILY', column: 'familia', value: `Fam ${t} >` },
      { line: 8, code: 'INVALID_BOOLEAN', column: 'ativo', value: 'talvez' },
      { line: 8, code: 'INVALID_SKU', column: 'sku', value: `${t} SPACE` },
      { line: 8, code: 'INVALID_STOCK', column: 'estoque', value: '-1' },
    ])
    await commitImport(batch.id, manager.id)
    const written = await prisma.product.findMany({ where: { sku: { startsWith: t } } })
    expect(written.map((p) => [p.sku, p.name])).toEqual([[`${t}-OK`, 'Produto bom']])
  })

  it('refuses a file without a required column', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const batch = await preview('PRODUCTS', upload('SKU;Nome\r\nA-1;Produto\r\n'), manager.id)
    expect(batch).toMatchObject({ status: 'FAILED' })
    expect(batch.preview.fileError).toEqual({
      code: 'MISSING_COLUMNS',
      columns: ['familia', 'precoLista'],
    })
  })
})

describe('importing price lists', () => {
  it('creates lists, prices and quantity tiers, updates them on a second file, and rejects unknown SKUs', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const t = tag()
    const a = await createProduct({ sku: `${t}-A` })
    const b = await createProduct({ sku: `${t}-B` })
    const file = upload(
      csv([
        ['Lista', 'SKU', 'Preço', 'Quantidade mínima'],
        [`atac-${t}`, `${t}-a`, '9,50', ''],
        [`ATAC-${t}`, `${t}-A`, '8,90', '10'],
        [`ATAC-${t}`, `${t}-A`, '8,50', '100'],
        [`VAR-${t}`, `${t}-B`, '12', '1'],
        [`VAR-${t}`, `${t}-GONE`, '12', ''],
        [`ATAC-${t}`, `${t}-A`, '9,40', ''],
        [`ATAC-${t}`, `${t}-B`, '0', ''],
        [`ATAC ${t}!`, `${t}-B`, '5', ''],
        [`ATAC-${t}`, `${t}-B`, '5', '0'],
      ]),
    )
    const batch = await preview('PRICE_LISTS', file, manager.id)
    expect(batch).toMatchObject({ totalRows: 9, errorRows: 5, createdRows: 4 })
    expect(batch.preview.errors).toEqual([
      { line: 6, code: 'UNKNOWN_PRODUCT', column: 'sku', value: `${t}-GONE` },
      { line: 7, code: 'DUPLICATE_KEY', column: 'sku', value: `ATAC-${t} · ${t}-A` },
      { line: 8, code: 'INVALID_PRICE', column: 'preco', value: '0' },
      { line: 9, code: 'INVALID_LIST_CODE', column: 'lista', value: `ATAC ${t}!` },
      { line: 10, code: 'INVALID_QUANTITY', column: 'quantidadeMinima', value: '0' },
    ])
    expect(await commitImport(batch.id, manager.id)).toMatchObject({ ok: true, created: 4 })
    const lists = await prisma.priceList.findMany({
      where: { code: { in: [`ATAC-${t}`, `VAR-${t}`] } },
      orderBy: { code: 'asc' },
      include: { items: true, tiers: { orderBy: { minQuantity: 'asc' } } },
    })
    expect(lists.map((l) => [l.code, l.name])).toEqual([
      [`ATAC-${t}`, `ATAC-${t}`],
      [`VAR-${t}`, `VAR-${t}`],
    ])
    expect(lists[0]!.items.map((i) => [i.productId, i.priceCents])).toEqual([[a.id, 9_50]])
    expect(lists[0]!.tiers.map((i) => [i.productId, i.minQuantity, i.priceCents])).toEqual([
      [a.id, 10, 8_90],
      [a.id, 100, 8_50],
    ])
    expect(lists[1]!.items.map((i) => [i.productId, i.priceCents])).toEqual([[b.id, 12_00]])

    const second = await preview(
      'PRICE_LISTS',
      upload(
        csv([
          ['Tabela de preço', 'Código', 'Valor', 'A partir de'],
          [`ATAC-${t}`, `${t}-A`, '9,00', ''],
          [`ATAC-${t}`, `${t}-A`, '8,90', '10'],
          [`ATAC-${t}`, `${t}-A`, '8,00', '100'],
        ]),
      ),
      manager.id,
    )
    expect(second).toMatchObject({ createdRows: 0, updatedRows: 2, skippedRows: 1 })
    await commitImport(second.id, manager.id)
    const tiers = await prisma.priceTier.findMany({
      where: { priceListId: lists[0]!.id },
      orderBy: { minQuantity: 'asc' },
    })
    expect(tiers.map((x) => [x.minQuantity, x.priceCents])).toEqual([
      [10, 8_90],
      [100, 8_00],
    ])
    expect(
      (await prisma.priceListItem.findFirstOrThrow({ where: { priceListId: lists[0]!.id } }))
        .priceCents,
    ).toBe(9_00)
  })
})

describe('reading Excel .xlsx files', () => {
  it('gives the same analysis as the equivalent CSV: numbers, dates, formulas, rich text, empty rows', async () => {
    const t = tag()
    const family = `Pisos ${t} > Cerâmicos`
    const csvFile = upload(
      csv([
        ['SKU', 'Nome', 'Família', 'Embalagem', 'Preço de lista', 'Estoque', 'Ativo'],
        [`${t}-1`, 'Piso cerâmico 60x60', family, '6', '1234,5', '100', 'sim'],
        [`${t}-2`, 'Rodapé', family, '1', '12,25', '', 'não'],
        [`${t}-3`, 'Piso ruim', family, '0', '3', '', ''],
      ]),
    )
    const xlsxFile = await xlsx([
      [],
      ['SKU', 'Nome', 'Família', 'Embalagem', 'Preço de lista', 'Estoque', 'Ativo'],
      [
        `${t}-1`,
        { richText: [{ text: 'Piso ' }, { font: { bold: true }, text: 'cerâmico 60x60' }] },
        family,
        6,
        1234.5,
        { formula: 'F4*10', result: 100 },
        true,
      ],
      [],
      [`${t}-2`, 'Rodapé', family, 1, { formula: '10+2.25', result: 12.25 }, null, 'não'],
      [`${t}-3`, 'Piso ruim', family, 0, 3, null, null],
    ])
    const fromCsv = await analyzeImport('PRODUCTS', csvFile, new Date(), 'csv')
    const fromXlsx = await analyzeImport('PRODUCTS', xlsxFile, new Date(), 'xlsx')
    expect(fromCsv.errors).toEqual([
      { line: 4, code: 'INVALID_PACK_SIZE', column: 'embalagem', value: '0' },
    ])
    expect(fromCsv.products).toHaveLength(2)
    // Line numbers are the sheet's row numbers; the rest is the same.
    expect(fromXlsx.errors).toEqual([
      { line: 6, code: 'INVALID_PACK_SIZE', column: 'embalagem', value: '0' },
    ])
    expect(fromXlsx.products).toEqual(fromCsv.products)
    expect([fromXlsx.totalRows, fromXlsx.toCreate]).toEqual([fromCsv.totalRows, fromCsv.toCreate])
  })

  it('reads dates as the order import expects them', async () => {
    const csvFile = upload(
      csv([
        ['CNPJ', 'Pedido', 'Data', 'SKU', 'Quantidade', 'Preço'],
        ['11.222.333/0001-81', 'X-1', '15/10/2026', 'A-1', '2', '10,5'],
        ['11.222.333/0001-81', 'X-2', '31/13/2026', 'A-1', '2', '10,5'],
      ]),
    )
    const xlsxFile = await xlsx(
      [
        ['CNPJ', 'Pedido', 'Data', 'SKU', 'Quantidade', 'Preço'],
        ['11.222.333/0001-81', 'X-1', new Date(Date.UTC(2026, 9, 15)), 'A-1', 2, 10.5],
        ['11.222.333/0001-81', 'X-2', '31/13/2026', 'A-1', 2, 10.5],
      ],
      (sheet) => {
        sheet.getCell('C2').numFmt = 'dd/mm/yyyy'
      },
    )
    const now = new Date('2026-12-01T12:00:00Z')
    const fromCsv = await analyzeImport('ORDERS', csvFile, now, 'csv')
    const fromXlsx = await analyzeImport('ORDERS', xlsxFile, now, 'xlsx')
    expect(fromXlsx.errors).toEqual(fromCsv.errors)
    expect(fromXlsx.errors.map((e) => e.code)).toContain('INVALID_DATE')
    expect(fromXlsx.errors.map((e) => e.code)).not.toContain('FUTURE_DATE')
    expect(fromXlsx.totalRows).toBe(2)
  })

  it('refuses a malformed, disguised or password-protected .xlsx with INVALID_XLSX and writes nothing', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const good = fs.readFileSync(
      await xlsx([
        ['SKU', 'Nome', 'Família', 'Preço'],
        ['Z-1', 'Nome', 'F1', '1'],
      ]),
    )
    const cases = [
      upload('SKU;Nome;Família;Preço\r\nZ-1;Nome;Fam;1\r\n', 'xlsx'),
      upload(good.subarray(0, Math.floor(good.length / 2)), 'xlsx'),
      // An encrypted workbook is an OLE compound file, not a zip.
      upload(
        Uint8Array.from([
          0xd0,
          0xcf,
          0x11,
          0xe0,
          0xa1,
          0xb1,
          0x1a,
          0xe1,
          ...new Array(600).fill(0),
        ]),
        'xlsx',
      ),
    ]
    for (const file of cases) {
      const batch = await preview('PRODUCTS', file, manager.id)
      expect(batch.status).toBe('FAILED')
      expect(batch.preview.fileError).toEqual({ code: 'INVALID_XLSX' })
      expect(await commitImport(batch.id, manager.id)).toEqual({ ok: false, code: 'NOT_PREVIEWED' })
    }
    expect(await prisma.product.count({ where: { sku: 'Z-1' } })).toBe(0)
  })

  it('refuses an .xlsx whose zip says it unpacks to more than an upload may hold (TOO_LARGE)', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const bytes = fs.readFileSync(await xlsx([['SKU', 'Nome', 'Família', 'Preço']]))
    // Every part of the zip claims to unpack to 1.5 GB.
    for (let at = 0; at + 4 <= bytes.length; at++)
      if (bytes.readUInt32LE(at) === 0x02014b50) bytes.writeUInt32LE(1_500_000_000, at + 24)
    const batch = await preview('PRODUCTS', upload(bytes, 'xlsx'), manager.id)
    expect(batch.status).toBe('FAILED')
    expect(batch.preview.fileError).toEqual({ code: 'TOO_LARGE' })
  })

  it('imports a valid .xlsx upload end to end and treats its second upload as already imported', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const t = tag()
    const file = await xlsx([
      ['SKU', 'Nome', 'Família', 'Preço de lista'],
      [`${t}-X`, 'Produto planilha', `Planilha ${t}`, 19.9],
    ])
    const copy = upload(fs.readFileSync(file), 'xlsx')
    const batch = await preview('PRODUCTS', file, manager.id, 'Produtos.XLSX')
    expect(batch).toMatchObject({ status: 'PREVIEWED', createdRows: 1 })
    expect(await commitImport(batch.id, manager.id)).toMatchObject({ ok: true, created: 1 })
    expect(
      (await prisma.product.findUniqueOrThrow({ where: { sku: `${t}-X` } })).listPriceCents,
    ).toBe(19_90)
    const again = await preview('PRODUCTS', copy, manager.id, 'Produtos.xlsx')
    expect(again.preview.alreadyImportedAt).not.toBeNull()
    expect(again).toMatchObject({ createdRows: 0, skippedRows: 1 })
  })
})

describe('catalog import helpers', () => {
  it('reads family paths and yes/no', () => {
    expect(parseFamilyPath(' Cimentos >  CP-II ')).toEqual(['Cimentos', 'CP-II'])
    expect(parseFamilyPath('Cimentos >> CP')).toBeNull()
    expect(parseFamilyPath('A')).toBeNull()
    expect(['Sim', 'S', 'não', 'NAO', '0', 'x', 'maybe'].map(parseYesNo)).toEqual([
      true,
      true,
      false,
      false,
      false,
      true,
      null,
    ])
  })

  it('offers templates that import without errors', () => {
    expect(importTemplate('PRODUCTS')).toContain('Cimentos > CP-II')
    expect(importTemplate('ORDERS')).toContain('Número do pedido')
  })
})
