import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createAccount, createRep, createUser } from '#tests/fixtures/factories'
import { getDashboard } from '~/domain/dashboard/dashboard.server'
import { prisma } from '~/utils/db.server'
import { DAY_MS } from '~/utils/dates'
import { cnpjFromBase, formatCnpj } from '~/domain/accounts/cnpj'
import {
  commitImport,
  getImportBatch,
  keepCodesAsHistory,
  previewImport,
  undoImport,
} from './import.server'

const tmp = path.resolve('tests/.tmp/uploads')
fs.mkdirSync(tmp, { recursive: true })

async function imported(kind: 'ORDERS' | 'ACCOUNTS', csv: string, actorId: string, now: Date) {
  const file = path.join(tmp, `${crypto.randomUUID()}.csv`)
  fs.writeFileSync(file, csv)
  const batch = await previewImport({ kind, file, fileName: `${kind}.csv`, actorId })
  // Product codes not in the catalog: kept as history (imported without a product).
  if (kind === 'ORDERS') await keepCodesAsHistory(batch.id, null, actorId)
  expect(await commitImport(batch.id, actorId, now)).toMatchObject({ ok: true })
  return batch.id
}

/** dd/mm/yyyy, `days` before `now`, as an ERP writes it. */
function daysBefore(now: Date, days: number) {
  const d = new Date(now.getTime() - days * DAY_MS)
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`
}

const freshCnpj = () =>
  cnpjFromBase(String(crypto.randomInt(10 ** 11, 10 ** 12 - 1)).padStart(12, '0'))

async function accountState(id: string) {
  const account = await prisma.account.findUniqueOrThrow({
    where: { id },
    include: {
      statusChanges: {
        select: { fromStatus: true, toStatus: true, changedAt: true },
        orderBy: { changedAt: 'asc' },
      },
      reactivations: { select: { id: true } },
      repAssignments: { select: { id: true } },
      _count: { select: { orders: true } },
    },
  })
  const { updatedAt: _updatedAt, ...state } = account
  return state
}

const revenue = () =>
  prisma.revenueSummary.findMany({
    orderBy: [{ month: 'asc' }, { channel: 'asc' }, { repId: 'asc' }, { state: 'asc' }],
  })

describe('undoing a committed import', () => {
  it('restores the dashboard and the accounts exactly, refuses the earlier batch first, and imports again after', async () => {
    const now = new Date()
    const manager = await createUser({ role: 'MANAGER' })
    const rep = await createRep()
    // An account with a history: three monthly orders a year and a half ago, so LOST.
    const lost = await createAccount({ state: 'PR' })
    const lostCnpj = formatCnpj(lost.cnpj)
    const header = 'cnpj;pedido;data;sku;quantidade;preco'
    const tag = crypto.randomUUID().slice(0, 8)
    await imported(
      'ORDERS',
      [
        header,
        `${lostCnpj};${tag}-H1;${daysBefore(now, 560)};H-1;2;100,00`,
        `${lostCnpj};${tag}-H2;${daysBefore(now, 530)};H-1;1;100,00`,
        `${lostCnpj};${tag}-H3;${daysBefore(now, 500)};H-1;3;100,00`,
      ].join('\n'),
      manager.id,
      now,
    )

    const dashboardBefore = await getDashboard(now)
    const lostBefore = await accountState(lost.id)
    const revenueBefore = await revenue()
    expect(lostBefore.status).toBe('LOST')

    // Accounts: one new, the lost one renamed and given a rep.
    const fresh = freshCnpj()
    const accountsCsv = [
      'CNPJ;Razão Social;Nome Fantasia;Cidade;UF;Representante',
      `${formatCnpj(fresh)};Nova Loja ${tag} Ltda;Nova Loja ${tag};Recife;PE;${rep.code}`,
      `${lostCnpj};Loja Renomeada ${tag} Ltda;Loja Renomeada;Curitiba;PR;${rep.code}`,
    ].join('\n')
    const accountsBatch = await imported('ACCOUNTS', accountsCsv, manager.id, now)
    // Orders: the lost account comes back, the new one orders monthly.
    const ordersCsv = [
      header,
      `${lostCnpj};${tag}-R1;${daysBefore(now, 3)};R-1;10;55,90`,
      `${formatCnpj(fresh)};${tag}-N1;${daysBefore(now, 70)};N-1;1;10,00`,
      `${formatCnpj(fresh)};${tag}-N2;${daysBefore(now, 40)};N-1;2;10,00`,
      `${formatCnpj(fresh)};${tag}-N3;${daysBefore(now, 10)};N-1;3;10,00`,
    ].join('\n')
    const ordersBatch = await imported('ORDERS', ordersCsv, manager.id, now)

    const moved = await getDashboard(now)
    expect(moved).not.toEqual(dashboardBefore)
    const back = await accountState(lost.id)
    expect(back).toMatchObject({ status: 'ACTIVE', tradeName: 'Loja Renomeada', repId: rep.id })
    expect(back.reactivations.length).toBe(lostBefore.reactivations.length + 1)

    // The accounts batch first: the orders batch, later, touched the same accounts.
    expect(await undoImport(accountsBatch, manager.id, now)).toEqual({
      ok: false,
      code: 'LATER_IMPORT',
    })
    expect((await getImportBatch(accountsBatch))!.status).toBe('COMMITTED')

    expect(await undoImport(ordersBatch, manager.id, now)).toEqual({
      ok: true,
      removed: 4,
      restored: 2,
    })
    expect(await undoImport(ordersBatch, manager.id, now)).toEqual({
      ok: false,
      code: 'NOT_COMMITTED',
    })
    expect(await undoImport(accountsBatch, manager.id, now)).toEqual({
      ok: true,
      removed: 1,
      restored: 1,
    })

    expect(await getDashboard(now)).toEqual(dashboardBefore)
    expect(await revenue()).toEqual(revenueBefore)
    expect(await accountState(lost.id)).toEqual(lostBefore)
    expect(await prisma.account.count({ where: { cnpj: fresh } })).toBe(0)
    const undone = (await getImportBatch(ordersBatch))!
    expect(undone).toMatchObject({ status: 'UNDONE', undoneById: manager.id })
    expect(
      await prisma.auditLog.count({ where: { action: 'import.undo', actorId: manager.id } }),
    ).toBe(2)

    // The same files import again as new.
    await imported('ACCOUNTS', accountsCsv, manager.id, now)
    await imported('ORDERS', ordersCsv, manager.id, now)
    expect(await prisma.order.count({ where: { externalRef: { startsWith: `${tag}-` } } })).toBe(7)
    expect(await getDashboard(now)).toEqual(moved)
  })

  it('refuses to remove an account the batch created once it has buyers, changing nothing', async () => {
    const now = new Date()
    const manager = await createUser({ role: 'MANAGER' })
    const fresh = freshCnpj()
    const batch = await imported(
      'ACCOUNTS',
      ['CNPJ;Razão Social;Cidade;UF', `${fresh};Loja Usada Ltda;Recife;PE`].join('\n'),
      manager.id,
      now,
    )
    const account = await prisma.account.findUniqueOrThrow({ where: { cnpj: fresh } })
    await createUser({ role: 'BUYER', accountId: account.id })
    expect(await undoImport(batch, manager.id, now)).toEqual({
      ok: false,
      code: 'ACCOUNTS_IN_USE',
    })
    expect((await getImportBatch(batch))!.status).toBe('COMMITTED')
    expect(await prisma.account.count({ where: { cnpj: fresh } })).toBe(1)
  })

  it('refuses to remove an imported order that has since been refunded, changing nothing', async () => {
    const now = new Date()
    const manager = await createUser({ role: 'MANAGER' })
    const account = await createAccount()
    const ref = `RF-${crypto.randomUUID().slice(0, 8)}`
    const batch = await imported(
      'ORDERS',
      `cnpj;pedido;data;sku;quantidade;preco\n${account.cnpj};${ref};${daysBefore(now, 5)};Z-1;1;9,90\n`,
      manager.id,
      now,
    )
    const order = await prisma.order.findFirstOrThrow({ where: { externalRef: ref } })
    await prisma.refund.create({
      data: {
        orderId: order.id,
        requestKey: crypto.randomUUID(),
        stripeRefundId: `re_${crypto.randomUUID()}`,
        amountCents: 990,
        status: 'succeeded',
        createdById: manager.id,
      },
    })
    const before = await accountState(account.id)
    expect(await undoImport(batch, manager.id, now)).toEqual({
      ok: false,
      code: 'ORDERS_REFERENCED',
    })
    expect((await getImportBatch(batch))!.status).toBe('COMMITTED')
    expect(await accountState(account.id)).toEqual(before)
  })

  it('refuses catalog imports, batches not committed, and unknown batches', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const sku = `UND-${crypto.randomUUID().slice(0, 8)}`
    const file = path.join(tmp, `${crypto.randomUUID()}.csv`)
    fs.writeFileSync(file, `sku;nome;familia;preco\n${sku};Produto;Desfazer;10,00\n`)
    const products = await previewImport({
      kind: 'PRODUCTS',
      file,
      fileName: 'produtos.csv',
      actorId: manager.id,
    })
    expect(await undoImport(products.id, manager.id)).toEqual({
      ok: false,
      code: 'NOT_COMMITTED',
    })
    expect(await commitImport(products.id, manager.id)).toMatchObject({ ok: true, created: 1 })
    expect(await undoImport(products.id, manager.id)).toEqual({
      ok: false,
      code: 'KIND_NOT_UNDOABLE',
    })
    expect((await getImportBatch(products.id))!.status).toBe('COMMITTED')
    expect(await undoImport('nope', manager.id)).toEqual({ ok: false, code: 'NOT_FOUND' })
  })
})
