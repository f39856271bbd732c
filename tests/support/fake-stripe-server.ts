// Runs the Stripe stand-in as its own process, for the e2e server: `tsx fake-stripe-server.ts PORT`.
import { startFakeStripe } from './fake-stripe'

const fake = await startFakeStripe(Number(process.argv[2] ?? 12111))
console.log(`Fake Stripe listening on ${fake.url}`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void fake.close().then(() => process.exit(0)))
}
