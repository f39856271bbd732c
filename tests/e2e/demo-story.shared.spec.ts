import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'

// The demo's six months (prisma/demo-story.ts), as a sales director first sees them. The pages
// are compared with the rows behind them at one moment: this runs alone, after the parallel
// specs (playwright.config.ts), whose orders all fall in the current month.

/** "1.234,56" or "-12,30" → cents */
const cents = (text: string) => Math.round(Number(text.replace(/\./g, '').replace(',', '.')) * 100)

async function csv(page: Page, url: string): Promise<string[][]> {
  const response = await page.request.get(url)
  expect(response.status()).toBe(200)
  return (await response.text())
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line: string) => line.split(';'))
}

function funnelValue(page: Page, funnel: string, step: string) {
  return page.getByTestId(funnel).getByTestId(`funnel-${step}`).getByTestId('funnel-value')
}

test('the demo tells six months of reactivation: portal revenue grows, campaigns bring shops back, reps are paid', async ({
  page,
  browser,
  world,
}) => {
  const story = await world.call('demoStory', {
    campaignName: 'Volta às obras — Minas Gerais',
    repEmail: 'rep@reativa.dev',
  })
  // The product's rules hold in every row the story wrote.
  expect(story.broken).toEqual({
    orphanReactivations: 0,
    staleReactivatedAt: 0,
    unearned: 0,
    unreversed: 0,
  })
  await world.loginAs(page, await world.manager())

  // Portal revenue rises in at least four of the last six complete months (the month before
  // them had none: the portal went live at the start of the sixth month back).
  await page.goto('/admin')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('dashboard.png'), fullPage: true })
  const revenue = (await csv(page, '/admin/dashboard.csv?table=revenue')).slice(1)
  const online = revenue.slice(-8, -1).map((row) => cents(row[1]!))
  const rises = online.slice(1).filter((value, i) => value > online[i]!).length
  expect(online[0], `online revenue by month: ${online.join(', ')}`).toBe(0)
  expect(rises, `online revenue by month: ${online.join(', ')}`).toBeGreaterThanOrEqual(4)

  // The funnel of every invitation counts what the rows hold, and it is not empty.
  expect(story.all.firstOrders).toBeGreaterThan(0)
  expect(story.all.reactivated).toBeGreaterThan(0)
  await expect(funnelValue(page, 'dashboard-funnel', 'firstOrder')).toHaveText(
    String(story.all.firstOrders),
  )
  await expect(funnelValue(page, 'dashboard-funnel', 'reactivated')).toHaveText(
    String(story.all.reactivated),
  )

  // So does one campaign's funnel.
  await page.goto(`/admin/campaigns/${story.campaign.id}`)
  expect(story.campaign.firstOrders).toBeGreaterThan(0)
  await expect(funnelValue(page, 'campaign-funnel', 'firstOrder')).toHaveText(
    String(story.campaign.firstOrders),
  )
  await expect(funnelValue(page, 'campaign-funnel', 'reactivated')).toHaveText(
    String(story.campaign.reactivated),
  )
  await page.screenshot({ path: test.info().outputPath('campaign-funnel.png'), fullPage: true })

  // The demo rep was paid in past months; the page and the CSV statement add up to the ledger.
  const rep = await browser.newPage()
  await world.loginAs(rep, { id: story.rep.userId })
  await rep.goto('/rep')
  const ledger = story.rep.ledger as Record<string, number | undefined>
  expect(ledger.PAID ?? 0).toBeGreaterThan(0)
  for (const [bucket, testId] of [
    ['PENDING', 'rep-pending'],
    ['EARNED', 'rep-earned'],
    ['PAID', 'rep-paid'],
  ] as const) {
    const shown = cents((await rep.getByTestId(testId).textContent())!.replace(/[^\d,.-]/g, ''))
    expect(shown, bucket).toBe(ledger[bucket] ?? 0)
  }
  const statement = (await csv(rep, '/rep/statement.csv')).slice(1)
  const totals: Record<string, number> = {}
  // …;lancamento;saldo;valor;lote_pagamento: counted from the end (a shop's name may hold anything).
  for (const row of statement) totals[row.at(-3)!] = (totals[row.at(-3)!] ?? 0) + cents(row.at(-2)!)
  for (const [bucket, label] of [
    ['PENDING', 'Pendente'],
    ['EARNED', 'Liberada'],
    ['PAID', 'Paga'],
  ] as const)
    expect(totals[label] ?? 0, bucket).toBe(ledger[bucket] ?? 0)
  await rep.screenshot({ path: test.info().outputPath('rep-area.png'), fullPage: true })
  await rep.context().close()
})
