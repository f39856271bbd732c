/**
 * The order-history file the benchmark imports: 50,000 lines as an ERP exports them
 * (Windows-1252, `;`, decimal commas), 4 lines per order, over the first 5,000 accounts and 400
 * products of the large dataset. Every order number starts with `prefix`, so the orders can be
 * removed afterwards.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Db } from '../app/utils/db.server'

export const ORDER_HISTORY_LINES = 50_000

export async function writeOrderHistoryFile(
  db: Pick<Db, 'account' | 'product'>,
): Promise<{ file: string; bytes: number; prefix: string }> {
  const accounts = (
    await db.account.findMany({ select: { cnpj: true }, orderBy: { id: 'asc' }, take: 5000 })
  ).map((a) => a.cnpj)
  const skus = (
    await db.product.findMany({ select: { sku: true }, orderBy: { sku: 'asc' }, take: 400 })
  ).map((p) => p.sku)
  const prefix = `BENCH${Date.now()}-`
  const file = path.resolve('data', `${prefix}import.csv`)
  const out = fs.createWriteStream(file, { encoding: 'latin1' })
  out.write(
    'CNPJ;Número do Pedido;Data de Emissão;Código do Produto;Descrição;Qtde;Preço Unitário\r\n',
  )
  for (let line = 0; line < ORDER_HISTORY_LINES; line++) {
    const order = Math.floor(line / 4)
    const cnpj = accounts[order % accounts.length]!
    const day = String((order % 28) + 1).padStart(2, '0')
    out.write(
      `${cnpj};${prefix}${order};${day}/03/2025;${skus[line % skus.length]};Produto importação ${line % 97};${(line % 12) + 1};${(line % 500) + 10},${line % 100}\r\n`,
    )
  }
  await new Promise<void>((resolve) => out.end(resolve))
  return { file, bytes: fs.statSync(file).size, prefix }
}

/** Removes the file's orders and rebuilds the accounts, leaving the dataset as it was. */
export async function removeImportedOrders(
  db: Db,
  prefix: string,
  rebuild: () => Promise<unknown>,
): Promise<void> {
  // Reactivation.orderId is a plain column, not a relation Prisma can filter through.
  const pattern = `${prefix}%`
  await db.$executeRaw`DELETE FROM "OrderLine" WHERE "orderId" IN (SELECT "id" FROM "Order" WHERE "externalRef" LIKE ${pattern})`
  await db.$executeRaw`DELETE FROM "Reactivation" WHERE "orderId" IN (SELECT "id" FROM "Order" WHERE "externalRef" LIKE ${pattern})`
  await db.order.deleteMany({ where: { externalRef: { startsWith: prefix } } })
  await rebuild()
}
