/**
 * The back office's onboarding checklist: what a new install still lacks before its
 * reactivation features can work, each step ticked from the data itself (never from a flag
 * someone sets). Shown on an install set up through /setup, until every step is done; the demo,
 * seeded whole, never shows it.
 */
import { prisma } from '~/utils/db.server'

export const ONBOARDING_STEPS = [
  'company',
  'catalog',
  'pricing',
  'reps',
  'accounts',
  'orderHistory',
  'thresholds',
  'campaign',
] as const
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number]

/** Where each step is done: its own screen, or the closest one that exists. */
export const STEP_LINKS: Record<OnboardingStep, string> = {
  company: '/admin/settings#company-heading',
  catalog: '/admin/catalog',
  pricing: '/admin/price-lists',
  reps: '/admin/imports',
  accounts: '/admin/accounts',
  orderHistory: '/admin/imports',
  thresholds: '/admin/settings',
  campaign: '/admin/campaigns/new',
}

export type Checklist = { steps: { step: OnboardingStep; done: boolean; href: string }[] }

/** The checklist, or null when it is not to be shown (the demo, or every step done). */
export async function getOnboardingChecklist(): Promise<Checklist | null> {
  const settings = await prisma.appSettings.findUnique({
    where: { id: 1 },
    select: { setupCompletedAt: true, companyName: true },
  })
  if (!settings?.setupCompletedAt) return null
  const [
    products,
    priceLists,
    terms,
    reps,
    accounts,
    orderImports,
    offlineOrders,
    thresholds,
    campaigns,
  ] = await Promise.all([
    prisma.product.count({ take: 1 }),
    prisma.priceList.count({ take: 1 }),
    prisma.paymentTerm.count({ take: 1 }),
    prisma.rep.count({ take: 1 }),
    prisma.account.count({ take: 1 }),
    prisma.importBatch.count({ where: { kind: 'ORDERS', status: 'COMMITTED' }, take: 1 }),
    prisma.order.count({ where: { channel: 'OFFLINE' }, take: 1 }),
    // Saved at least once, even if to the default values: someone looked at them.
    prisma.auditLog.count({ where: { action: 'settings.thresholds' }, take: 1 }),
    prisma.campaign.count({ take: 1 }),
  ])
  const done: Record<OnboardingStep, boolean> = {
    company: !!settings.companyName,
    catalog: products > 0,
    pricing: priceLists > 0 && terms > 0,
    reps: reps > 0,
    accounts: accounts > 0,
    orderHistory: orderImports > 0 || offlineOrders > 0,
    thresholds: thresholds > 0,
    campaign: campaigns > 0,
  }
  if (ONBOARDING_STEPS.every((step) => done[step])) return null
  return {
    steps: ONBOARDING_STEPS.map((step) => ({ step, done: done[step], href: STEP_LINKS[step] })),
  }
}
