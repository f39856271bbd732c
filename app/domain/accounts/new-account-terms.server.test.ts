import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createTerms, createUser } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { getNewAccountDefaults, updateNewAccountDefaults } from './commercial-terms.server'
import { commitImport, previewImport } from '~/domain/imports/import.server'
import { createAccount } from './portfolio.server'

async function priceList() {
  return prisma.priceList.create({ data: { code: `N${crypto.randomInt(1e9)}`, name: 'Nordeste' } })
}

const accountTerms = (id: string) =>
  prisma.account.findUniqueOrThrow({
    where: { id },
    select: {
      priceListId: true,
      minimumOrderCents: true,
      paymentTerms: { select: { code: true }, orderBy: { code: 'asc' } },
    },
  })

describe('what new accounts get', () => {
  it('is saved in the settings, audited, and refused whole when a term or list does not exist', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    await createTerms(['28', '28/56', '30/60/90'])
    const list = await priceList()
    expect(await getNewAccountDefaults()).toEqual({
      priceListId: null,
      termCodes: [],
      minimumOrderCents: 0,
    })
    expect(
      await updateNewAccountDefaults(manager.id, {
        priceListId: list.id,
        termCodes: ['28/56', '28'],
        minimumOrderCents: 30_000,
      }),
    ).toEqual({ ok: true, changed: 3 })
    const saved = await getNewAccountDefaults()
    expect(saved).toMatchObject({ priceListId: list.id, minimumOrderCents: 30_000 })
    expect([...saved.termCodes].sort()).toEqual(['28', '28/56'])
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'settings.new_account_terms' },
    })
    expect(JSON.parse(entry.changes)).toMatchObject({ paymentTerms: ['', '28, 28/56'] })

    expect(
      await updateNewAccountDefaults(manager.id, {
        priceListId: list.id,
        termCodes: ['28', 'NOPE'],
        minimumOrderCents: 0,
      }),
    ).toEqual({ ok: false, code: 'UNKNOWN_TERM' })
    expect(
      await updateNewAccountDefaults(manager.id, {
        priceListId: 'no-such-list',
        termCodes: [],
        minimumOrderCents: 0,
      }),
    ).toEqual({ ok: false, code: 'UNKNOWN_PRICE_LIST' })
    // Nothing of the refused edits was written; one term less is a change of its own.
    expect(await getNewAccountDefaults()).toEqual(saved)
    await updateNewAccountDefaults(manager.id, {
      priceListId: list.id,
      termCodes: ['28'],
      minimumOrderCents: 30_000,
    })
    expect((await getNewAccountDefaults()).termCodes).toEqual(['28'])
  })

  it('are given to an account created by hand and to accounts an import creates', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    await createTerms(['28', '28/56'])
    const list = await priceList()
    await updateNewAccountDefaults(manager.id, {
      priceListId: list.id,
      termCodes: ['28', '28/56'],
      minimumOrderCents: 20_000,
    })

    const byHand = await createAccount(manager.id, {
      cnpj: '45723174000110',
      legalName: 'Loja Manual Ltda',
      tradeName: 'Loja Manual',
      city: 'Recife',
      state: 'PE',
      email: null,
      phone: null,
      whatsapp: null,
      preferredChannel: null,
      street: null,
      postalCode: null,
      repId: null,
    })
    if (!byHand.ok) throw new Error(byHand.code)
    expect(await accountTerms(byHand.accountId)).toEqual({
      priceListId: list.id,
      minimumOrderCents: 20_000,
      paymentTerms: [{ code: '28' }, { code: '28/56' }],
    })

    const file = path.resolve('tests/.tmp/uploads', `${crypto.randomUUID()}.csv`)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(
      file,
      [
        'CNPJ;Razão Social;Nome Fantasia;Cidade;UF;Pedido mínimo',
        '11.222.333/0001-81;Loja Importada Ltda;Loja Importada;Natal;RN;',
        '33.000.167/0001-01;Loja Com Mínimo Ltda;Loja Com Mínimo;Natal;RN;500,00',
      ].join('\n'),
    )
    const batch = await previewImport({
      kind: 'ACCOUNTS',
      file,
      fileName: 'clientes.csv',
      actorId: manager.id,
    })
    await commitImport(batch.id, manager.id)
    const imported = await prisma.account.findUniqueOrThrow({ where: { cnpj: '11222333000181' } })
    expect(await accountTerms(imported.id)).toEqual({
      priceListId: list.id,
      minimumOrderCents: 20_000,
      paymentTerms: [{ code: '28' }, { code: '28/56' }],
    })
    // A minimum order in the file wins over the settings' default.
    const withMinimum = await prisma.account.findUniqueOrThrow({
      where: { cnpj: '33000167000101' },
    })
    expect((await accountTerms(withMinimum.id)).minimumOrderCents).toBe(50_000)
  })
})
