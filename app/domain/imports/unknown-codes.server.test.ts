import { createAccount, createProduct, createUser } from '#tests/fixtures/factories'
import { previewCsv } from '#tests/fixtures/imports'
import { prisma } from '~/utils/db.server'
import { cnpjFromBase, formatCnpj } from '~/domain/accounts/cnpj'
import { commitImport, getImportBatch, keepCodesAsHistory, undoImport } from './import.server'

const preview = (csv: string, actorId: string) => previewCsv('ORDERS', csv, actorId)

describe('product codes not in the catalog in an orders file', () => {
  it('lists each unknown code with its lines, refuses to confirm without a choice, and imports the lines without a product once kept as history', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    await createProduct({ sku: 'UNK-CIM-1', name: 'Cimento' })
    const cnpj = formatCnpj(account.cnpj)
    const csv = [
      'cnpj;pedido;data;sku;produto;quantidade;preco',
      `${cnpj};U-1;10/10/2026;UNK-CIM-1;Cimento;2;10,00`,
      `${cnpj};U-1;10/10/2026;arg-001;Argamassa;1;5,00`,
      `${cnpj};U-2;11/10/2026;ARG-001;Argamassa;3;5,00`,
      `${cnpj};U-2;11/10/2026;CAL-9;Cal hidratada;1;7,50`,
      // A line with an error: its order is not written, so its code needs no choice.
      `${cnpj};U-3;99/10/2026;TIJ-1;Tijolo;1;1,00`,
    ].join('\n')
    const batch = await preview(csv, manager.id)
    expect(batch.createdRows).toBe(2)
    expect(batch.preview.unknownCodes).toEqual([
      { code: 'ARG-001', name: 'Argamassa', lines: 2, firstLines: [3, 4] },
      { code: 'CAL-9', name: 'Cal hidratada', lines: 1, firstLines: [5] },
    ])

    expect(await commitImport(batch.id, manager.id)).toEqual({ ok: false, code: 'UNKNOWN_CODES' })
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(0)
    expect(await keepCodesAsHistory(batch.id, 'NOPE', manager.id)).toEqual({
      ok: false,
      code: 'UNKNOWN_CODE',
    })

    // One code chosen: still refused for the other.
    expect(await keepCodesAsHistory(batch.id, 'ARG-001', manager.id)).toEqual({ ok: true })
    expect(await commitImport(batch.id, manager.id)).toEqual({ ok: false, code: 'UNKNOWN_CODES' })
    // The rest at once.
    expect(await keepCodesAsHistory(batch.id, null, manager.id)).toEqual({ ok: true })
    expect((await getImportBatch(batch.id))!.preview.historyCodes).toEqual(['ARG-001', 'CAL-9'])
    const audits = await prisma.auditLog.findMany({
      where: { entityId: batch.id, action: 'import.keep_history' },
    })
    expect(audits).toHaveLength(2)

    expect(await commitImport(batch.id, manager.id)).toMatchObject({ ok: true, created: 2 })
    const lines = await prisma.orderLine.findMany({
      where: { order: { accountId: account.id } },
      orderBy: [{ order: { externalRef: 'asc' } }, { sku: 'asc' }],
      select: { sku: true, productId: true, totalCents: true },
    })
    expect(lines.map((l) => [l.sku, l.productId !== null])).toEqual([
      ['ARG-001', false],
      ['UNK-CIM-1', true],
      ['ARG-001', false],
      ['CAL-9', false],
    ])
    // History lines count for revenue and inactivity.
    const orders = await prisma.order.findMany({ where: { accountId: account.id } })
    expect(orders.reduce((sum, o) => sum + o.totalCents, 0)).toBe(20_00 + 5_00 + 15_00 + 7_50)
    const updated = await prisma.account.findUniqueOrThrow({ where: { id: account.id } })
    expect(updated.lastOrderAt).not.toBeNull()

    // Undo removes them as any other imported line.
    expect(await undoImport(batch.id, manager.id)).toMatchObject({ ok: true, removed: 2 })
    expect(await prisma.orderLine.count({ where: { order: { accountId: account.id } } })).toBe(0)
  })

  it('asks nothing when every code is in the catalog, and refuses a choice once the batch is no longer a preview', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    await createProduct({ sku: 'UNK-OK-1', name: 'Cimento' })
    const batch = await preview(
      `cnpj;pedido;data;sku;quantidade;preco\n${account.cnpj};UK-1;10/10/2026;unk-ok-1;1;1,00\n`,
      manager.id,
    )
    expect(batch.preview.unknownCodes).toBeUndefined()
    expect(await commitImport(batch.id, manager.id)).toMatchObject({ ok: true, created: 1 })
    expect(await keepCodesAsHistory(batch.id, null, manager.id)).toEqual({
      ok: false,
      code: 'NOT_PREVIEWED',
    })
  })

  it('counts the CNPJs with no account, whose orders are left out, so the preview can say to import accounts first', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    await createProduct({ sku: 'UNK-ACC-1' })
    const stranger = cnpjFromBase('998877665544')
    const other = cnpjFromBase('998877665533')
    const batch = await preview(
      [
        'cnpj;pedido;data;sku;quantidade;preco',
        `${account.cnpj};UA-1;10/10/2026;UNK-ACC-1;1;1,00`,
        `${stranger};UA-2;10/10/2026;UNK-ACC-1;1;1,00`,
        `${stranger};UA-3;11/10/2026;UNK-ACC-1;1;1,00`,
        `${formatCnpj(other)};UA-4;11/10/2026;UNK-ACC-1;1;1,00`,
      ].join('\n'),
      manager.id,
    )
    expect(batch.createdRows).toBe(1)
    expect(batch.preview.unknownAccounts).toBe(2)
    expect(batch.preview.errors.filter((e) => e.code === 'UNKNOWN_ACCOUNT')).toHaveLength(3)
  })
})
