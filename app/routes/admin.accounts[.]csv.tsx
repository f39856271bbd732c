import { type LoaderFunctionArgs } from '@remix-run/node'
import { upcomingExpectedOrder } from '~/domain/accounts/inactivity'
import { exportAccounts, parseAccountFilters } from '~/domain/accounts/portfolio.server'
import { requireStaff } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv-response.server'

/** The filtered account list as CSV, streamed page by page. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'accounts:export')
  const filters = parseAccountFilters(new URL(request.url).searchParams)
  const now = new Date()
  async function* rows() {
    yield [
      'cnpj',
      'razao_social',
      'nome_fantasia',
      'cidade',
      'uf',
      'segmento',
      'situacao',
      'ultimo_pedido',
      'proximo_previsto',
      'reativado_em',
      'representante',
      'email',
      'telefone',
      'acessos',
    ]
    for await (const batch of exportAccounts(filters)) {
      for (const a of batch) {
        yield [
          a.cnpj,
          a.legalName,
          a.tradeName,
          a.city,
          a.state,
          a.segment,
          a.status,
          a.lastOrderAt?.toISOString().slice(0, 10),
          upcomingExpectedOrder(a.expectedNextOrderAt, now)?.toISOString().slice(0, 10),
          a.reactivatedAt?.toISOString().slice(0, 10),
          a.rep?.code,
          a.email,
          a.phone,
          a._count.users,
        ]
      }
    }
  }
  return csvResponse('reativa-clientes.csv', rows())
}
