/**
 * Remembered ERP product codes (`ProductCodeMapping`): what a manager mapped in an orders
 * import's preview, listed and forgotten on /admin/imports/codes.
 */
import { audit } from '~/domain/audit/audit.server'
import { prisma } from '~/utils/db.server'
import { pageWindow } from '~/utils/paging'

export const CODE_MAPPINGS_PAGE_SIZE = 50
const MAX_SUGGESTED_SKUS = 2_000

/** The catalog's SKUs to suggest while mapping a code in a preview, active products first. */
export function suggestedSkus() {
  return prisma.product.findMany({
    orderBy: [{ active: 'desc' }, { sku: 'asc' }],
    take: MAX_SUGGESTED_SKUS,
    select: { sku: true, name: true },
  })
}

export async function listCodeMappings(page: number) {
  const total = await prisma.productCodeMapping.count()
  const window = pageWindow(total, page, CODE_MAPPINGS_PAGE_SIZE)
  const mappings = await prisma.productCodeMapping.findMany({
    orderBy: { code: 'asc' },
    skip: window.skip,
    take: window.take,
    select: {
      code: true,
      updatedAt: true,
      product: { select: { sku: true, name: true, active: true } },
    },
  })
  return { mappings, total, page: window.page, pageCount: window.pageCount }
}

/**
 * Forgets a mapping: later files read the code as unknown again (a choice in their preview).
 * Orders already imported keep their product. Audited; a code not mapped changes nothing.
 */
export async function forgetCodeMapping(code: string, actorId: string) {
  return prisma.$transaction(async (tx) => {
    const mapping = await tx.productCodeMapping.findUnique({
      where: { code },
      select: { code: true, product: { select: { sku: true } } },
    })
    if (!mapping) return { ok: false as const, code: 'NOT_FOUND' as const }
    // Two managers forgetting it at once: the second deletes nothing.
    const removed = await tx.productCodeMapping.deleteMany({ where: { code } })
    if (!removed.count) return { ok: false as const, code: 'NOT_FOUND' as const }
    await audit(tx, {
      actorId,
      action: 'import.forget_code',
      entity: 'ProductCodeMapping',
      entityId: code,
      changes: { code, sku: mapping.product.sku },
    })
    return { ok: true as const }
  })
}
