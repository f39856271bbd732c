import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createTerms, createUser } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { DAY_MS } from '~/utils/dates'
import { cnpjFromBase, formatCnpj } from '~/domain/accounts/cnpj'
import {
  getNewAccountDefaults,
  updateNewAccountDefaults,
} from '~/domain/accounts/commercial-terms.server'
import {
  chooseNewAccounts,
  commitImport,
  getImportBatch,
  keepCodesAsHistory,
  previewImport,
  undoImport,
} from './import.server'
import { previewPage } from './preview-rows.server'

const tmp = path.resolve('tests/.tmp/uploads')
fs.mkdirSync(tmp, { recursive: true })

const freshCnpj = () =>
  cnpjFromBase(String(crypto.randomInt(10 ** 11, 10 ** 12 - 1)).padStart(12, '0'))

function daysBefore(now: Date, days: number) {
  const d = new Date(now.getTime() - days * DAY_MS)
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`
}

async function preview(csv: string, actorId: string) {
  const file = path.join(tmp, `${crypto.randomUUID()}.csv`)
  fs.writeFileSync(file, csv)
  const batch = await previewImport({ kind: 'ORDERS', file, fileName: 'erp.csv', actorId })
  // The product codes are not in the catalog: kept as history.
  await keepCodesAsHistory(batch.id, null, actorId)
  return (await getImportBatch(batch.id))!
}

const HEADER = 'CNPJ;Razão Social;Município;UF;Pedido;Data;Código;Descrição;Qtde;Preço Unitário'

describe('accounts created from an order file', () => {
  it('creates the CNPJs the file describes, with the settings defaults, attached to their orders; re-importing changes nothing; undo removes them', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const now = new Date()
    await createTerms(['28', '28/56'])
    const list = await prisma.priceList.create({
      data: { code: `NA${crypto.randomInt(1e9)}`, name: 'Novos' },
    })
    const before = await getNewAccountDefaults()
    await updateNewAccountDefaults(manager.id, {
      priceListId: list.id,
      termCodes: ['28/56'],
      minimumOrderCents: 25_000,
    })
    try {
      const unknown = freshCnpj()
      const noCity = freshCnpj()
      const ref = crypto.randomUUID().slice(0, 8)
      const csv = [
        HEADER,
        `${formatCnpj(unknown)};Depósito São João Ltda;Caruaru;pe;${ref}-1;${daysBefore(now, 20)};NA-1;Cimento;2;30,00`,
        `${formatCnpj(unknown)};;;;${ref}-2;${daysBefore(now, 5)};NA-1;Cimento;1;30,00`,
        `${formatCnpj(noCity)};Casa Sem Cidade;;SP;${ref}-3;${daysBefore(now, 5)};NA-1;Cimento;1;30,00`,
      ].join('\n')
      const first = await preview(csv, manager.id)
      expect(first.preview.newAccounts).toHaveLength(2)
      expect(first.preview.newAccounts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            cnpj: unknown,
            name: 'Depósito São João Ltda',
            city: 'Caruaru',
            state: 'PE',
            orders: 2,
            lines: 2,
            missing: [],
          }),
          expect.objectContaining({ cnpj: noCity, missing: ['city'] }),
        ]),
      )
      expect(first).toMatchObject({ createdRows: 0, errorRows: 3 })

      expect(await chooseNewAccounts(first.id, true, manager.id)).toEqual({ ok: true })
      // Their lines' product codes now need a choice too: kept as history.
      expect(await keepCodesAsHistory(first.id, null, manager.id)).toEqual({ ok: true })
      const chosen = (await getImportBatch(first.id))!
      // The two orders of the CNPJ the file describes will be written; the one without a city not.
      expect(chosen).toMatchObject({ createdRows: 2, errorRows: 1 })
      expect(chosen.preview.createAccounts).toBe(true)
      expect(chosen.preview.outcomes).toEqual({ create: 2, update: 0, unchanged: 0, error: 1 })
      const rows = (await previewPage(first.id, { page: 1, outcome: null, total: 3 })).rows
      expect(rows.map((r) => [r.line, r.outcome])).toEqual([
        [2, 'create'],
        [3, 'create'],
        [4, 'error'],
      ])
      expect(rows[0]!.cells).toMatchObject({ account: 'Depósito São João Ltda' })

      expect(await commitImport(first.id, manager.id, now)).toMatchObject({ ok: true, created: 2 })
      const account = await prisma.account.findUniqueOrThrow({
        where: { cnpj: unknown },
        include: { paymentTerms: { select: { code: true } }, orders: true },
      })
      expect(account).toMatchObject({
        legalName: 'Depósito São João Ltda',
        tradeName: 'Depósito São João Ltda',
        city: 'Caruaru',
        state: 'PE',
        priceListId: list.id,
        minimumOrderCents: 25_000,
        // Derived from the imported history: an order 5 days ago.
        status: 'ACTIVE',
      })
      expect(account.paymentTerms.map((t) => t.code)).toEqual(['28/56'])
      expect(account.orders.map((o) => o.externalRef).sort()).toEqual([`${ref}-1`, `${ref}-2`])
      expect(await prisma.account.count({ where: { cnpj: noCity } })).toBe(0)
      const entry = await prisma.auditLog.findFirstOrThrow({
        where: { action: 'import.orders', entityId: first.id },
      })
      expect(JSON.parse(entry.changes)).toMatchObject({ created: 2, accountsCreated: 1 })

      // The same file again: its orders are in, its account exists, nothing to write.
      const again = await preview(csv, manager.id)
      expect(again).toMatchObject({ createdRows: 0, skippedRows: 2 })
      expect(again.preview.newAccounts).toEqual([expect.objectContaining({ cnpj: noCity })])

      expect(await undoImport(first.id, manager.id, now)).toMatchObject({
        ok: true,
        removed: 2,
        accountsRemoved: 1,
      })
      expect(await prisma.account.count({ where: { cnpj: unknown } })).toBe(0)
      expect(await prisma.order.count({ where: { externalRef: { startsWith: ref } } })).toBe(0)
    } finally {
      await updateNewAccountDefaults(manager.id, before)
    }
  })

  it('refuses to create a CNPJ the file gives no name, and leaves its orders out', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const cnpj = freshCnpj()
    const ref = crypto.randomUUID().slice(0, 8)
    const batch = await preview(
      [
        'CNPJ;Pedido;Data;Código;Qtde;Preço Unitário;Cidade;UF',
        `${cnpj};${ref};01/10/2026;NA-2;1;10,00;Recife;PE`,
      ].join('\n'),
      manager.id,
    )
    expect(batch.preview.newAccounts).toEqual([
      expect.objectContaining({ cnpj, name: null, missing: ['name'] }),
    ])
    expect(batch.preview.missingAccountColumns).toEqual(['cliente'])
    expect(await chooseNewAccounts(batch.id, true, manager.id)).toEqual({
      ok: false,
      code: 'NO_NEW_ACCOUNTS',
    })
    const after = (await getImportBatch(batch.id))!
    expect(after.preview.createAccounts).toBeUndefined()
    expect(after).toMatchObject({ createdRows: 0, errorRows: 1 })
    expect(await prisma.account.count({ where: { cnpj } })).toBe(0)
  })

  it('keeps the created account when something else now uses it, refusing the undo', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const cnpj = freshCnpj()
    const ref = crypto.randomUUID().slice(0, 8)
    const batch = await preview(
      [HEADER, `${cnpj};Loja Usada;Natal;RN;${ref};01/10/2026;NA-3;Cal;1;10,00`].join('\n'),
      manager.id,
    )
    await chooseNewAccounts(batch.id, true, manager.id)
    await keepCodesAsHistory(batch.id, null, manager.id)
    expect(await commitImport(batch.id, manager.id)).toMatchObject({ ok: true })
    const account = await prisma.account.findUniqueOrThrow({ where: { cnpj } })
    await createUser({ role: 'BUYER', accountId: account.id })
    expect(await undoImport(batch.id, manager.id)).toEqual({
      ok: false,
      code: 'ACCOUNTS_IN_USE',
    })
    expect(await prisma.order.count({ where: { externalRef: ref } })).toBe(1)
  })
  it('keeps the created account once the sales team logged a call on it: undo would delete what they recorded', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const cnpj = freshCnpj()
    const ref = crypto.randomUUID().slice(0, 8)
    const batch = await preview(
      [HEADER, `${cnpj};Loja Ligada;Natal;RN;${ref};01/10/2026;NA-4;Cal;1;10,00`].join('\n'),
      manager.id,
    )
    await chooseNewAccounts(batch.id, true, manager.id)
    await keepCodesAsHistory(batch.id, null, manager.id)
    expect(await commitImport(batch.id, manager.id)).toMatchObject({ ok: true })
    const account = await prisma.account.findUniqueOrThrow({ where: { cnpj } })
    await prisma.contactLog.create({
      data: { accountId: account.id, userId: manager.id, channel: 'PHONE', outcome: 'NO_ANSWER' },
    })
    expect(await undoImport(batch.id, manager.id)).toEqual({ ok: false, code: 'ACCOUNTS_IN_USE' })
    expect(await prisma.contactLog.count({ where: { accountId: account.id } })).toBe(1)
  })

  it('answers a second choice made while the first is still being applied with BUSY', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const cnpj = freshCnpj()
    const batch = await preview(
      [
        HEADER,
        `${cnpj};Loja Dupla;Natal;RN;${crypto.randomUUID().slice(0, 8)};01/10/2026;NA-5;Cal;1;10,00`,
      ].join('\n'),
      manager.id,
    )
    const results = await Promise.all([
      chooseNewAccounts(batch.id, true, manager.id),
      chooseNewAccounts(batch.id, false, manager.id),
    ])
    expect(results).toContainEqual({ ok: true })
    expect(results).toContainEqual({ ok: false, code: 'BUSY' })
  })
})
