import { audit } from '~/domain/audit/audit.server'
import { prisma, type Tx } from '~/utils/db.server'
import { DEFAULT_COMPANY_NAME } from './company-form'

/** The name shown on the portal and in emails (read on every page: one row by key). */
export async function getCompanyName(db: Tx | typeof prisma = prisma): Promise<string> {
  const settings = await db.appSettings.findUnique({
    where: { id: 1 },
    select: { companyName: true },
  })
  return settings?.companyName ?? DEFAULT_COMPANY_NAME
}

/** The settings form's values: null while the company was never named. */
export async function getCompanyProfile() {
  const settings = await prisma.appSettings.findUnique({
    where: { id: 1 },
    select: { companyName: true },
  })
  return { companyName: settings?.companyName ?? null }
}

export async function updateCompany(actorId: string, values: { companyName: string }) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.appSettings.findUnique({
      where: { id: 1 },
      select: { companyName: true },
    })
    await tx.appSettings.upsert({
      where: { id: 1 },
      create: { id: 1, companyName: values.companyName },
      update: { companyName: values.companyName },
    })
    await audit(tx, {
      actorId,
      action: 'settings.company',
      entity: 'AppSettings',
      entityId: '1',
      changes: { companyName: [before?.companyName ?? null, values.companyName] },
    })
  })
}
