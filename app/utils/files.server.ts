import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { prisma, type Tx } from './db.server'

/**
 * Uploaded files live in the database (StoredFile), not on one instance's disk: the instance
 * that confirms an import, or serves a file, is not always the one that received it.
 */
export async function readUpload(file: string) {
  const data = await fs.promises.readFile(file)
  return { data, size: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex') }
}

export async function storeFile(
  db: Tx | typeof prisma,
  upload: { data: Buffer; size: number; sha256: string; fileName: string; contentType: string },
) {
  return db.storedFile.create({
    data: {
      fileName: upload.fileName.slice(0, 200),
      contentType: upload.contentType.slice(0, 100),
      size: upload.size,
      sha256: upload.sha256,
      data: new Uint8Array(upload.data),
    },
    select: { id: true },
  })
}

/**
 * Runs `work` with a stored file written to a private temporary path (readers such as the CSV
 * analysis stream from disk), and removes it afterwards. Null when the file is gone.
 */
export async function withStoredFileOnDisk<T>(
  fileId: string,
  work: (file: string) => Promise<T>,
): Promise<T | null> {
  const stored = await prisma.storedFile.findUnique({
    where: { id: fileId },
    select: { data: true },
  })
  if (!stored) return null
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'reativa-file-'))
  const file = path.join(dir, 'upload')
  try {
    await fs.promises.writeFile(file, stored.data)
    return await work(file)
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true })
  }
}
