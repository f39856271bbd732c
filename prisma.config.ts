import path from 'node:path'
import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { defineConfig } from 'prisma/config'
import { databaseUrl } from './app/utils/database-url.ts'

// The schema reads DATABASE_URL; give the CLI the same default the app uses, or it cannot read
// the generator settings and falls back to downloading engines.
process.env.DATABASE_URL = databaseUrl()

// The CLI uses the same libSQL driver as the app, so no Rust schema-engine binary is needed:
// `prisma migrate deploy`, `migrate diff` and `db push` run on Prisma's bundled WASM engine.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    return new PrismaLibSQL({ url: databaseUrl() })
  },
})
