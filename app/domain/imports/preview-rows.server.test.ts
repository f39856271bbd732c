import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createAccount, createProduct, createUser } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { cnpjFromBase, formatCnpj } from '~/domain/accounts/cnpj'
import { commitImport, discardImport, getImportBatch, previewImport } from './import.server'
import { readPreviewQuery } from './import-form'
import { previewPage, PREVIEW_PAGE_SIZE } from './preview-rows.server'

const freshCnpj = () =>
  cnpjFromBase(String(crypto.randomInt(10 ** 11, 10 ** 12 - 1)).padStart(12, '0'))

const tmp = path.resolve('tests/.tmp/uploads')
fs.mkdirSync(tmp, { recursive: true })

async function preview(kind: 'ORDERS' | 'ACCOUNTS', csv: string, actorId: string) {
  const file = path.join(tmp, `${crypto.randomUUID()}.csv`)
  fs.writeFileSync(file, csv)
  const batch = await previewImport({ kind, file, fileName: 'linhas.csv', actorId })
  return (await getImportBatch(batch.id))!
}

/** The page as the batch's page would ask for it, totals from the stored counts. */
async function page(batchId: string, pageNumber: number, outcome: 'create' | 'error' | null) {
  const batch = (await getImportBatch(batchId))!
  const outcomes = batch.preview.outcomes!
  const total = outcome
    ? outcomes[outcome]
    : outcomes.create + outcomes.update + outcomes.unchanged + outcomes.error
  return previewPage(batchId, { page: pageNumber, outcome, total })
}

describe('the paged rows of a preview', () => {
  it('keeps every line of a 120-line file, 50 a page, in line order', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    await createProduct({ sku: `PG-${account.id}`, name: 'Telha' })
    const cnpj = formatCnpj(account.cnpj)
    const lines = Array.from(
      { length: 120 },
      (_, i) => `${cnpj};PG-${account.id}-${i + 1};01/10/2026;PG-${account.id};Telha;${i + 1};2,50`,
    )
    const batch = await preview(
      'ORDERS',
      ['CNPJ;Pedido;Data;SKU;Produto;Quantidade;Preço', ...lines].join('\n'),
      manager.id,
    )
    expect(batch.preview.outcomes).toEqual({ create: 120, update: 0, unchanged: 0, error: 0 })
    // The batch's JSON keeps only its first rows; the table has them all.
    expect(batch.preview.sample).toHaveLength(10)

    const second = await page(batch.id, 2, null)
    expect(second).toMatchObject({ page: 2, pageCount: 3, total: 120, pastEnd: false })
    expect(second.rows.map((r) => r.line)).toEqual(
      Array.from({ length: PREVIEW_PAGE_SIZE }, (_, i) => 52 + i),
    )
    // Line 52 is the file's 51st data line: its values as they will be written.
    expect(second.rows[0]).toMatchObject({
      outcome: 'create',
      cells: { order: `PG-${account.id}-51`, quantity: 51, price: 250, account: account.tradeName },
      errors: [],
    })
    const third = await page(batch.id, 3, null)
    expect(third.rows.map((r) => r.line)).toEqual(Array.from({ length: 20 }, (_, i) => 102 + i))

    // A page after the last: no rows, and how many pages there are.
    const past = await page(batch.id, 4, null)
    expect(past).toMatchObject({ pastEnd: true, pageCount: 3, rows: [] })
  })

  it('filters by outcome and shows each error on its line with the column and the value', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    const sku = `PF-${account.id}`
    await createProduct({ sku, name: 'Areia' })
    const cnpj = formatCnpj(account.cnpj)
    const lines = Array.from({ length: 60 }, (_, i) =>
      // Every tenth line has a negative quantity; line 26 a date that does not exist.
      i % 10 === 9
        ? `${cnpj};PF-${account.id}-${i};01/10/2026;${sku};Areia;-3;2,50`
        : i === 24
          ? `${cnpj};PF-${account.id}-${i};31/02/2026;${sku};Areia;1;2,50`
          : `${cnpj};PF-${account.id}-${i};01/10/2026;${sku};Areia;1;2,50`,
    )
    const batch = await preview(
      'ORDERS',
      ['CNPJ;Pedido;Data;SKU;Produto;Quantidade;Preço', ...lines].join('\n'),
      manager.id,
    )
    expect(batch.preview.outcomes).toEqual({ create: 53, update: 0, unchanged: 0, error: 7 })
    expect(batch.errorRows).toBe(7)

    const errors = await page(batch.id, 1, 'error')
    expect(errors).toMatchObject({ total: 7, pageCount: 1 })
    expect(errors.rows.map((r) => r.line)).toEqual([11, 21, 26, 31, 41, 51, 61])
    const line26 = errors.rows.find((r) => r.line === 26)!
    expect(line26.errors).toEqual([{ code: 'INVALID_DATE', column: 'data', value: '31/02/2026' }])
    const line11 = errors.rows.find((r) => r.line === 11)!
    expect(line11.errors).toEqual([{ code: 'INVALID_QUANTITY', column: 'quantidade', value: '-3' }])

    const created = await page(batch.id, 2, 'create')
    expect(created).toMatchObject({ total: 53, pageCount: 2 })
    expect(created.rows).toHaveLength(3)
    expect(created.rows.every((r) => r.outcome === 'create' && r.errors.length === 0)).toBe(true)
  })

  it('says why the good lines of an order with a bad line are not imported', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    const sku = `PL-${account.id}`
    await createProduct({ sku, name: 'Cal' })
    const cnpj = formatCnpj(account.cnpj)
    const batch = await preview(
      'ORDERS',
      [
        'CNPJ;Pedido;Data;SKU;Produto;Quantidade;Preço',
        `${cnpj};PL-${account.id};01/10/2026;${sku};Cal hidratada;1;2,50`,
        `${cnpj};PL-${account.id};01/10/2026;OUTRO;Outro;abc;2,50`,
      ].join('\n'),
      manager.id,
    )
    const rows = (await page(batch.id, 1, null)).rows
    expect(rows.map((r) => [r.line, r.outcome, r.errors.map((e) => e.code)])).toEqual([
      [2, 'error', ['ORDER_LEFT_OUT']],
      [3, 'error', ['INVALID_QUANTITY']],
    ])
    // The left-out line keeps its values, as read.
    expect(rows[0]!.cells).toMatchObject({ product: 'Cal hidratada' })
  })

  it('drops the rows once the batch is committed or discarded', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const csv = (cnpj: string) =>
      ['CNPJ;Razão Social;Cidade;UF', `${cnpj};Loja Paginada;Recife;PE`].join('\n')
    const committed = await preview('ACCOUNTS', csv(freshCnpj()), manager.id)
    expect(await prisma.importPreviewRow.count({ where: { batchId: committed.id } })).toBe(1)
    expect(await commitImport(committed.id, manager.id)).toMatchObject({ ok: true })
    expect(await prisma.importPreviewRow.count({ where: { batchId: committed.id } })).toBe(0)
    expect((await getImportBatch(committed.id))!.preview.outcomes).toBeUndefined()

    const discarded = await preview('ACCOUNTS', csv(freshCnpj()), manager.id)
    expect(await prisma.importPreviewRow.count({ where: { batchId: discarded.id } })).toBe(1)
    expect(await discardImport(discarded.id, manager.id)).toEqual({ ok: true })
    expect(await prisma.importPreviewRow.count({ where: { batchId: discarded.id } })).toBe(0)
  })

  it('reads a page address, refusing what is not one', () => {
    const q = (s: string) => readPreviewQuery(new URLSearchParams(s))
    expect(q('page=2&outcome=error')).toEqual({ page: 2, outcome: 'error', invalid: false })
    expect(q('')).toEqual({ page: 1, outcome: null, invalid: false })
    expect(q('page=0')).toEqual({ page: 1, outcome: null, invalid: true })
    expect(q('page=abc')).toEqual({ page: 1, outcome: null, invalid: true })
    expect(q('outcome=everything')).toEqual({ page: 1, outcome: null, invalid: true })
  })
})
