import { audit, diffFields } from '~/domain/audit/audit.server'
import { prisma, type Tx } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { imageSrc } from '~/utils/images'
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
  /** The logo (pixel size for its box before it loads), or null: the name shows as text. */
  logo: CompanyLogo | null
}

export type CompanyLogo = {
  fileId: string
  width: number
  height: number
  /** Absolute PNG address for emails (not every mail client shows WebP). */
  emailUrl: string
}

/** The logo's file as the settings row joins it: its id and pixel size. */
type LogoFile = { id: string; width: number | null; height: number | null }

const BRAND_SELECT = {
  ...BRAND_FIELDS,
  logo: { select: { id: true, width: true, height: true } },
} as const

function logoFrom(logo: LogoFile | null | undefined): CompanyLogo | null {
  if (!logo?.width || !logo.height) return null
  return {
    fileId: logo.id,
    width: logo.width,
    height: logo.height,
    emailUrl: new URL(imageSrc(logo.id, 480, 'png'), env().APP_URL).toString(),
  }
}

/** What every page and email shows of the company (one statement: the row and its logo). */
export async function getBranding(db: Tx | typeof prisma = prisma): Promise<Branding> {
  return brandingFrom(await db.appSettings.findUnique({ where: { id: 1 }, select: BRAND_SELECT }))
}

/** The branding from the settings row's columns, when they were read with something else. */
export function brandingFrom(
  settings: {
    companyName: string | null
    brandColor: string | null
    supportPhone: string | null
    whatsapp: string | null
    logo?: LogoFile | null
  } | null,
): Branding {
  return {
    logo: logoFrom(settings?.logo),
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
