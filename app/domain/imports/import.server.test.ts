import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createAccount, createProduct, createUser } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { processId } from '~/utils/jobs.server'
import { cnpjFromBase, formatCnpj } from '~/domain/accounts/cnpj'
import {
  commitImport,
  discardImport,
  getImportBatch,
  keepCodesAsHistory,
  listImportBatches,
  previewImport,
  startImport,
  writeConfirmedImports,
} from './import.server'

const tmp = path.resolve('tests/.tmp/uploads')
fs.mkdirSync(tmp, { recursive: true })

function upload(content: string | Uint8Array): string {
  const file = path.join(tmp, `${crypto.randomUUID()}.csv`)
  fs.writeFileSync(file, content)
  return file
}
const win1252 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)))

async function preview(
  kind: 'ORDERS' | 'ACCOUNTS' | 'REPS',
  content: string | Uint8Array,
  actorId: string,
) {
  const batch = await previewImport({
    kind,
    file: upload(content),
    fileName: 'arquivo.csv',
    actorId,
  })
  // Codes not in the catalog are kept as history, as importing did before they needed a choice
  // (unknown-codes.server.test.ts covers the choice).
  if (kind === 'ORDERS' && batch.status === 'PREVIEWED')
    expect(await keepCodesAsHistory(batch.id, null, actorId)).toEqual({ ok: true })
  return (await getImportBatch(batch.id))!
}

describe('importing offline order history', () => {
  it('previews a Windows-1252 file with ; and decimal commas, writes only on confirm, and is idempotent', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    await createProduct({ sku: 'IMP-CIM-1', name: 'Cimento' })
    const csv = win1252(
      [
        'CNPJ;Número Pedido;Data Emissão;Código Produto;Descrição;Qtde;Preço Unitário',
        `${formatCnpj(account.cnpj)};90001;15/10/2026;IMP-CIM-1;Cimento CP-II;10;38,90`,
        `${formatCnpj(account.cnpj)};90001;15/10/2026;ERP-ONLY;Argamassa de reboco;2;1.234,50`,
        `${account.cnpj};90002;02/11/2026;IMP-CIM-1;Cimento CP-II;5;38,90`,
      ].join('\r\n'),
    )
    const first = await preview('ORDERS', csv, manager.id)
    expect(first).toMatchObject({
      status: 'PREVIEWED',
      totalRows: 3,
      errorRows: 0,
      createdRows: 2,
      skippedRows: 0,
    })
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(0)
    // The preview shows the lines as they will be written, accents intact.
    expect(first.preview.sample?.map((row) => [row.line, row.action, row.cells])).toEqual([
      [
        2,
        'create',
        {
          order: '90001',
          date: '2026-10-15',
          account: account.tradeName,
          sku: 'IMP-CIM-1',
          product: 'Cimento CP-II',
          quantity: 10,
          price: 38_90,
        },
      ],
      [
        3,
        'create',
        expect.objectContaining({
          sku: 'ERP-ONLY',
          product: 'Argamassa de reboco',
          price: 1234_50,
        }),
      ],
      [4, 'create', expect.objectContaining({ order: '90002', quantity: 5 })],
    ])

    expect(await commitImport(first.id, manager.id)).toEqual({
      ok: true,
      created: 2,
      updated: 0,
      unchanged: 0,
    })
    const orders = await prisma.order.findMany({
      where: { accountId: account.id },
      include: { lines: { orderBy: { sku: 'asc' } } },
      orderBy: { placedAt: 'asc' },
    })
    expect(orders.map((o) => [o.externalRef, o.channel, o.totalCents])).toEqual([
      ['90001', 'OFFLINE', 389_00 + 2 * 1234_50],
      ['90002', 'OFFLINE', 5 * 38_90],
    ])
    expect(orders[0]!.lines.map((l) => [l.sku, l.name, l.productId !== null])).toEqual([
      ['ERP-ONLY', 'Argamassa de reboco', false],
      ['IMP-CIM-1', 'Cimento CP-II', true],
    ])
    const updated = await prisma.account.findUniqueOrThrow({ where: { id: account.id } })
    expect(updated.lastOrderAt?.toISOString()).toBe('2026-11-02T03:00:00.000Z')
    expect(
      await prisma.accountStatusChange.count({ where: { accountId: account.id } }),
    ).toBeGreaterThan(0)
    expect(await commitImport(first.id, manager.id)).toEqual({ ok: false, code: 'NOT_PREVIEWED' })

    const again = await preview('ORDERS', csv, manager.id)
    expect(again).toMatchObject({ createdRows: 0, skippedRows: 2 })
    expect(again.preview.sample?.map((row) => row.action)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ])
    expect(again.preview.alreadyImportedAt).not.toBeNull()
    expect(await commitImport(again.id, manager.id)).toEqual({
      ok: false,
      code: 'NOTHING_TO_WRITE',
    })
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(2)
    expect(await prisma.orderLine.count({ where: { order: { accountId: account.id } } })).toBe(3)
  })

  it('reports each bad line and leaves orders with a bad line out, writing nothing before confirm', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    const good = formatCnpj(account.cnpj)
    const csv = [
      'cnpj,pedido,data,sku,quantidade,preco',
      `${good},A1,01/10/2026,X-1,3,"10,00"`,
      `11.222.333/0001-82,A2,01/10/2026,X-1,3,"10,00"`,
      `${good},A3,31/02/2026,X-1,3,"10,00"`,
      `${good},A4,01/10/2026,X-1,dois,"10,00"`,
      `${good},A5,01/10/2026,X-1,3,abc`,
      `${good},A1,01/10/2026,X-1,3,"10,00"`,
      `${good},A6,01/10/2026,,3,"10,00"`,
      `11.222.333/0001-81,A7,01/10/2026,X-1,3,"10,00"`,
      `${good},A1,02/10/2026,X-2,1,"5,00"`,
      `${good},A8,01/01/2099,X-1,1,"5,00"`,
    ].join('\n')
    const batch = await preview('ORDERS', csv, manager.id)
    expect(batch.preview.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'INVALID_CNPJ'],
      [4, 'INVALID_DATE'],
      [5, 'INVALID_QUANTITY'],
      [6, 'INVALID_PRICE'],
      [7, 'DUPLICATE_LINE'],
      [8, 'MISSING_VALUE'],
      [9, 'UNKNOWN_ACCOUNT'],
      [10, 'CONFLICTING_ORDER'],
      [11, 'FUTURE_DATE'],
    ])
    expect(batch).toMatchObject({ totalRows: 10, errorRows: 9, createdRows: 0 })
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(0)
    // Nothing would be written: confirming is refused with that reason, and stays possible to discard.
    expect(await startImport(batch.id, manager.id)).toEqual({
      ok: false,
      code: 'NOTHING_TO_WRITE',
    })
    expect((await getImportBatch(batch.id))!.status).toBe('PREVIEWED')
  })

  it('refuses files with the wrong columns, nothing in them, or binary content', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const wrong = await preview('ORDERS', 'nome;cidade\nLoja;Campinas\n', manager.id)
    expect(wrong.status).toBe('FAILED')
    expect(wrong.preview.fileError).toEqual({
      code: 'MISSING_COLUMNS',
      columns: ['cnpj', 'pedido', 'data', 'sku', 'quantidade', 'preco'],
    })
    expect((await preview('ORDERS', '', manager.id)).preview.fileError).toEqual({ code: 'EMPTY' })
    expect(
      (await preview('ORDERS', 'cnpj;pedido;data;sku;quantidade;preco\n', manager.id)).preview
        .fileError,
    ).toEqual({ code: 'NO_ROWS' })
    const garbage = Uint8Array.from({ length: 2048 }, (_, i) => (i * 131) % 256)
    expect((await preview('ORDERS', garbage, manager.id)).preview.fileError).toEqual({
      code: 'BINARY',
    })
    const failed = await preview('ORDERS', '', manager.id)
    expect(await commitImport(failed.id, manager.id)).toEqual({ ok: false, code: 'NOT_PREVIEWED' })
  })

  it('writes the orders once when the same preview is confirmed twice at once', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    const batch = await preview(
      'ORDERS',
      `cnpj;pedido;data;sku;quantidade;preco\n${account.cnpj};R-1;01/11/2026;Z-1;1;1,00\n`,
      manager.id,
    )
    const results = await Promise.all([
      commitImport(batch.id, manager.id),
      commitImport(batch.id, manager.id),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(1)
  })
})

describe('writing a confirmed import in short steps', () => {
  it('commits each step on its own, and a write stopped part-way is finished by the next run without writing anything twice', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const accounts = [await createAccount(), await createAccount(), await createAccount()]
    // 250 orders in steps, the first of 50 (the size of later ones depends on the machine):
    // the second step fails, as if the disk were full.
    const rows = Array.from({ length: 250 }, (_, i) => {
      const day = String((i % 28) + 1).padStart(2, '0')
      return `${accounts[i % 3]!.cnpj};STEP-${i};${day}/0${(i % 9) + 1}/2026;Z-1;1;2,00`
    })
    const batch = await preview(
      'ORDERS',
      ['cnpj;pedido;data;sku;quantidade;preco', ...rows].join('\n'),
      manager.id,
    )
    expect(batch.createdRows).toBe(250)
    const ours = { accountId: { in: accounts.map((a) => a.id) } }
    const transaction = prisma.$transaction.bind(prisma)
    let failed = false
    const failingOnce = (async (...args: unknown[]) => {
      if (!failed && (await prisma.order.count({ where: ours })) >= 50) {
        failed = true
        throw new Error('disk full')
      }
      return (transaction as (...a: unknown[]) => Promise<unknown>)(...args)
    }) as typeof prisma.$transaction
    Object.defineProperty(prisma, '$transaction', { value: failingOnce, configurable: true })
    try {
      await expect(commitImport(batch.id, manager.id)).rejects.toThrow('disk full')
    } finally {
      Object.defineProperty(prisma, '$transaction', { value: transaction, configurable: true })
    }

    // The steps before it are written whole, with their progress; the batch can go on.
    const stopped = await prisma.importBatch.findUniqueOrThrow({ where: { id: batch.id } })
    expect(stopped).toMatchObject({ status: 'PREVIEWED', writtenCreated: 50 })
    expect(stopped.pendingRebuild.split(',').sort()).toEqual(accounts.map((a) => a.id).sort())
    expect(await prisma.order.count({ where: ours })).toBe(stopped.writtenCreated)
    expect(await prisma.orderLine.count({ where: { order: ours } })).toBe(stopped.writtenCreated)

    // Had the process died instead, the batch would still be COMMITTING: a worker finishes it.
    await prisma.importBatch.update({ where: { id: batch.id }, data: { status: 'COMMITTING' } })
    expect(await writeConfirmedImports()).toBe(1)
    const done = await prisma.importBatch.findUniqueOrThrow({ where: { id: batch.id } })
    expect(done).toMatchObject({
      status: 'COMMITTED',
      createdRows: 250,
      updatedRows: 0,
      skippedRows: 0,
      pendingRebuild: '',
    })
    expect(await prisma.order.count({ where: ours })).toBe(250)
    expect(await prisma.orderLine.count({ where: { order: ours } })).toBe(250)
    // Every account's history was rebuilt, those of the first run's steps too.
    for (const account of accounts) {
      const latest = await prisma.order.findFirstOrThrow({
        where: { accountId: account.id },
        orderBy: { placedAt: 'desc' },
      })
      const rebuilt = await prisma.account.findUniqueOrThrow({ where: { id: account.id } })
      expect(rebuilt.lastOrderAt).toEqual(latest.placedAt)
    }
    expect(
      await prisma.auditLog.count({
        where: {
          entity: 'ImportBatch',
          entityId: batch.id,
          action: { not: 'import.keep_history' },
        },
      }),
    ).toBe(1)
    // Confirming once more changes nothing.
    expect(await commitImport(batch.id, manager.id)).toEqual({ ok: false, code: 'NOT_PREVIEWED' })
  })
})

describe('discarding a preview', () => {
  it('marks the batch discarded, deletes its file, audits it, and refuses to confirm it', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    const batch = await preview(
      'ORDERS',
      `cnpj;pedido;data;sku;quantidade;preco\n${account.cnpj};DS-1;01/11/2026;Z-1;1;1,00\n`,
      manager.id,
    )
    const fileId = batch.fileId!
    expect(await prisma.storedFile.count({ where: { id: fileId } })).toBe(1)

    expect(await discardImport(batch.id, manager.id)).toEqual({ ok: true })
    const discarded = (await getImportBatch(batch.id))!
    expect(discarded).toMatchObject({ status: 'DISCARDED', fileId: null })
    expect(await prisma.storedFile.count({ where: { id: fileId } })).toBe(0)
    const log = await prisma.auditLog.findFirstOrThrow({
      where: { entity: 'ImportBatch', entityId: batch.id, action: 'import.discard' },
    })
    expect(log).toMatchObject({ action: 'import.discard', actorId: manager.id })
    expect(JSON.parse(log.changes)).toMatchObject({ fileName: 'arquivo.csv' })

    expect(await startImport(batch.id, manager.id)).toEqual({ ok: false, code: 'DISCARDED' })
    expect(await commitImport(batch.id, manager.id)).toEqual({ ok: false, code: 'DISCARDED' })
    expect(await discardImport(batch.id, manager.id)).toEqual({
      ok: false,
      code: 'NOT_PREVIEWED',
    })
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(0)
    expect((await listImportBatches()).find((b) => b.id === batch.id)?.status).toBe('DISCARDED')
  })

  it('leaves a written batch alone', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    const batch = await preview(
      'ORDERS',
      `cnpj;pedido;data;sku;quantidade;preco\n${account.cnpj};DS-2;01/11/2026;Z-1;1;1,00\n`,
      manager.id,
    )
    await commitImport(batch.id, manager.id)
    expect(await discardImport(batch.id, manager.id)).toEqual({
      ok: false,
      code: 'NOT_PREVIEWED',
    })
    expect(await discardImport('nope', manager.id)).toEqual({ ok: false, code: 'NOT_FOUND' })
    expect((await getImportBatch(batch.id))!.status).toBe('COMMITTED')
  })
})

describe('confirming in the background', () => {
  it('returns at once and leaves the writing to a worker, which writes it once', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    const batch = await preview(
      'ORDERS',
      `cnpj;pedido;data;sku;quantidade;preco\n${account.cnpj};BG-1;01/11/2026;Z-1;1;1,00\n`,
      manager.id,
    )
    expect(await startImport(batch.id, manager.id)).toEqual({ ok: true, started: true })
    expect(await startImport(batch.id, manager.id)).toEqual({ ok: false, code: 'NOT_PREVIEWED' })
    expect((await getImportBatch(batch.id))!.status).toBe('COMMITTING')
    // Two workers at once: one writes, the other finds it held or done.
    const written = await Promise.all([writeConfirmedImports(), writeConfirmedImports()])
    expect(written.reduce((a, b) => a + b, 0)).toBe(1)
    expect((await getImportBatch(batch.id))!.status).toBe('COMMITTED')
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(1)
    const log = await prisma.auditLog.findFirstOrThrow({ where: { entityId: batch.id } })
    expect(log.actorId).toBe(manager.id)
  })

  it('leaves an import another process is writing alone, and takes it over when that process dies', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    const batch = await preview(
      'ORDERS',
      `cnpj;pedido;data;sku;quantidade;preco\n${account.cnpj};BG-2;01/11/2026;Z-1;1;1,00\n`,
      manager.id,
    )
    await startImport(batch.id, manager.id)
    // Another instance holds the import's lease (it is writing it).
    const lease = await prisma.jobLease.create({
      data: {
        name: `import:${batch.id}`,
        holder: 'other-instance',
        expiresAt: new Date(Date.now() + 60_000),
        acquiredAt: new Date(),
      },
    })
    expect(lease.holder).not.toBe(processId())
    expect(await writeConfirmedImports()).toBe(0)
    expect((await getImportBatch(batch.id))!.status).toBe('COMMITTING')
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(0)

    // It died and its lease ran out. The next worker writes it (what it had written stays).
    await prisma.jobLease.update({
      where: { name: lease.name },
      data: { expiresAt: new Date(Date.now() - 1) },
    })
    expect(await writeConfirmedImports()).toBe(1)
    expect((await getImportBatch(batch.id))!.status).toBe('COMMITTED')
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(1)
  })

  it('fails a confirmed import whose stored file is gone, with the reason on its page', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    const batch = await preview(
      'ORDERS',
      `cnpj;pedido;data;sku;quantidade;preco\n${account.cnpj};BG-3;01/11/2026;Z-1;1;1,00\n`,
      manager.id,
    )
    await startImport(batch.id, manager.id)
    const { fileId } = await prisma.importBatch.findUniqueOrThrow({ where: { id: batch.id } })
    await prisma.storedFile.delete({ where: { id: fileId! } })
    expect(await writeConfirmedImports()).toBe(0)
    const failed = (await getImportBatch(batch.id))!
    expect(failed.status).toBe('FAILED')
    expect(failed.preview.fileError).toEqual({ code: 'FILE_MISSING' })
    expect(await prisma.order.count({ where: { accountId: account.id } })).toBe(0)
  })

  it('keeps the uploaded file in the database, not on the disk of the instance that received it', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const file = upload('cnpj;pedido;data;sku;quantidade;preco\n')
    const batch = await previewImport({
      kind: 'ORDERS',
      file,
      fileName: 'pedidos.csv',
      actorId: manager.id,
    })
    expect(fs.existsSync(file)).toBe(false)
    const stored = await prisma.storedFile.findUniqueOrThrow({
      where: {
        id: (await prisma.importBatch.findUniqueOrThrow({ where: { id: batch.id } })).fileId!,
      },
    })
    expect(Buffer.from(stored.data).toString()).toBe('cnpj;pedido;data;sku;quantidade;preco\n')
    expect(stored.fileName).toBe('pedidos.csv')
  })
})

describe('importing accounts and reps', () => {
  it('creates and updates accounts by CNPJ, checks rep codes and states, and re-imports to no change', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const rep = await prisma.rep.create({
      data: {
        code: `RX${crypto.randomInt(1e6)}`,
        name: 'Rep',
        email: `rep-${crypto.randomUUID()}@x.example`,
      },
    })
    const existing = await createAccount()
    const fresh = '45.723.174/0001-10'
    const csv = [
      'CNPJ;Razão Social;Nome Fantasia;Cidade;UF;Representante;Pedido mínimo',
      `${fresh};Nova Loja Ltda;Nova Loja;Recife;PE;${rep.code};500,00`,
      `${formatCnpj(existing.cnpj)};Loja Antiga Ltda;Loja Antiga;Campinas;SP;${rep.code};`,
      `11.222.333/0001-81;Loja X;;Natal;XX;;`,
      `33.000.167/0001-01;Loja Y;;Natal;RN;R-NOPE;`,
    ].join('\n')
    const batch = await preview('ACCOUNTS', csv, manager.id)
    expect(batch.preview.errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'INVALID_UF'],
      [5, 'UNKNOWN_REP'],
    ])
    expect(batch).toMatchObject({ createdRows: 1, updatedRows: 1 })
    expect(
      batch.preview.sample?.map((row) => [row.line, row.action, row.cells.cnpj, row.cells.city]),
    ).toEqual([
      [2, 'create', '45723174000110', 'Recife'],
      [3, 'update', existing.cnpj, 'Campinas'],
    ])
    await commitImport(batch.id, manager.id)
    const created = await prisma.account.findUniqueOrThrow({ where: { cnpj: '45723174000110' } })
    expect(created).toMatchObject({
      tradeName: 'Nova Loja',
      state: 'PE',
      repId: rep.id,
      minimumOrderCents: 50_000,
    })
    expect(
      await prisma.repAssignment.count({ where: { accountId: existing.id, repId: rep.id } }),
    ).toBe(1)
    const again = await preview('ACCOUNTS', csv, manager.id)
    expect(again).toMatchObject({ createdRows: 0, updatedRows: 0, skippedRows: 2 })
  })

  it('reads phones and WhatsApp numbers in E.164, refuses impossible ones beside their column, and keeps a WhatsApp the file does not give', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const existing = await createAccount()
    await prisma.account.update({
      where: { id: existing.id },
      data: { whatsapp: '+5519998765432', phone: '+551933332222' },
    })
    const fresh = cnpjFromBase(String(crypto.randomInt(10 ** 11, 10 ** 12 - 1)).padStart(12, '0'))
    const csv = [
      'CNPJ;Razão Social;Nome Fantasia;Cidade;UF;Telefone;WhatsApp',
      `${fresh};Loja Zap Ltda;Loja Zap;Recife;PE;(81) 3222-1111;81 99876-1234`,
      `${formatCnpj(existing.cnpj)};${existing.legalName};${existing.tradeName};Campinas;SP;(19) 3333-2222;`,
      `${cnpjFromBase(String(crypto.randomInt(10 ** 11, 10 ** 12 - 1)).padStart(12, '0'))};Loja Ruim;;Natal;RN;123;`,
    ].join('\n')
    const batch = await preview('ACCOUNTS', csv, manager.id)
    expect(batch.preview.errors.map((e) => [e.line, e.code, e.column, e.value])).toEqual([
      [4, 'INVALID_PHONE', 'telefone', '123'],
    ])
    // The same phone typed another way, and no WhatsApp column value: nothing to change.
    expect(batch).toMatchObject({ createdRows: 1, updatedRows: 0, skippedRows: 1 })
    await commitImport(batch.id, manager.id)
    expect(await prisma.account.findUniqueOrThrow({ where: { cnpj: fresh } })).toMatchObject({
      phone: '+558132221111',
      whatsapp: '+5581998761234',
    })
    expect(await prisma.account.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      phone: '+551933332222',
      whatsapp: '+5519998765432',
    })
  })

  it('creates and updates reps by code, refusing an email another rep uses', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const code = `Q${crypto.randomInt(1e6)}`
    const csv = `codigo;nome;email;comissao\n${code};Ana Reps;ana-${code}@x.example;3,5\n${code}B;Bia;ana-${code}@x.example;4\n`
    const batch = await preview('REPS', csv, manager.id)
    expect(batch.preview.errors.map((e) => e.code)).toEqual(['EMAIL_IN_USE'])
    await commitImport(batch.id, manager.id)
    expect(await prisma.rep.findUniqueOrThrow({ where: { code } })).toMatchObject({
      name: 'Ana Reps',
      defaultCommissionBps: 350,
    })
  })
})
