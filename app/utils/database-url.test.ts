import path from 'node:path'
import { databaseProvider, databaseUrl, prismaPaths } from './database-url'

describe('the database setting', () => {
  it('names PostgreSQL by its URL scheme and SQLite otherwise, including an empty setting', () => {
    expect(databaseProvider('postgresql://u@h/db')).toBe('postgresql')
    expect(databaseProvider('postgres://u@h/db')).toBe('postgresql')
    expect(databaseProvider(' POSTGRESQL://u@h/db ')).toBe('postgresql')
    expect(databaseProvider('file:./data/reativa.db')).toBe('sqlite')
    expect(databaseProvider('')).toBe('sqlite')
  })

  it('resolves a relative SQLite file from the project root and leaves a PostgreSQL URL alone', () => {
    expect(databaseUrl('file:./data/x.db')).toBe(`file:${path.resolve('data/x.db')}`)
    expect(databaseUrl('postgresql://u:p@h:5432/db')).toBe('postgresql://u:p@h:5432/db')
  })

  it('keeps each database its own schema and migrations', () => {
    expect(prismaPaths('sqlite').migrations).toBe(path.join('prisma', 'migrations'))
    expect(prismaPaths('postgresql')).toEqual({
      schema: path.join('prisma', 'postgresql', 'schema.prisma'),
      migrations: path.join('prisma', 'postgresql', 'migrations'),
    })
  })
})
