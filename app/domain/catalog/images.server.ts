/**
 * Who may see a stored image. The image route serves StoredFile rows, which also hold import
 * files (CSV with customers' data): only a file that is an active product's photo or the
 * company's logo goes to anyone; an inactive product's photo only to the catalog's staff
 * (the product form shows it); anything else is not found.
 */
import { prisma } from '~/utils/db.server'
import { IMAGE_TYPES } from '~/utils/images'

export type ImageAudience = 'public' | 'catalog-staff'

export async function imageAudience(fileId: string): Promise<ImageAudience | null> {
  const file = await prisma.storedFile.findUnique({
    where: { id: fileId },
    select: {
      contentType: true,
      _count: { select: { logoOf: true } },
      productImages: { select: { active: true } },
    },
  })
  if (!file || !(IMAGE_TYPES as readonly string[]).includes(file.contentType)) return null
  if (file._count.logoOf > 0 || file.productImages.some((product) => product.active)) {
    return 'public'
  }
  return file.productImages.length > 0 ? 'catalog-staff' : null
}
