/**
 * The company's logo (settings, permission 'company:manage'): stored in the database like
 * every upload, so every instance serves it; replaced or removed in one audited transaction.
 */
import { audit } from '~/domain/audit/audit.server'
import { prisma } from '~/utils/db.server'
import {
  checkUpload,
  deleteImageIfUnused,
  IMAGE_TOO_LARGE,
  storeImage,
} from '~/utils/images.server'
import { LogoSchema, type LogoValues } from './logo-form'

/** The logo form's schema on the server: the file checked from its bytes. */
export function logoSchemaForSave({ oversized = false } = {}) {
  return LogoSchema.superRefine(async (values, ctx) => {
    const problem = oversized
      ? IMAGE_TOO_LARGE
      : values.logo && !values.remove
        ? await checkUpload(values.logo).then((check) => (check.ok ? null : check.message))
        : null
    if (problem) ctx.addIssue({ code: 'custom', path: ['logo'], message: problem })
  })
}

/** Sets (or with `remove`, clears) the logo. Call with values the schema above accepted. */
export async function saveLogo(actorId: string, values: LogoValues): Promise<'saved' | 'removed'> {
  const check = values.logo && !values.remove ? await checkUpload(values.logo) : null
  if (check && !check.ok) throw new Error('saveLogo takes a checked logo')
  const image = check?.image ?? null
  await prisma.$transaction(async (tx) => {
    const before = await tx.appSettings.findUnique({
      where: { id: 1 },
      select: { logoFileId: true },
    })
    const logoFileId = image ? (await storeImage(tx, image)).id : null
    await tx.appSettings.upsert({
      where: { id: 1 },
      create: { id: 1, logoFileId },
      update: { logoFileId },
    })
    const oldId = before?.logoFileId ?? null
    if (oldId && oldId !== logoFileId) await deleteImageIfUnused(tx, oldId)
    await audit(tx, {
      actorId,
      action: image ? 'settings.logo' : 'settings.logoRemoved',
      entity: 'AppSettings',
      entityId: '1',
      changes: {
        logoFileId: [oldId, logoFileId],
        ...(image ? { fileName: image.fileName } : {}),
      },
    })
  })
  return image ? 'saved' : 'removed'
}

/** The logo as the settings page shows it, or null. */
export async function getLogo() {
  const settings = await prisma.appSettings.findUnique({
    where: { id: 1 },
    select: { logo: { select: { id: true, width: true, height: true } } },
  })
  const logo = settings?.logo
  return logo?.width && logo.height
    ? { fileId: logo.id, width: logo.width, height: logo.height }
    : null
}
