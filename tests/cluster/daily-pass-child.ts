// One of several processes that call the daily pass at the same instant (scenario e of
// tests/cluster/run.ts): connected first, then waiting for "go" on its standard input, so that
// start-up time does not spread the calls apart.
import { runDailyPass } from '~/domain/accounts/daily-pass.server'
import { prisma } from '~/utils/db.server'

await prisma.jobLease.findFirst({ select: { name: true } })
console.log('ready')
await new Promise((resolve) => process.stdin.once('data', resolve))
const result = await runDailyPass()
console.log(`RESULT ${JSON.stringify(result)}`)
await prisma.$disconnect()
process.exit(0)
