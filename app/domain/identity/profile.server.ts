import { prisma } from '~/utils/db.server'
import { type Locale } from '~/utils/i18n'

/** The language of the user's emails and of their next sessions. */
export async function setUserLocale(userId: string, locale: Locale): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { locale } })
}

/** Whether the user gets an email at each step of their orders (the confirmation always goes). */
export async function getOrderUpdateEmails(userId: string): Promise<boolean> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { orderUpdateEmails: true },
  })
  return user?.orderUpdateEmails ?? false
}

export async function setOrderUpdateEmails(userId: string, on: boolean): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { orderUpdateEmails: on } })
}
