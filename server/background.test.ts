import crypto from 'node:crypto'
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { prisma } from '../app/utils/db.server'
import { startBackgroundJobs } from './background'

// This test process plays one install restarted: its name is set, as REATIVA_INSTANCE would be.
vi.hoisted(() => {
  process.env.REATIVA_INSTANCE = 'shop-test-1'
  delete process.env.RESEND_API_KEY
})

/** A pid that no process has any more: the previous run of this instance, dead. */
const deadPid = spawnSync(process.execPath, ['-e', '']).pid

const holder = (instance: string, hostname: string, pid: number) =>
  `${instance}|${hostname}:${pid}:${crypto.randomUUID().slice(0, 8)}`

/** What a process that died while sending leaves: the outbox lease and a claimed email. */
async function leftWhileSending(by: string, { leaseMs }: { leaseMs: number }) {
  const now = Date.now()
  await prisma.jobLease.create({
    data: {
      name: 'outbox',
      holder: by,
      expiresAt: new Date(now + leaseMs),
      acquiredAt: new Date(now),
    },
  })
  const id = crypto.randomUUID()
  return prisma.outboxMessage.create({
    data: {
      id,
      idempotencyKey: `test:${id}`,
      kind: 'TEST',
      to: `buyer-${id}@test.example`,
      subject: 'Pedido recebido',
      html: '<p>Obrigado</p>',
      text: 'Obrigado',
      status: 'SENDING',
      attempts: 1,
      claimToken: `${by}#${crypto.randomUUID()}`,
      // The two-minute claim of a batch, which a restart would otherwise wait out.
      lockedUntil: new Date(now + 2 * 60_000),
    },
  })
}

async function statusWithin(id: string, ms: number, until: (status: string) => boolean) {
  const deadline = Date.now() + ms
  for (;;) {
    const { status } = await prisma.outboxMessage.findUniqueOrThrow({ where: { id } })
    if (until(status) || Date.now() > deadline) return status
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

let jobs: ReturnType<typeof startBackgroundJobs> | undefined
beforeEach(async () => {
  await prisma.outboxMessage.deleteMany()
  await prisma.jobLease.deleteMany()
})
afterEach(async () => {
  await jobs?.stop()
  jobs = undefined
})

describe('a restarted instance takes back what its previous run held', () => {
  it('sends at once the email its previous run had claimed when it died', async () => {
    const message = await leftWhileSending(holder('shop-test-1', os.hostname(), deadPid), {
      leaseMs: 10_000,
    })
    jobs = startBackgroundJobs()
    // Well before the dead run's outbox lease (10 s) or its claim (2 min) runs out.
    expect(await statusWithin(message.id, 4_000, (status) => status === 'SENT')).toBe('SENT')
    expect(await prisma.mailboxMessage.count({ where: { to: message.to } })).toBe(1)
  })

  it("leaves another instance's claim and lease alone until they run out", async () => {
    const other = holder('shop-test-2', 'other-host', 4242)
    const message = await leftWhileSending(other, { leaseMs: 60_000 })
    await prisma.jobLease.create({
      data: {
        name: 'import:other',
        holder: other,
        expiresAt: new Date(Date.now() + 60_000),
        acquiredAt: new Date(),
      },
    })
    jobs = startBackgroundJobs()
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    const after = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })
    expect(after).toMatchObject({ status: 'SENDING', claimToken: message.claimToken })
    const leases = await prisma.jobLease.findMany({ orderBy: { name: 'asc' } })
    expect(leases.map((lease) => [lease.name, lease.holder])).toEqual([
      ['import:other', other],
      ['outbox', other],
    ])
  })

  it('leaves alone a live process of this host that goes by the same name', async () => {
    // Two processes of one install left unnamed, or a restart overlapping its predecessor's
    // shutdown: the pid of the other is alive, so its work is not taken from it.
    const sibling = holder('shop-test-1', os.hostname(), process.ppid)
    const message = await leftWhileSending(sibling, { leaseMs: 60_000 })
    jobs = startBackgroundJobs()
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    const after = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })
    expect(after).toMatchObject({ status: 'SENDING', claimToken: message.claimToken })
    expect((await prisma.jobLease.findUniqueOrThrow({ where: { name: 'outbox' } })).holder).toBe(
      sibling,
    )
  })
})
