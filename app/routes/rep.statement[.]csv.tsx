import { type LoaderFunctionArgs } from '@remix-run/node'
import { repStatement } from '~/domain/commission/statement.server'
import { requireRep } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv-response.server'
import { translator } from '~/utils/i18n.server'
import { BRASILIA_TIME_ZONE } from '~/utils/dates'
import { centsToDecimalText } from '~/utils/money'

// The statement is a Brazilian document whatever the screen's language: days and times in
// São Paulo, decimal commas, entry types in Portuguese.
const day = new Intl.DateTimeFormat('pt-BR', { timeZone: BRASILIA_TIME_ZONE, dateStyle: 'short' })
const time = new Intl.DateTimeFormat('pt-BR', {
  timeZone: BRASILIA_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
})

/** The rep's whole ledger, each entry traceable to its order or contest, as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRep(request)
  const t = translator('pt-BR')
  async function* rows() {
    yield [
      'data',
      'hora',
      'pedido',
      'parcela',
      'cliente',
      'valor_pedido',
      'concurso',
      'lancamento',
      'saldo',
      'valor',
      'lote_pagamento',
    ]
    for await (const entry of repStatement(user.repId)) {
      yield [
        day.format(entry.createdAt),
        time.format(entry.createdAt),
        entry.orderId,
        entry.instalment,
        entry.order?.account.tradeName,
        entry.order ? centsToDecimalText(entry.order.totalCents) : '',
        entry.contest?.name,
        t(`adminOrder.event.${entry.event}`),
        t(`rep.state.${entry.bucket}`),
        centsToDecimalText(entry.amountCents),
        entry.payoutBatchId,
      ]
    }
  }
  return csvResponse('reativa-extrato-comissao.csv', rows())
}
