import fs from 'node:fs'
import { type FakeResend } from '#tests/support/fake-resend'
import { freePort, type ManagedProcess, type ProcessGroup, sleep } from './processes'

/**
 * A deployment as decision 009 describes it: web instances (REATIVA_ROLE=web) that only serve
 * requests and worker processes that run the background jobs, all on one PostgreSQL database,
 * sending email through the Resend stand-in.
 */

export const RESEND_MAX_PER_SECOND = 50
export const LOGIN_MAX_FAILURES_PER_EMAIL = 5

export const BUILD_FILES = ['build/index.js', 'server-build/index.js', 'server-build/worker.js']

export function missingBuildFiles(): string[] {
  return BUILD_FILES.filter((file) => !fs.existsSync(file))
}

// Settings of the caller that must not reach the cluster (a developer's Stripe keys, mail…).
const INHERITED_SETTINGS =
  /^(DATABASE_|REATIVA_|RESEND_|STRIPE_|LOGIN_|RESET_|APP_|MAIL_FROM$|PORT$|NODE_ENV$|TRUST_PROXY$)/

/** The settings every process of the cluster shares; the test process uses them too. */
export function sharedSettings(databaseUrl: string, fake: FakeResend): Record<string, string> {
  return {
    NODE_ENV: 'production',
    REATIVA_SKIP_DOTENV: '1',
    DATABASE_URL: databaseUrl,
    RESEND_API_KEY: 're_cluster_test_key',
    RESEND_BASE_URL: fake.url,
    RESEND_MAX_PER_SECOND: String(RESEND_MAX_PER_SECOND),
    LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
    LOGIN_MAX_FAILURES_PER_EMAIL: String(LOGIN_MAX_FAILURES_PER_EMAIL),
    // Invitation links are signed by whichever process renders them: one key for all.
    APP_SECRET: 'cluster-test-signing-key-0123456789abcdef',
  }
}

export function processEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !INHERITED_SETTINGS.test(name))
  return { ...Object.fromEntries(inherited), NODE_ENV: 'production', ...settings }
}

export type WebInstance = { name: string; origin: string; process: ManagedProcess }

export class Cluster {
  readonly webs: WebInstance[] = []
  readonly workers: ManagedProcess[] = []
  private workerCount = 0

  constructor(
    private readonly group: ProcessGroup,
    private readonly settings: Record<string, string>,
  ) {}

  get origins(): string[] {
    return this.webs.map((web) => web.origin)
  }

  /** The web instances' and workers' processes, dead or alive. */
  processes(): ManagedProcess[] {
    return [...this.webs.map((web) => web.process), ...this.workers]
  }

  /** Web instances and workers that stopped although the test did not stop them. */
  unexpectedExits(): ManagedProcess[] {
    return this.processes().filter((member) => !member.running && !member.stoppedByTest)
  }

  /** Workers still running. */
  liveWorkers(): ManagedProcess[] {
    return this.workers.filter((worker) => worker.running)
  }

  /** Throws when no worker is left to do the background work: waiting longer is pointless. */
  requireLiveWorker() {
    if (this.liveWorkers().length) return
    const gone = this.workers.map((w) => `${w.name} ${w.exitDescription}`).join(', ')
    throw new Error(`no worker is running any more (${gone})`)
  }

  async startWeb(): Promise<WebInstance> {
    const name = `web${this.webs.length + 1}`
    const port = await freePort()
    const origin = `http://localhost:${port}`
    const server = this.group.start(
      name,
      process.execPath,
      ['server-build/index.js'],
      processEnv({
        ...this.settings,
        REATIVA_ROLE: 'web',
        REATIVA_INSTANCE: `cluster-${name}`,
        PORT: String(port),
        APP_URL: origin,
      }),
    )
    const web = { name, origin, process: server }
    this.webs.push(web)
    return web
  }

  /** A worker; its links point at the first web instance, as they would at the public URL. */
  startWorker(): ManagedProcess {
    const name = `worker${++this.workerCount}`
    const worker = this.group.start(
      name,
      process.execPath,
      ['server-build/worker.js'],
      processEnv({
        ...this.settings,
        REATIVA_ROLE: 'worker',
        // Each its own name, as in a deployment: a replacement is a new instance, not a restart.
        REATIVA_INSTANCE: `cluster-${name}`,
        APP_URL: this.webs[0]?.origin ?? 'http://localhost:3000',
      }),
    )
    this.workers.push(worker)
    return worker
  }

  async waitUntilReady(timeoutMs = 90_000): Promise<void> {
    await Promise.all([
      ...this.webs.map((web) => answers(web, timeoutMs)),
      ...this.workers
        .filter((worker) => worker.running)
        .map((worker) => worker.waitForLine(/Reativa worker started/, timeoutMs)),
    ])
  }

  /** A worker that replaces a killed one, ready to work. */
  async replaceWorker(timeoutMs = 60_000): Promise<ManagedProcess> {
    const worker = this.startWorker()
    await worker.waitForLine(/Reativa worker started/, timeoutMs)
    return worker
  }
}

/** Waits until the instance serves its login page. */
async function answers(web: WebInstance, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  let last = ''
  while (Date.now() < deadline) {
    if (!web.process.running) throw new Error(`${web.name} exited while starting`)
    try {
      const response = await fetch(`${web.origin}/auth/login`, {
        signal: AbortSignal.timeout(5_000),
      })
      if (response.status === 200) return
      last = `status ${response.status}`
    } catch (error) {
      last = error instanceof Error ? error.message : String(error)
    }
    await sleep(250)
  }
  throw new Error(`${web.name} did not answer within ${timeoutMs} ms (${last})`)
}

/** The pid in a lease holder, `${instance}|${hostname}:${pid}:${random}` (app/utils/jobs.server.ts). */
export function pidOfHolder(holder: string): number | null {
  const parts = holder.split(':')
  const pid = Number(parts.at(-2))
  return Number.isInteger(pid) && pid > 0 ? pid : null
}
