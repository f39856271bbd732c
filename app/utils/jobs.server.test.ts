import { prisma } from './db.server'
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import {
  acquireLease,
  instanceName,
  parseHolder,
  processId,
  releaseLeasesOfPreviousRun,
  renewLease,
  runExclusive,
} from './jobs.server'

/** Another process holding a job, as its lease row says. */
function heldElsewhere(name: string, expiresInMs: number) {
  return prisma.jobLease.create({
    data: {
      name,
      holder: 'other-host:4242:abcd1234',
      expiresAt: new Date(Date.now() + expiresInMs),
      acquiredAt: new Date(),
    },
  })
}

describe('jobs held through leases', () => {
  it('does not run a job another process holds, and takes it over once that lease ran out', async () => {
    await heldElsewhere('job-a', 60_000)
    let runs = 0
    expect(await runExclusive('job-a', async () => ++runs)).toEqual({ ran: false })
    expect(runs).toBe(0)

    // The other process died: it stopped renewing and its lease ran out.
    await prisma.jobLease.update({
      where: { name: 'job-a' },
      data: { expiresAt: new Date(Date.now() - 1) },
    })
    expect(await runExclusive('job-a', async () => ++runs)).toEqual({ ran: true, value: 1 })
    // Released when done: nobody holds it now.
    expect(await prisma.jobLease.count({ where: { name: 'job-a' } })).toBe(0)
  })

  it('runs the work once when two loops of the same process ask at the same moment', async () => {
    let runs = 0
    const slow = async () => {
      runs++
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const outcomes = await Promise.all([runExclusive('job-b', slow), runExclusive('job-b', slow)])
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1)
    expect(runs).toBe(1)
  })

  it('renews the lease while a long job runs, so nobody takes it over meanwhile', async () => {
    const ttlMs = 300
    let expiresDuringWork: Date | null = null
    await runExclusive(
      'job-c',
      async (lease) => {
        await new Promise((resolve) => setTimeout(resolve, 3 * ttlMs))
        expiresDuringWork = (await prisma.jobLease.findUniqueOrThrow({ where: { name: 'job-c' } }))
          .expiresAt
        expect(lease.held()).toBe(true)
      },
      { ttlMs },
    )
    // Three lifetimes after it started, the lease still reaches into the future.
    expect(expiresDuringWork!.getTime()).toBeGreaterThan(Date.now() - 50)
  })

  it('tells the work when its lease was lost to another process', async () => {
    const ttlMs = 300
    const seen = await runExclusive(
      'job-d',
      async (lease) => {
        // Another process took it over (this one was presumed dead).
        await prisma.jobLease.update({
          where: { name: 'job-d' },
          data: { holder: 'other-host:1:x', expiresAt: new Date(Date.now() + 60_000) },
        })
        await new Promise((resolve) => setTimeout(resolve, ttlMs))
        return lease.held()
      },
      { ttlMs },
    )
    expect(seen).toEqual({ ran: true, value: false })
    // The new holder's lease is left alone.
    expect((await prisma.jobLease.findUniqueOrThrow({ where: { name: 'job-d' } })).holder).toBe(
      'other-host:1:x',
    )
  })

  it('renews and acquires only for the holder named in the row', async () => {
    await heldElsewhere('job-e', 60_000)
    expect(await acquireLease('job-e', 1_000)).toBe(false)
    expect(await renewLease('job-e', 1_000)).toBe(false)
    expect(processId()).toMatch(/:\d+:/)
  })

  it('frees at start-up the leases a dead previous run of this instance held, and only those', async () => {
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid
    const mine = `${instanceName()}|${os.hostname()}:${deadPid}:0badf00d`
    const until = new Date(Date.now() + 60_000)
    await prisma.jobLease.createMany({
      data: [
        { name: 'job-f', holder: mine, expiresAt: until, acquiredAt: new Date() },
        {
          name: 'job-g',
          holder: 'other-install|other-host:7:x',
          expiresAt: until,
          acquiredAt: new Date(),
        },
        {
          name: 'job-h',
          holder: 'other-host:4242:abcd1234',
          expiresAt: until,
          acquiredAt: new Date(),
        },
      ],
    })
    expect(await releaseLeasesOfPreviousRun()).toEqual(['job-f'])
    expect(await runExclusive('job-f', async () => 'written')).toEqual({
      ran: true,
      value: 'written',
    })
    expect(await runExclusive('job-g', async () => 'written')).toEqual({ ran: false })
    expect(await prisma.jobLease.count({ where: { name: { in: ['job-g', 'job-h'] } } })).toBe(2)
  })

  it('leaves alone the lease of another host going by the same instance name', async () => {
    const elsewhere = `${instanceName()}|another-pod-${os.hostname()}:1:feedbeef`
    await prisma.jobLease.create({
      data: {
        name: 'job-i',
        holder: elsewhere,
        expiresAt: new Date(Date.now() + 60_000),
        acquiredAt: new Date(),
      },
    })
    expect(await releaseLeasesOfPreviousRun()).not.toContain('job-i')
    expect(await runExclusive('job-i', async () => 'written')).toEqual({ ran: false })
  })

  it('names the instance, host and pid in every lease it takes', () => {
    expect(parseHolder(processId())).toEqual({
      instance: instanceName(),
      hostname: os.hostname(),
      pid: process.pid,
    })
    // By default the install: this host and working directory, with the role.
    expect(instanceName()).toBe(`${os.hostname()}:${process.cwd()}:all`)
  })
})
