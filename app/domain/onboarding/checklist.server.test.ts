import { createAccount, createProduct, createRep, createUser } from '#tests/fixtures/factories'
import { updateThresholds } from '~/domain/accounts/settings.server'
import { getCompanyName, updateCompany } from '~/domain/company/company.server'
import { prisma } from '~/utils/db.server'
import { mailSender, senderFor } from '~/utils/email.server'
import { getOnboardingChecklist, type OnboardingStep } from './checklist.server'

async function doneSteps(): Promise<OnboardingStep[] | null> {
  const checklist = await getOnboardingChecklist()
  return checklist ? checklist.steps.filter((s) => s.done).map((s) => s.step) : null
}

describe('the onboarding checklist', () => {
  it('is not shown on an install that was not set up through /setup (the demo)', async () => {
    await prisma.appSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} })
    expect(await getOnboardingChecklist()).toBeNull()
  })

  it('ticks each step from the data, and disappears once all are done', async () => {
    await prisma.appSettings.upsert({
      where: { id: 1 },
      create: { id: 1, setupCompletedAt: new Date() },
      update: { setupCompletedAt: new Date(), companyName: null },
    })
    const admin = await createUser({ role: 'ADMIN' })
    expect(await doneSteps()).toEqual([])
    const checklist = await getOnboardingChecklist()
    expect(checklist!.steps.map((s) => s.href)).toContain('/admin/campaigns/new')

    await updateCompany(admin.id, { companyName: 'Cimentos Aurora' })
    await createProduct()
    await createRep()
    // The factory's account brings its payment term; the price list is still missing.
    await createAccount()
    expect(await doneSteps()).toEqual(['company', 'catalog', 'reps', 'accounts'])

    await prisma.priceList.create({ data: { code: 'TAB1', name: 'Tabela 1' } })
    await updateThresholds(admin.id, { atRiskDays: 90, inactiveDays: 180, lostDays: 365 })
    expect(await doneSteps()).toEqual([
      'company',
      'catalog',
      'pricing',
      'reps',
      'accounts',
      'thresholds',
    ])

    await prisma.importBatch.create({
      data: {
        kind: 'ORDERS',
        fileName: 'pedidos.csv',
        fileHash: 'x',
        status: 'COMMITTED',
        createdById: admin.id,
      },
    })
    await prisma.campaign.create({
      data: { name: 'Volta', filters: '{}', subject: 'Oi', message: 'Volte' },
    })
    expect(await getOnboardingChecklist()).toBeNull()
  })
})

describe('the company name', () => {
  it('is "Reativa" until named, then the saved name, audited', async () => {
    await prisma.appSettings.deleteMany()
    expect(await getCompanyName()).toBe('Reativa')
    const admin = await createUser({ role: 'ADMIN' })
    await updateCompany(admin.id, { companyName: 'Tintas Sol' })
    expect(await getCompanyName()).toBe('Tintas Sol')
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'settings.company', actorId: admin.id },
    })
    expect(JSON.parse(entry.changes)).toEqual({ companyName: [null, 'Tintas Sol'] })
  })

  it("signs emails with the sender set in the settings, else the company's name at MAIL_FROM's address", async () => {
    const from = 'Reativa <nao-responda@reativa.local>'
    const none = { companyName: null, senderName: null, senderEmail: null }
    expect(senderFor(none, from)).toBe(from)
    expect(senderFor({ ...none, companyName: 'Tintas Sol' }, from)).toBe(
      '"Tintas Sol" <nao-responda@reativa.local>',
    )
    expect(senderFor({ ...none, companyName: 'A "B" \\ C' }, 'vendas@x.example')).toBe(
      '"A B  C" <vendas@x.example>',
    )
    expect(
      senderFor(
        {
          companyName: 'Tintas Sol',
          senderName: 'Vendas Tintas Sol',
          senderEmail: 'vendas@tintassol.example',
        },
        from,
      ),
    ).toBe('"Vendas Tintas Sol" <vendas@tintassol.example>')
    expect(senderFor({ ...none, senderEmail: 'vendas@tintassol.example' }, from)).toBe(
      'vendas@tintassol.example',
    )

    await prisma.appSettings.deleteMany()
    const admin = await createUser({ role: 'ADMIN' })
    await updateCompany(admin.id, {
      companyName: 'Tintas Sol',
      senderName: 'Equipe Tintas Sol',
      senderEmail: 'contato@tintassol.example',
    })
    expect(await mailSender()).toBe('"Equipe Tintas Sol" <contato@tintassol.example>')
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'settings.company', actorId: admin.id },
    })
    expect(JSON.parse(entry.changes)).toMatchObject({
      senderName: [null, 'Equipe Tintas Sol'],
      senderEmail: [null, 'contato@tintassol.example'],
    })
  })
})
