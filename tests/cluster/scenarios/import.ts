import { prisma } from '~/utils/db.server'
import { pidOfHolder } from '../cluster'
import { loggedIn, userIdOf } from '../fixtures'
import { waitFor } from '../processes'
import { type Scenario, seconds } from '../report'

const ORDERS = 5_000
const LINES_PER_ORDER = 4
const DAY_MS = 86_400_000

/** An ERP export of order history: one row per order line, `;`-separated, dates as dd/mm/yyyy. */
async function orderHistoryCsv(prefix: string): Promise<string> {
  const accounts = await prisma.account.findMany({
    where: { email: { endsWith: '@loja.example' } },
    select: { cnpj: true },
    orderBy: { cnpj: 'asc' },
    take: 200,
  })
  const products = await prisma.product.findMany({
    where: { active: true },
    select: { sku: true },
    orderBy: { sku: 'asc' },
    take: 40,
  })
  if (accounts.length < 10 || products.length < 40)
    throw new Error('the demo data has too few accounts or products to build the file')
  const rows = ['cnpj;pedido;data;sku;quantidade;preco']
  for (let n = 0; n < ORDERS; n++) {
    const day = new Date(Date.now() - (30 + (n % 600)) * DAY_MS)
    const date = `${day.getUTCDate()}/${day.getUTCMonth() + 1}/${day.getUTCFullYear()}`
    const cnpj = accounts[n % accounts.length]!.cnpj
    for (let k = 0; k < LINES_PER_ORDER; k++) {
      // Offsets 0, 7, 14, 21 of 40 products: four different products per order.
      const sku = products[(n + k * 7) % products.length]!.sku
      rows.push(`${cnpj};${prefix}${n + 1};${date};${sku};${1 + ((n + k) % 9)};12,50`)
    }
  }
  return `${rows.join('\r\n')}\r\n`
}

export const importSurvivesKilledWorker: Scenario = {
  id: 'g',
  title:
    'an order-history import whose worker is killed (SIGKILL) part-way through writing is finished by the other worker, every order once and whole',
  timeoutMs: 210_000,
  async run({ cluster, group, robin, runId }, report) {
    const prefix = `CL${runId.toUpperCase()}-`
    const csv = await orderHistoryCsv(prefix)
    const manager = await loggedIn(await userIdOf('gerente@reativa.dev'))

    // Upload (the preview) on one instance…
    const form = new FormData()
    form.set('kind', 'ORDERS')
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'historico-erp.csv')
    let started = Date.now()
    const upload = await manager.postMultipart(robin.next(), '/admin/imports', form)
    const batchId = /^\/admin\/imports\/([^/?]+)/.exec(upload.location ?? '')?.[1]
    if (upload.status !== 302 || !batchId)
      throw new Error(
        `the upload answered ${upload.status} ${upload.location ?? upload.html.slice(0, 300)}`,
      )
    report.note('upload and preview', seconds(Date.now() - started))
    const previewed = await prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } })
    report.equal('lines in the preview', previewed.totalRows, ORDERS * LINES_PER_ORDER)
    report.equal('lines with errors', previewed.errorRows, 0)
    report.equal('orders the preview will create', previewed.createdRows, ORDERS)

    // …confirm on another; a worker writes it.
    const confirm = await manager.postForm(robin.next(), `/admin/imports/${batchId}`, {
      intent: 'confirm',
    })
    // Back to the batch's page, which shows the write's progress.
    report.equal('confirmation answer', confirm.status, 302)
    started = Date.now()
    const lease = await waitFor(
      'a worker to take the import',
      async () =>
        (await prisma.jobLease.findUnique({ where: { name: `import:${batchId}` } })) ?? undefined,
      { timeoutMs: 30_000, intervalMs: 50 },
    )
    const writer = group.byPid(pidOfHolder(lease.holder) ?? -1)
    if (!writer || !cluster.liveWorkers().includes(writer))
      throw new Error(`the import is held by ${lease.holder}, not a worker of this test`)
    // The write goes in short steps, each recording its progress with its orders.
    const writing = await waitFor(
      'the worker to have written part of the import',
      async () => {
        const batch = await prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } })
        return batch.writtenCreated > 0 ? batch.writtenCreated : undefined
      },
      { timeoutMs: 30_000, intervalMs: 20 },
    )
    writer.signal('SIGKILL')
    const killedAt = Date.now()
    await writer.exited
    report.note(
      'killed',
      `${writer.name} (pid ${writer.pid}) ${seconds(killedAt - started)} after the confirmation, ${writing} orders in`,
    )

    // What the killed worker committed is whole: the orders its steps recorded, every one with
    // all its lines; the step it was in when killed left nothing.
    const imported = { channel: 'OFFLINE' as const, externalRef: { startsWith: prefix } }
    const afterKill = await prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } })
    report.equal('batch status right after the kill', afterKill.status, 'COMMITTING')
    report.truthy(
      'killed part-way',
      afterKill.writtenCreated < ORDERS,
      `${afterKill.writtenCreated} of ${ORDERS} written`,
    )
    report.equal(
      'orders of the file right after the kill, as its progress says',
      await prisma.order.count({ where: imported }),
      afterKill.writtenCreated,
    )
    report.equal(
      'order lines of the file right after the kill',
      await prisma.orderLine.count({ where: { order: imported } }),
      afterKill.writtenCreated * LINES_PER_ORDER,
    )

    // The other worker takes it once the lease has run out.
    const committed = await waitFor(
      'the import to be committed by another worker',
      async () => {
        cluster.requireLiveWorker()
        const batch = await prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } })
        return batch.status === 'COMMITTED' || batch.status === 'FAILED' ? batch : undefined
      },
      { timeoutMs: 150_000, intervalMs: 500 },
    )
    report.note('kill to committed', seconds(Date.now() - killedAt))
    report.equal('batch status', committed.status, 'COMMITTED')
    report.equal('orders it reports created, over both workers', committed.createdRows, ORDERS)
    report.equal('accounts left to rebuild', committed.pendingRebuild, '')
    const wroteIt = cluster.workers.filter((w) => w.matching(/^Wrote 1 confirmed import/).length)
    report.truthy(
      'a surviving worker wrote it',
      wroteIt.length === 1 && wroteIt[0] !== writer && wroteIt[0]!.running,
      `written by ${wroteIt.map((w) => w.name).join(', ') || 'nobody that said so'}`,
    )
    report.note('written by', wroteIt.map((w) => w.name).join(', '))

    const orders = await prisma.order.findMany({
      where: imported,
      select: { externalRef: true, _count: { select: { lines: true } } },
    })
    report.equal('orders of the file', orders.length, ORDERS)
    report.equal(
      'distinct ERP order numbers',
      new Set(orders.map((o) => o.externalRef)).size,
      ORDERS,
    )
    report.equal(
      'order lines of the file',
      orders.reduce((sum, o) => sum + o._count.lines, 0),
      ORDERS * LINES_PER_ORDER,
    )
    report.equal(
      'orders missing lines (half-written)',
      orders.filter((o) => o._count.lines !== LINES_PER_ORDER).length,
      0,
    )
  },
}
