import { prisma, type Tx } from '~/utils/db.server'
import { pageWindow } from '~/utils/paging'

export type AuditEntry = {
  actorId: string | null
  onBehalfOfUserId?: string | null
  action: string
  entity: string
  entityId: string
  changes?: Record<string, unknown>
  /** When it happened, if not now (a change dated like the event it records). */
  at?: Date
}

/** Records who changed what in the back office; pass the transaction that made the change. */
export async function audit(db: Tx | typeof prisma, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      onBehalfOfUserId: entry.onBehalfOfUserId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      changes: JSON.stringify(entry.changes ?? {}),
      ...(entry.at ? { createdAt: entry.at } : {}),
    },
  })
}

/** Field-by-field differences, for the audit log: { field: [before, after] }. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {}
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] !== undefined && after[key] !== before[key])
      changes[key as string] = [before[key], after[key]]
  }
  return changes
}

export const AUDIT_PAGE_SIZE = 50

export async function listAuditLog(page: number) {
  const total = await prisma.auditLog.count()
  const { page: current, pageCount, skip, take } = pageWindow(total, page, AUDIT_PAGE_SIZE)
  const entries = await prisma.auditLog.findMany({ orderBy: { createdAt: 'desc' }, skip, take })
  const actorIds = [
    ...new Set(
      entries.flatMap((e) => [e.actorId, e.onBehalfOfUserId]).filter((id): id is string => !!id),
    ),
  ]
  const users = await prisma.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true, email: true },
  })
  const names = new Map(users.map((u) => [u.id, `${u.name} <${u.email}>`]))
  return {
    entries: entries.map((e) => ({
      ...e,
      actor: e.actorId ? (names.get(e.actorId) ?? e.actorId) : null,
      onBehalfOf: e.onBehalfOfUserId ? (names.get(e.onBehalfOfUserId) ?? e.onBehalfOfUserId) : null,
    })),
    total,
    page: current,
    pageCount,
  }
}
