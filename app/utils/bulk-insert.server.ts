import { Prisma } from '@prisma/client'
import { chunks } from './chunks'
import { type Tx } from './db.server'

// SQLite allows 32,766 parameters per statement.
const MAX_PARAMETERS = 30_000

/**
 * Inserts many rows with multi-row INSERT statements: about four times faster than
 * `createMany` for the 10,000-row writes of a campaign. Every row must have the same keys;
 * table and column names come from code, never from input. Columns left out take the
 * database's defaults, so pass every date (SQLite's CURRENT_TIMESTAMP is not Prisma's format).
 */
export async function bulkInsert(
  tx: Tx,
  table: string,
  rows: readonly Record<string, string | number | boolean | Date | null>[],
): Promise<void> {
  if (!rows.length) return
  const columns = Object.keys(rows[0]!)
  const columnList = Prisma.raw(columns.map((column) => `"${column}"`).join(', '))
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length))
  for (const part of chunks(rows, size)) {
    const values = part.map(
      (row) => Prisma.sql`(${Prisma.join(columns.map((column) => row[column] ?? null))})`,
    )
    await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${columnList}) VALUES ${Prisma.join(values)}`
  }
}
