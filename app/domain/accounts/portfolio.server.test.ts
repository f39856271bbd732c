import { parseWithZod } from '@conform-to/zod'
import { createAccount, createRep } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { cnpjFromBase } from './cnpj'
import {
  ACCOUNTS_PAGE_SIZE,
  accountCreateSchemaForSave,
  accountEditSchemaForSave,
  createAccount as createAccountByHand,
  getRepAccountDetail,
  listAccounts,
  parseAccountFilters,
  updateAccount,
} from './portfolio.server'

function formData(entries: Record<string, string>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) data.append(name, value)
  return data
}

const contact = { tradeName: 'Loja Nova', city: 'Campinas', state: 'SP' }

describe("the account contact form's schema on the server", () => {
  it('checks that the rep exists, with the other errors, each on its field', async () => {
    const submission = await parseWithZod(
      formData({ ...contact, state: 'XX', repId: 'rep_that_does_not_exist' }),
      { schema: accountEditSchemaForSave(), async: true },
    )
    expect(submission.status === 'error' && submission.error).toEqual({
      state: ['accountForm.state'],
      repId: ['account.unknownRep'],
    })
  })

  it('accepts a rep that exists, and the edit saves with the rep in the history', async () => {
    const rep = await createRep()
    const account = await createAccount()
    const manager = await prisma.user.create({
      data: { email: `m-${crypto.randomUUID()}@test.example`, name: 'Gestora', role: 'MANAGER' },
    })
    const submission = await parseWithZod(formData({ ...contact, repId: rep.id }), {
      schema: accountEditSchemaForSave(),
      async: true,
    })
    if (submission.status !== 'success') throw new Error('expected the form to pass')
    expect(submission.value.repId).toBe(rep.id)
    expect(await updateAccount(manager.id, account.id, submission.value)).toMatchObject({
      ok: true,
    })
    expect(
      await prisma.repAssignment.count({ where: { accountId: account.id, repId: rep.id } }),
    ).toBe(1)
  })
})

describe('an account created by hand', () => {
  const base = () => String(Math.floor(Math.random() * 1e12)).padStart(12, '0')

  it('refuses a malformed CNPJ, one already in the portfolio and an unknown rep, each beside its field, and writes nothing', async () => {
    const taken = await createAccount()
    const before = await prisma.account.count()
    for (const [cnpj, error] of [
      ['12.345.678/0001-00', 'accountForm.cnpjInvalid'],
      [taken.cnpj, 'accountForm.cnpjTaken'],
    ] as const) {
      const submission = await parseWithZod(
        formData({ ...contact, cnpj, legalName: 'Loja Nova Ltda', repId: 'rep_missing' }),
        { schema: accountCreateSchemaForSave(), async: true },
      )
      expect(submission.status === 'error' && submission.error).toEqual({
        cnpj: [error],
        repId: ['account.unknownRep'],
      })
    }
    expect(await prisma.account.count()).toBe(before)
  })

  it('is created NEVER_ORDERED with its rep in the history, searchable and audited; the same CNPJ again is refused', async () => {
    const [manager, rep] = await Promise.all([
      prisma.user.findFirstOrThrow({ where: { role: 'MANAGER' } }),
      createRep(),
    ])
    const cnpj = cnpjFromBase(base())
    const submission = await parseWithZod(
      formData({
        ...contact,
        cnpj: cnpj.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5'),
        legalName: 'Loja Nova Comércio Ltda',
        tradeName: 'Depósito São João',
        repId: rep.id,
      }),
      { schema: accountCreateSchemaForSave(), async: true },
    )
    if (submission.status !== 'success') throw new Error('expected a valid form')
    expect(submission.value.cnpj).toBe(cnpj)
    const created = await createAccountByHand(manager.id, submission.value)
    if (!created.ok) throw new Error(created.code)
    const account = await prisma.account.findUniqueOrThrow({
      where: { id: created.accountId },
      include: { repAssignments: true },
    })
    expect(account).toMatchObject({
      status: 'NEVER_ORDERED',
      legalName: 'Loja Nova Comércio Ltda',
      repId: rep.id,
      searchText: expect.stringContaining('deposito sao joao'),
    })
    expect(account.repAssignments).toMatchObject([{ repId: rep.id, assignedById: manager.id }])
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'account.created', entityId: created.accountId },
    })
    expect(JSON.parse(entry.changes)).toMatchObject({ cnpj, repId: rep.id })
    // Two managers at once: the second finds the CNPJ taken, not a 500.
    expect(await createAccountByHand(manager.id, submission.value)).toEqual({
      ok: false,
      code: 'CNPJ_TAKEN',
    })
  })
})

describe('the account list, page by page', () => {
  // A state code of its own, so the list only holds this test's accounts.
  const state = 'ZP'
  const filtersFor = (query: string) =>
    parseAccountFilters(new URLSearchParams(`state=${state}&${query}`))
  let names: string[] = []

  beforeAll(async () => {
    for (let i = 0; i < ACCOUNTS_PAGE_SIZE + 5; i++) await createAccount({ state })
    const all = await prisma.account.findMany({
      where: { state },
      orderBy: [{ tradeName: 'asc' }, { id: 'asc' }],
      select: { tradeName: true },
    })
    names = all.map((account) => account.tradeName)
  })

  it('page 2 holds the rows after page 1, none twice', async () => {
    const first = await listAccounts(filtersFor('page=1'))
    const second = await listAccounts(filtersFor('page=2'))
    expect(first).toMatchObject({ total: ACCOUNTS_PAGE_SIZE + 5, page: 1, pageCount: 2 })
    expect(second).toMatchObject({ page: 2, pageCount: 2 })
    expect(first.accounts.map((a) => a.tradeName)).toEqual(names.slice(0, ACCOUNTS_PAGE_SIZE))
    expect(second.accounts.map((a) => a.tradeName)).toEqual(names.slice(ACCOUNTS_PAGE_SIZE))
  })

  it.each([
    ['page=0', 1],
    ['page=-3', 1],
    ['page=abc', 1],
    ['page=', 1],
    ['page=1.5', 1],
    ['page=9999', 2],
    ['page=1e400', 1],
  ])('clamps %s to page %i instead of failing', async (query, expected) => {
    const result = await listAccounts(filtersFor(query))
    expect(result.page).toBe(expected)
    expect(result.accounts.length).toBeGreaterThan(0)
  })

  it('leaves out a filter value out of range and keeps the others', () => {
    const filters = filtersFor('minDays=abc&maxDays=30&sort=nope&page=2')
    expect(filters).toMatchObject({ state, maxDays: 30, sort: 'name', page: 2 })
    expect(filters.minDays).toBeUndefined()
    expect(filtersFor(`q=${'x'.repeat(500)}`).q).toBeUndefined()
  })
})

describe("a rep's account detail", () => {
  it("is the rep's own account, and null for another rep's account or an unknown id", async () => {
    const rep = await createRep()
    const otherRep = await createRep()
    const mine = await createAccount({ repId: rep.id })
    const theirs = await createAccount({ repId: otherRep.id })
    const nobodys = await createAccount({ repId: null })

    expect(await getRepAccountDetail(rep.id, mine.id)).toMatchObject({
      id: mine.id,
      tradeName: mine.tradeName,
    })
    expect(await getRepAccountDetail(rep.id, theirs.id)).toBeNull()
    expect(await getRepAccountDetail(rep.id, nobodys.id)).toBeNull()
    expect(await getRepAccountDetail(rep.id, 'acc_that_does_not_exist')).toBeNull()
  })
})
