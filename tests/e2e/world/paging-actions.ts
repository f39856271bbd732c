/**
 * Data for the paging spec (tests/e2e/paging.spec.ts): more rows than a page holds, in a part of
 * the portfolio no other test reads, so the spec can count them while other tests run.
 */
import crypto from 'node:crypto'
import { createAccount } from '../../fixtures/factories'
import { prisma } from '~/utils/db.server'

/**
 * `count` accounts in a state code of their own, so that the accounts list filtered by it holds
 * only them; their names in the list's default order (name, then id).
 */
export async function accountsInOwnState(options: { count: number }) {
  const state = `Z${crypto.randomBytes(3).toString('hex').toUpperCase()}`
  for (let i = 0; i < options.count; i++) await createAccount({ state })
  const accounts = await prisma.account.findMany({
    where: { state },
    orderBy: [{ tradeName: 'asc' }, { id: 'asc' }],
    select: { tradeName: true },
  })
  return { state, names: accounts.map((account) => account.tradeName) }
}

/**
 * `count` campaigns already sent (to nobody: they hold no invitation), created a moment apart
 * just now; their names newest first.
 */
export async function sentCampaigns(options: { count: number }) {
  const tag = crypto.randomBytes(3).toString('hex')
  const now = Date.now()
  const names: string[] = []
  for (let i = options.count - 1; i >= 0; i--) {
    const name = `Paginação ${tag} ${String(i).padStart(2, '0')}`
    await prisma.campaign.create({
      data: {
        name,
        filters: JSON.stringify({ status: [], family: [] }),
        subject: 'Sentimos sua falta',
        message: 'Olá, {loja}!',
        schedule: 'NOW',
        runs: 1,
        lastRunAt: new Date(now - (options.count - i) * 10),
        createdAt: new Date(now - (options.count - i) * 10),
      },
    })
    names.push(name)
  }
  return { names }
}
