/** The logo form on the settings page (Conform): a new file, or "remove". */
import { z } from 'zod'
import { formMessage } from '~/utils/form-schema'
import { imageUploadField } from '~/utils/image-upload-field'

export const LogoSchema = z
  .object({ logo: imageUploadField(), remove: z.boolean().optional() })
  .refine((values) => values.logo || values.remove, {
    path: ['logo'],
    message: formMessage('form.required'),
  })
export type LogoValues = z.output<typeof LogoSchema>
