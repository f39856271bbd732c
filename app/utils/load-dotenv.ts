import fs from 'node:fs'

/**
 * Imported first by the server, the seed and the Prisma config: loads ./.env when it exists.
 * Variables already in the environment win. REATIVA_SKIP_DOTENV=1 (used by the e2e server)
 * keeps a developer's .env out of test runs.
 */
if (process.env.REATIVA_SKIP_DOTENV !== '1' && fs.existsSync('.env')) {
  process.loadEnvFile('.env')
}
