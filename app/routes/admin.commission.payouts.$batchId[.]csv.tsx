import { type LoaderFunctionArgs } from '@remix-run/node'
import { payoutBatchRows } from '~/domain/commission/admin.server'
import { requireStaff } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv-response.server'
import { centsToDecimalText } from '~/utils/money'
import { recordIdParam } from '~/utils/route-params'

/** One payout batch, per rep and order or contest prize, as CSV for the finance team. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'commission:manage')
  const batchId = recordIdParam(params.batchId)
  async function* rows() {
    yield ['representante', 'nome', 'pedido', 'data_pedido', 'cliente', 'concurso', 'comissao']
    for await (const entry of payoutBatchRows(batchId)) {
      yield [
        entry.rep.code,
        entry.rep.name,
        entry.orderId,
        entry.order?.placedAt.toISOString().slice(0, 10),
        entry.order?.account.tradeName,
        entry.contest?.name,
        centsToDecimalText(entry.amountCents),
      ]
    }
  }
  return csvResponse(`reativa-pagamento-${batchId}.csv`, rows())
}
