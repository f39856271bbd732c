import { type LoaderFunctionArgs } from '@remix-run/node'
import { repStatement } from '~/domain/commission/statement.server'
import { csvResponse } from '~/utils/csv-response.server'
import { centsToDecimalText } from '~/utils/money'
import { requireRep } from '~/utils/auth.server'

/** The rep's whole ledger, each entry traceable to its order, as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRep(request)
  async function* rows() {
    yield [
      'data',
      'pedido',
      'cliente',
      'valor_pedido',
      'evento',
      'saldo',
      'valor',
      'lote_pagamento',
    ]
    for await (const entry of repStatement(user.repId)) {
      yield [
        entry.createdAt.toISOString(),
        entry.orderId,
        entry.order?.account.tradeName,
        entry.order ? centsToDecimalText(entry.order.totalCents) : '',
        entry.event,
        entry.bucket,
        centsToDecimalText(entry.amountCents),
        entry.payoutBatchId,
      ]
    }
  }
  return csvResponse('reativa-extrato-comissao.csv', rows())
}
