import fs from 'node:fs'
import path from 'node:path'
import { databaseProvider } from '../../app/utils/database-url'
import { createDatabaseFromMigrations, createPostgresDatabaseFromMigrations } from './migrate'

export const TMP_DIR = path.resolve('tests/.tmp')
export const TEMPLATE_DB = path.join(TMP_DIR, 'template.db')
export const POSTGRES_TEMPLATE = 'reativa_test_template'

/**
 * One database built from the migrations; each test file starts from a copy of it. On SQLite a
 * file; when DATABASE_URL names a PostgreSQL server (its admin database, e.g. the cluster that
 * `npm test` starts), a template database there.
 */
export default async function globalSetup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true })
  fs.mkdirSync(TMP_DIR, { recursive: true })
  const url = process.env.DATABASE_URL
  if (databaseProvider(url) === 'postgresql') {
    await createPostgresDatabaseFromMigrations(url!, POSTGRES_TEMPLATE)
    process.env.REATIVA_TEST_ADMIN_URL = url
    console.log('Vitest runs on PostgreSQL.')
  } else {
    await createDatabaseFromMigrations(TEMPLATE_DB)
  }
}
