import { prisma } from '~/utils/db.server'
import { type Locale } from '~/utils/i18n'

/** The language of the user's emails and of their next sessions. */
export async function setUserLocale(userId: string, locale: Locale): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { locale } })
}
