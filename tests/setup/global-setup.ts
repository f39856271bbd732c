import fs from 'node:fs'
import path from 'node:path'
import { createDatabaseFromMigrations } from './migrate'

export const TMP_DIR = path.resolve('tests/.tmp')
export const TEMPLATE_DB = path.join(TMP_DIR, 'template.db')

/** One database built from the migrations; each test file starts from a copy of it. */
export default async function globalSetup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true })
  fs.mkdirSync(TMP_DIR, { recursive: true })
  await createDatabaseFromMigrations(TEMPLATE_DB)
}
