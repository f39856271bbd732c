import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { defineConfig } from 'prisma/config'
import { databaseProvider, databaseUrl, prismaPaths } from './app/utils/database-url.ts'
import { ReativaPg } from './app/utils/postgres.server.ts'

// The schema reads DATABASE_URL; give the CLI the same default the app uses, or it cannot read
// the generator settings and falls back to downloading engines.
process.env.DATABASE_URL = databaseUrl()
const provider = databaseProvider()
const paths = prismaPaths(provider)

// The CLI uses the same driver adapter as the app, chosen by DATABASE_URL's scheme, so no Rust
// schema-engine binary is needed: `prisma migrate deploy`, `migrate status` and `migrate diff`
// run on Prisma's bundled WASM engine. SQLite uses prisma/; PostgreSQL uses the generated
// twin in prisma/postgresql/ (decision 009).
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: paths.schema,
  migrations: { path: paths.migrations },
  async adapter() {
    return provider === 'postgresql'
      ? new ReativaPg(databaseUrl())
      : new PrismaLibSQL({ url: databaseUrl() })
  },
})
