import { createAccount, createProduct, createUser } from '#tests/fixtures/factories'
import { previewCsv } from '#tests/fixtures/imports'
import { prisma } from '~/utils/db.server'
import { formatCnpj } from '~/domain/accounts/cnpj'
import { commitImport, getImportBatch, keepCodesAsHistory, mapProductCode } from './import.server'
import { forgetCodeMapping, listCodeMappings } from './code-mappings.server'

const preview = (csv: string, actorId: string) => previewCsv('ORDERS', csv, actorId)

describe('ERP product codes mapped to catalog SKUs', () => {
  it('imports a mapped code as the catalog product, and reads the next file through the remembered mapping', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    const cement = await createProduct({ sku: 'MAP-CIM-50', name: 'Cimento CP II 50 kg' })
    const cnpj = formatCnpj(account.cnpj)
    const first = await preview(
      [
        'cnpj;pedido;data;sku;produto;quantidade;preco',
        `${cnpj};M-1;10/10/2026;CIM-CPII-50;Cimento CP-II;4;30,00`,
        `${cnpj};M-1;10/10/2026;ARG-001;Argamassa;1;5,00`,
      ].join('\n'),
      manager.id,
    )
    expect(first.preview.unknownCodes?.map((c) => c.code)).toEqual(['ARG-001', 'CIM-CPII-50'])

    // A SKU the catalog lacks, or a code not in this preview, is refused and changes nothing.
    expect(
      await mapProductCode(first.id, { code: 'CIM-CPII-50', sku: 'NOPE-1' }, manager.id),
    ).toEqual({ ok: false, code: 'UNKNOWN_SKU' })
    expect(await mapProductCode(first.id, { code: 'XYZ', sku: 'MAP-CIM-50' }, manager.id)).toEqual({
      ok: false,
      code: 'UNKNOWN_CODE',
    })
    expect(await prisma.productCodeMapping.count()).toBe(0)

    // A code first kept as history may still be mapped: the mapping replaces that choice.
    expect(await keepCodesAsHistory(first.id, 'CIM-CPII-50', manager.id)).toEqual({ ok: true })
    expect(
      await mapProductCode(first.id, { code: 'CIM-CPII-50', sku: 'MAP-CIM-50' }, manager.id),
    ).toEqual({ ok: true })
    const mapped = (await getImportBatch(first.id))!.preview
    expect(mapped.historyCodes).toEqual([])
    expect(mapped.mappedCodes).toEqual([{ code: 'CIM-CPII-50', sku: 'MAP-CIM-50', lines: 1 }])
    // ARG-001 still needs a choice.
    expect(await commitImport(first.id, manager.id)).toEqual({ ok: false, code: 'UNKNOWN_CODES' })
    expect(await keepCodesAsHistory(first.id, null, manager.id)).toEqual({ ok: true })
    expect(await commitImport(first.id, manager.id)).toMatchObject({ ok: true, created: 1 })

    const lines = await prisma.orderLine.findMany({
      where: { order: { accountId: account.id } },
      orderBy: { sku: 'asc' },
      select: { sku: true, name: true, productId: true, totalCents: true },
    })
    expect(lines).toEqual([
      { sku: 'ARG-001', name: 'Argamassa', productId: null, totalCents: 5_00 },
      // Written as the catalog's product, under its SKU; the file's description stays.
      { sku: 'MAP-CIM-50', name: 'Cimento CP-II', productId: cement.id, totalCents: 120_00 },
    ])
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: first.id, action: 'import.map_code' },
    })
    expect(JSON.parse(audit.changes)).toMatchObject({ code: 'CIM-CPII-50', sku: 'MAP-CIM-50' })

    // The next file from the same ERP: the code is read through the mapping, nothing to choose.
    const second = await preview(
      [
        'cnpj;pedido;data;sku;produto;quantidade;preco',
        `${cnpj};M-2;20/10/2026;cim-cpii-50;Cimento CP-II;2;31,00`,
      ].join('\n'),
      manager.id,
    )
    expect(second.preview.unknownCodes).toBeUndefined()
    expect(second.preview.mappedCodes).toEqual([
      { code: 'CIM-CPII-50', sku: 'MAP-CIM-50', lines: 1 },
    ])
    expect(await commitImport(second.id, manager.id)).toMatchObject({ ok: true, created: 1 })
    const line = await prisma.orderLine.findFirstOrThrow({
      where: { order: { externalRef: 'M-2' } },
    })
    expect(line).toMatchObject({ sku: 'MAP-CIM-50', productId: cement.id })
  })

  it('refuses a mapping once the batch is no longer a preview', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    await createProduct({ sku: 'MAP-OK-1' })
    const batch = await preview(
      `cnpj;pedido;data;sku;quantidade;preco\n${account.cnpj};MN-1;10/10/2026;OLD-1;1;1,00\n`,
      manager.id,
    )
    expect(await keepCodesAsHistory(batch.id, null, manager.id)).toEqual({ ok: true })
    expect(await commitImport(batch.id, manager.id)).toMatchObject({ ok: true, created: 1 })
    expect(await mapProductCode(batch.id, { code: 'OLD-1', sku: 'MAP-OK-1' }, manager.id)).toEqual({
      ok: false,
      code: 'NOT_PREVIEWED',
    })
    expect(await prisma.productCodeMapping.count({ where: { code: 'OLD-1' } })).toBe(0)
  })

  it('lists the remembered mappings and forgets one: the next file asks for a choice again, imported orders keep their product', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    const product = await createProduct({ sku: 'MAP-FGT-1', name: 'Tinta' })
    const csv = (ref: string) =>
      `cnpj;pedido;data;sku;quantidade;preco\n${account.cnpj};${ref};10/10/2026;ERP-TINTA;1;9,00\n`
    const first = await preview(csv('F-1'), manager.id)
    await mapProductCode(first.id, { code: 'ERP-TINTA', sku: 'MAP-FGT-1' }, manager.id)
    await commitImport(first.id, manager.id)

    const listed = await listCodeMappings(1)
    expect(listed.mappings.find((m) => m.code === 'ERP-TINTA')).toMatchObject({
      product: { sku: 'MAP-FGT-1', name: 'Tinta', active: true },
    })
    expect(await forgetCodeMapping('ERP-TINTA', manager.id)).toEqual({ ok: true })
    // Forgetting again (a second manager, a repeated click) finds nothing and changes nothing.
    expect(await forgetCodeMapping('ERP-TINTA', manager.id)).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(
      await prisma.auditLog.count({
        where: { action: 'import.forget_code', entityId: 'ERP-TINTA' },
      }),
    ).toBe(1)

    const next = await preview(csv('F-2'), manager.id)
    expect(next.preview.mappedCodes).toBeUndefined()
    expect(next.preview.unknownCodes?.map((c) => c.code)).toEqual(['ERP-TINTA'])
    const imported = await prisma.orderLine.findFirstOrThrow({
      where: { order: { externalRef: 'F-1' } },
    })
    expect(imported.productId).toBe(product.id)
  })

  it('sends a batch back to its preview when a mapping it relied on was forgotten before confirming', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    await createProduct({ sku: 'MAP-STALE-1' })
    const batch = await preview(
      `cnpj;pedido;data;sku;quantidade;preco\n${account.cnpj};ST-1;10/10/2026;ERP-STALE;1;1,00\n`,
      manager.id,
    )
    await mapProductCode(batch.id, { code: 'ERP-STALE', sku: 'MAP-STALE-1' }, manager.id)
    await forgetCodeMapping('ERP-STALE', manager.id)
    expect(await commitImport(batch.id, manager.id)).toEqual({ ok: false, code: 'UNKNOWN_CODES' })
    const back = (await getImportBatch(batch.id))!
    expect(back.status).toBe('PREVIEWED')
    expect(back.preview.mappedCodes).toBeUndefined()
    expect(back.preview.unknownCodes?.map((c) => c.code)).toEqual(['ERP-STALE'])
    expect(await prisma.order.count({ where: { externalRef: 'ST-1' } })).toBe(0)
    // Chosen again, it imports.
    expect(await keepCodesAsHistory(batch.id, null, manager.id)).toEqual({ ok: true })
    expect(await commitImport(batch.id, manager.id)).toMatchObject({ ok: true, created: 1 })
  })
})
