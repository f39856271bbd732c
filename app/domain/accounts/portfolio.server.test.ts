import { parseWithZod } from '@conform-to/zod'
import { createAccount, createRep } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { accountEditSchemaForSave, updateAccount } from './portfolio.server'

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
