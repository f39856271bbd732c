import { createRep, createUser, placeOnlineOrder } from '#tests/fixtures/factories'
import { previewCsv } from '#tests/fixtures/imports'
import { repBalances } from '~/domain/commission/statement.server'
import { setOrderStatus } from '~/domain/orders/order-admin.server'
import { prisma } from '~/utils/db.server'
import { commitImport } from './import.server'

const HEADER = 'Pedido no portal;Situação;Nota fiscal;Código de rastreio;Data'

const events = (orderId: number) =>
  prisma.orderStatusEvent.findMany({
    where: { orderId },
    orderBy: { at: 'asc' },
    select: { status: true, at: true },
  })

describe('importing where portal orders stand in the ERP', () => {
  it('moves each order step by step as the back office would, emails the buyer once, earns the commission', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const rep = await createRep()
    const delivered = await placeOnlineOrder({ repId: rep.id, listPriceCents: 10_000 })
    const invoiced = await placeOnlineOrder({ repId: rep.id, listPriceCents: 10_000 })
    const cancelled = await placeOnlineOrder({ repId: rep.id, listPriceCents: 10_000 })
    const same = await placeOnlineOrder({ repId: rep.id, listPriceCents: 10_000 })
    await setOrderStatus(manager.id, same, { status: 'CONFIRMED' })
    const today = new Intl.DateTimeFormat('pt-BR', { timeZone: 'America/Sao_Paulo' }).format(
      new Date(),
    )

    const batch = await previewCsv(
      'ORDER_STATUSES',
      [
        HEADER,
        `#${delivered};Entregue;000123;BR123456789BR;${today}`,
        `${String(invoiced).padStart(6, '0')};Faturado;000124;;`,
        `${cancelled};Cancelado;;;`,
        `${same};Confirmado;;;`,
      ].join('\n'),
      manager.id,
    )
    expect(batch).toMatchObject({
      status: 'PREVIEWED',
      updatedRows: 3,
      skippedRows: 1,
      errorRows: 0,
    })
    const preview = batch.preview
    expect(
      preview.sample?.map((row) => [row.cells.order, row.cells.from, row.cells.to, row.action]),
    ).toEqual([
      [`#${delivered}`, 'PLACED', 'DELIVERED', 'update'],
      [`#${invoiced}`, 'PLACED', 'INVOICED', 'update'],
      [`#${cancelled}`, 'PLACED', 'CANCELLED', 'update'],
      [`#${same}`, 'CONFIRMED', 'CONFIRMED', 'unchanged'],
    ])
    // Nothing moves before the manager confirms.
    expect((await prisma.order.findUniqueOrThrow({ where: { id: delivered } })).status).toBe(
      'PLACED',
    )

    expect(await commitImport(batch.id, manager.id)).toMatchObject({
      ok: true,
      updated: 3,
      unchanged: 1,
    })
    const order = await prisma.order.findUniqueOrThrow({ where: { id: delivered } })
    expect(order).toMatchObject({
      status: 'DELIVERED',
      invoiceNumber: '000123',
      trackingCode: 'BR123456789BR',
    })
    expect((await events(delivered)).map((e) => e.status)).toEqual([
      'INVOICED',
      'SHIPPED',
      'DELIVERED',
    ])
    expect((await prisma.order.findUniqueOrThrow({ where: { id: invoiced } })).status).toBe(
      'INVOICED',
    )
    expect((await prisma.order.findUniqueOrThrow({ where: { id: cancelled } })).status).toBe(
      'CANCELLED',
    )
    // Two orders invoiced or later earn 3 % of R$ 100; the cancelled one is reversed.
    expect(await repBalances(rep.id)).toEqual({ PENDING: 300, EARNED: 600, PAID: 0 })
    // One email per order, for where it ended.
    const buyer = await prisma.order.findUniqueOrThrow({
      where: { id: delivered },
      include: { placedBy: true },
    })
    const emails = await prisma.outboxMessage.findMany({
      where: { to: buyer.placedBy!.email, kind: 'order-update' },
      select: { idempotencyKey: true },
    })
    expect(emails.map((e) => e.idempotencyKey)).toEqual([`order-update:${delivered}:DELIVERED`])
    const audits = await prisma.auditLog.findMany({
      where: { entity: 'Order', entityId: String(delivered) },
    })
    expect(audits).toHaveLength(3)
    expect(audits.every((a) => a.changes?.includes(batch.id))).toBe(true)
  })

  it('refuses, line by line, what the back office could not do by hand, and writes nothing of it', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const shipped = await placeOnlineOrder({
      repId: (await createRep()).id,
      listPriceCents: 10_000,
    })
    await setOrderStatus(manager.id, shipped, { status: 'INVOICED', invoiceNumber: '1' })
    await setOrderStatus(manager.id, shipped, { status: 'SHIPPED', trackingCode: 'T1' })
    const placed = await placeOnlineOrder({ repId: (await createRep()).id, listPriceCents: 10_000 })
    const erpOnly = await prisma.order.create({
      data: {
        accountId: (await prisma.order.findUniqueOrThrow({ where: { id: placed } })).accountId,
        channel: 'OFFLINE',
        paymentMethod: 'ERP',
        externalRef: `ERP-${Date.now()}`,
        subtotalCents: 100,
        totalCents: 100,
      },
    })
    const batch = await previewCsv(
      'ORDER_STATUSES',
      [
        HEADER,
        `${shipped};Faturado;1;;`, // 2: backwards
        `${shipped};Cancelado;;;`, // 3: the same order twice
        `${placed};Faturado;;;`, // 4: no invoice number
        `${placed}x;Faturado;9;;`, // 5: not an order number
        `${erpOnly.id};Entregue;9;T;`, // 6: an ERP order, not the portal's
        `99999999;Entregue;9;T;`, // 7: no such order
        `${placed};Pendente;;;`, // 8: (same order again)
        `${placed + 100000};Em análise;;;`, // 9: an unknown status
        `${placed};Entregue;9;T;31/02/2026`, // 10: (same order again)
      ].join('\n'),
      manager.id,
    )
    const preview = batch.preview
    expect(preview.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'STATUS_BACKWARD'],
      [3, 'DUPLICATE_KEY'],
      [4, 'INVOICE_REQUIRED'],
      [5, 'INVALID_ORDER_NUMBER'],
      [6, 'UNKNOWN_ORDER'],
      [7, 'UNKNOWN_ORDER'],
      [8, 'INVALID_STATUS'],
      [8, 'DUPLICATE_KEY'],
      [9, 'INVALID_STATUS'],
      [10, 'INVALID_DATE'],
      [10, 'DUPLICATE_KEY'],
    ])
    expect(batch).toMatchObject({ updatedRows: 0, createdRows: 0 })
    // Confirm is refused: nothing would be written.
    expect(await commitImport(batch.id, manager.id)).toEqual({
      ok: false,
      code: 'NOTHING_TO_WRITE',
    })
    expect((await prisma.order.findUniqueOrThrow({ where: { id: placed } })).status).toBe('PLACED')
    expect((await prisma.order.findUniqueOrThrow({ where: { id: shipped } })).status).toBe(
      'SHIPPED',
    )
  })

  it('judges each order again when it writes: one moved by hand since the preview goes on from there, or stays put', async () => {
    const manager = await createUser({ role: 'MANAGER' })
    const rep = await createRep()
    const confirmed = await placeOnlineOrder({ repId: rep.id, listPriceCents: 10_000 })
    const cancelled = await placeOnlineOrder({ repId: rep.id, listPriceCents: 10_000 })
    const today = new Intl.DateTimeFormat('pt-BR', { timeZone: 'America/Sao_Paulo' }).format(
      new Date(),
    )
    const batch = await previewCsv(
      'ORDER_STATUSES',
      [HEADER, `${confirmed};Faturado;77;;${today}`, `${cancelled};Faturado;78;;`].join('\n'),
      manager.id,
    )
    expect(batch.updatedRows).toBe(2)
    await setOrderStatus(manager.id, confirmed, { status: 'CONFIRMED' })
    await setOrderStatus(manager.id, cancelled, { status: 'CANCELLED' })

    const before = Date.now()
    expect(await commitImport(batch.id, manager.id)).toMatchObject({ ok: true, updated: 1 })
    expect(await prisma.order.findUniqueOrThrow({ where: { id: confirmed } })).toMatchObject({
      status: 'INVOICED',
      invoiceNumber: '77',
    })
    const steps = await events(confirmed)
    expect(steps.map((step) => step.status)).toEqual(['CONFIRMED', 'INVOICED'])
    // The ERP's day starts at midnight; the timeline never puts the invoice before the
    // confirmation. The ledger and the audit are dated when the import wrote.
    expect(steps[1]!.at.getTime()).toBeGreaterThan(steps[0]!.at.getTime())
    const earned = await prisma.commissionEntry.findFirstOrThrow({
      where: { orderId: confirmed, event: 'EARN' },
    })
    expect(earned.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(await prisma.order.findUniqueOrThrow({ where: { id: cancelled } })).toMatchObject({
      status: 'CANCELLED',
      invoiceNumber: null,
    })
  })
})
