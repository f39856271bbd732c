import { Prisma } from '@prisma/client'
import { dialect, type Tx } from './db.server'

/**
 * The few places where hand-written SQL differs between SQLite and PostgreSQL. Raw SQL stays
 * in the domain; these helpers keep it one statement for both databases (decision 009).
 */

/**
 * A bound value given the column type it is written to. PostgreSQL types a parameter inside
 * CASE or a VALUES list as text, which an enum, integer or timestamp column refuses; SQLite
 * has no such types and takes the value as it is.
 */
export function typed(value: unknown, postgresType: string): Prisma.Sql {
  return dialect === 'postgresql'
    ? Prisma.sql`CAST(${value} AS ${Prisma.raw(postgresType)})`
    : Prisma.sql`${value}`
}

/** The UTC month of a timestamp column, as 'YYYY-MM'. */
export function utcMonth(column: string): Prisma.Sql {
  const quoted = Prisma.raw(column)
  // SQLite stores Prisma's DateTime as ISO-8601 text in UTC.
  return dialect === 'postgresql'
    ? Prisma.sql`to_char(${quoted}, 'YYYY-MM')`
    : Prisma.sql`substr(${quoted}, 1, 7)`
}

/**
 * After rows were inserted with explicit ids into an autoincrement table, moves PostgreSQL's
 * sequence past them so the next insert does not collide (SQLite follows the largest id itself).
 */
export async function syncIdSequence(
  db: Pick<Tx, '$executeRaw'>,
  table: string,
  column = 'id',
): Promise<void> {
  if (dialect !== 'postgresql') return
  const quoted = Prisma.raw(`"${table}"`)
  await db.$executeRaw`SELECT setval(pg_get_serial_sequence(${`"${table}"`}, ${column}), COALESCE(MAX(${Prisma.raw(`"${column}"`)}), 0) + 1, false) FROM ${quoted}`
}

/** The values of an integer expression across a group, joined by commas (in no set order). */
export function joinedIntegers(expression: string): Prisma.Sql {
  const quoted = Prisma.raw(expression)
  return dialect === 'postgresql'
    ? Prisma.sql`string_agg(CAST(${quoted} AS text), ',')`
    : Prisma.sql`group_concat(${quoted})`
}
