import { prisma, type Tx } from '~/utils/db.server'
import { audit, diffFields } from '~/domain/audit/audit.server'
import { DEFAULT_THRESHOLDS, type StatusThresholds } from './status'

/** Pass the transaction when inside one: the SQLite adapter serialises all queries. */
export async function getThresholds(db: Tx | typeof prisma = prisma): Promise<StatusThresholds> {
  const settings = await db.appSettings.findUnique({
    where: { id: 1 },
    select: { atRiskDays: true, inactiveDays: true, lostDays: true },
  })
  return settings ?? DEFAULT_THRESHOLDS
}

/** Saves new thresholds (audited). The caller reclassifies the portfolio afterwards. */
export async function updateThresholds(
  actorId: string,
  thresholds: StatusThresholds,
): Promise<void> {
  const before = await getThresholds()
  await prisma.$transaction(async (tx) => {
    await tx.appSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...thresholds },
      update: thresholds,
    })
    await audit(tx, {
      actorId,
      action: 'settings.thresholds',
      entity: 'AppSettings',
      entityId: '1',
      changes: diffFields({ ...before }, thresholds),
    })
  })
}

export async function getSettingsView() {
  const settings = await prisma.appSettings.findUnique({
    where: { id: 1 },
    select: { lastReclassifiedAt: true },
  })
  return {
    thresholds: await getThresholds(),
    lastReclassifiedAt: settings?.lastReclassifiedAt ?? null,
  }
}
