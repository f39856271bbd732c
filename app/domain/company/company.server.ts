import { audit, diffFields } from '~/domain/audit/audit.server'
import { prisma, type Tx } from '~/utils/db.server'
import { DEFAULT_COMPANY_NAME, whatsappUrl, type CompanyValues } from './company-form'

const BRAND_FIELDS = {
  companyName: true,
  brandColor: true,
  supportPhone: true,
  whatsapp: true,
  senderName: true,
  senderEmail: true,
} as const

/** The name shown on the portal and in emails (read on every page: one row by key). */
export async function getCompanyName(db: Tx | typeof prisma = prisma): Promise<string> {
  return (await getBranding(db)).companyName
}

export type Branding = {
  companyName: string
  /** #rrggbb, or null for Reativa's own colour. */
  brandColor: string | null
  supportPhone: string | null
  whatsappUrl: string | null
  whatsapp: string | null
}

/** What every page and email shows of the company (one row by key). */
export async function getBranding(db: Tx | typeof prisma = prisma): Promise<Branding> {
  return brandingFrom(await db.appSettings.findUnique({ where: { id: 1 }, select: BRAND_FIELDS }))
}

/** The branding from the settings row's columns, when they were read with something else. */
export function brandingFrom(
  settings: {
    companyName: string | null
    brandColor: string | null
    supportPhone: string | null
    whatsapp: string | null
  } | null,
): Branding {
  return {
    companyName: settings?.companyName ?? DEFAULT_COMPANY_NAME,
    brandColor: settings?.brandColor ?? null,
    supportPhone: settings?.supportPhone ?? null,
    whatsapp: settings?.whatsapp ?? null,
    whatsappUrl: settings?.whatsapp ? whatsappUrl(settings.whatsapp) : null,
  }
}

/** The settings form's values: null where never set. */
export async function getCompanyProfile() {
  const settings = await prisma.appSettings.findUnique({ where: { id: 1 }, select: BRAND_FIELDS })
  return {
    companyName: settings?.companyName ?? null,
    brandColor: settings?.brandColor ?? null,
    supportPhone: settings?.supportPhone ?? null,
    whatsapp: settings?.whatsapp ?? null,
    senderName: settings?.senderName ?? null,
    senderEmail: settings?.senderEmail ?? null,
  }
}

export async function updateCompany(actorId: string, values: CompanyValues) {
  const data = {
    companyName: values.companyName,
    brandColor: values.brandColor ?? null,
    supportPhone: values.supportPhone ?? null,
    whatsapp: values.whatsapp ?? null,
    senderName: values.senderName ?? null,
    senderEmail: values.senderEmail ?? null,
  }
  await prisma.$transaction(async (tx) => {
    const before = await tx.appSettings.findUnique({ where: { id: 1 }, select: BRAND_FIELDS })
    await tx.appSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...data },
      update: data,
    })
    await audit(tx, {
      actorId,
      action: 'settings.company',
      entity: 'AppSettings',
      entityId: '1',
      changes: diffFields(
        {
          companyName: before?.companyName ?? null,
          brandColor: before?.brandColor ?? null,
          supportPhone: before?.supportPhone ?? null,
          whatsapp: before?.whatsapp ?? null,
          senderName: before?.senderName ?? null,
          senderEmail: before?.senderEmail ?? null,
        },
        data,
      ),
    })
  })
}
