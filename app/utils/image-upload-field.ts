/** The image upload field of the back office's forms (product photo, logo). */
import { z } from 'zod'
import { formMessage } from './form-schema'
import { IMAGE_TYPES, MAX_IMAGE_BYTES, MAX_IMAGE_MB } from './images'

const isBlob = (value: unknown): value is File =>
  typeof Blob !== 'undefined' && value instanceof Blob

/**
 * An optional image file in a form. The browser checks the size and the type it claims before
 * sending; the server checks the bytes (images.server.ts `checkUpload`) with the same words.
 */
export function imageUploadField() {
  return z
    .custom<File>(isBlob, formMessage('imageForm.notImage'))
    .refine(
      (file) => file.size <= MAX_IMAGE_BYTES,
      formMessage('imageForm.tooLarge', { max: MAX_IMAGE_MB }),
    )
    .refine(
      (file) => !file.type || (IMAGE_TYPES as readonly string[]).includes(file.type),
      formMessage('imageForm.notImage'),
    )
    .optional()
}
