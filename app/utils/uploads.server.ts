import {
  type UploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { type SubmissionResult } from '@conform-to/react'
import { formMessage } from './form-schema'
import { MAX_IMAGE_BYTES } from './images'

/** Text fields of an upload form are short; anything longer is not ours. */
const MAX_FIELD_BYTES = 64 * 1024

/**
 * Reads a form that may carry image files (multipart, or a plain form without them). A file
 * over `maxFileBytes` is read to its end and dropped, its field named in `oversized`, so the
 * rest of the form still arrives: the page answers "too large" beside the file and keeps what
 * was typed in the other fields. (Remix's memory handler stops the whole form at such a file.)
 * Nothing is written to disk; a file held is at most `maxFileBytes`. Null when the body cannot
 * be read as a form (answer `unreadableUpload`).
 */
export async function readFormWithFiles(
  request: Request,
  maxFileBytes = MAX_IMAGE_BYTES,
): Promise<{ form: FormData; oversized: Set<string> } | null> {
  const oversized = new Set<string>()
  const type = request.headers.get('Content-Type') ?? ''
  if (!type.startsWith('multipart/form-data')) {
    const form = await request.formData().catch(() => null)
    return form ? { form, oversized } : null
  }
  const fields = unstable_createMemoryUploadHandler({ maxPartSize: MAX_FIELD_BYTES })
  // Our forms send one file; a body of many files may not hold more than two in memory.
  let held = 0
  const handler: UploadHandler = async (part) => {
    if (part.filename === undefined) return fields(part)
    const chunks: Uint8Array[] = []
    let size = 0
    const room = Math.min(maxFileBytes, 2 * maxFileBytes - held)
    for await (const chunk of part.data) {
      size += chunk.byteLength
      if (size <= room) chunks.push(chunk)
    }
    if (size > room) {
      oversized.add(part.name)
      return undefined
    }
    held += size
    // No file chosen: the browser sends an empty part without a name.
    if (!part.filename && size === 0) return undefined
    return new File(chunks as BlobPart[], part.filename || 'upload', { type: part.contentType })
  }
  try {
    return { form: await unstable_parseMultipartFormData(request, handler), oversized }
  } catch (error) {
    // A text field over its limit, or a body this parser cannot read (a file name with ";").
    console.warn(`Unreadable upload: ${error instanceof Error ? error.message : String(error)}`)
    return null
  }
}

/** The form's answer to a body that could not be read: an error beside the file field. */
export function unreadableUpload(field: string) {
  return {
    status: 'error',
    error: { [field]: [formMessage('imageForm.unreadable')] },
  } satisfies SubmissionResult<string[]>
}

/**
 * The name a browser gave an uploaded file, fit to show and store: its last path segment (old
 * browsers send the whole path), without control characters, at most 200 characters (the
 * extension kept). Null when nothing is left.
 */
export function uploadedFileName(filename: string): string | null {
  // eslint-disable-next-line no-control-regex
  const base = (filename.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim()
  if (!base) return null
  if (base.length <= 200) return base
  const dot = base.lastIndexOf('.')
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : ''
  return base.slice(0, 200 - extension.length) + extension
}
