/** The buyer's email notices form (Conform): one yes/no, unchecked meaning no. */
import { z } from 'zod'

export const NotificationPreferencesSchema = z.object({
  orderUpdateEmails: z.boolean().default(false),
})
