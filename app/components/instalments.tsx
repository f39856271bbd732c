import { type Instalment } from '~/domain/pricing/instalments'
import { useT } from '~/utils/use-t'

/**
 * An order's payment schedule: each boleto instalment with its due day and amount, or the
 * single payment when there is one.
 */
export function InstalmentList({
  instalments,
  extraDays = 0,
  currency = 'BRL',
  id = 'instalments',
}: {
  instalments: Instalment[]
  extraDays?: number
  currency?: string
  id?: string
}) {
  const { t, money, day } = useT()
  const first = instalments[0]
  if (!first) return null
  if (instalments.length === 1 && first.days === 0) {
    return (
      <section aria-labelledby={`${id}-heading`} className="space-y-1" data-testid="instalments">
        <h2 id={`${id}-heading`} className="text-base font-semibold">
          {t('instalments.singleTitle')}
        </h2>
        <p className="text-sm" data-testid="instalment">
          {t('instalments.single', { amount: money(first.amountCents, currency) })}
        </p>
      </section>
    )
  }
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-1" data-testid="instalments">
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        {t('instalments.title')}
      </h2>
      <table className="w-full text-sm">
        <thead className="text-left text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">
              {t('instalments.number')}
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              {t('instalments.due')}
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-medium">
              {t('instalments.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {instalments.map((instalment) => (
            <tr
              key={instalment.number}
              className="border-t border-slate-200"
              data-testid="instalment"
            >
              <td className="py-1 pr-2">
                {t('instalments.nth', { number: instalment.number })}{' '}
                <span className="text-xs text-slate-600">
                  ({t('instalments.daysValue', { count: instalment.days })})
                </span>
              </td>
              <td className="py-1 pr-2" data-testid="instalment-due">
                {day(instalment.dueDate)}
              </td>
              <td className="py-1 text-right" data-testid="instalment-amount">
                {money(instalment.amountCents, currency)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {extraDays > 0 ? (
        <p className="text-xs text-emerald-800">
          {t('instalments.extraDays', { count: extraDays })}
        </p>
      ) : null}
    </section>
  )
}
