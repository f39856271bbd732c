import { useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { type loader as rootLoader } from '~/root'
import { DEFAULT_LOCALE, translator, type Locale } from './i18n'
import { formatMoney, formatPercent } from './money'
import { formatCalendarDay, formatDate } from './dates'

/** Translation and formatting in the user's language and time zone. */
export function useT() {
  const data = useRouteLoaderData<typeof rootLoader>('root')
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE
  const timeZone = data?.timeZone ?? 'America/Sao_Paulo'
  return useMemo(() => {
    const t = translator(locale)
    return {
      t,
      locale,
      money: (cents: number, currency = 'BRL') => formatMoney(cents, locale, currency),
      date: (value: Date | string, style: 'date' | 'datetime' = 'date') =>
        formatDate(value, locale, timeZone, style),
      /** A calendar day (yyyy-MM-dd), shown as that day in any zone. */
      day: (value: string) => formatCalendarDay(value, locale),
      /** A percentage given in points (24.9 → "24,9%" in Portuguese, "24.9%" in English). */
      percent: (points: number, digits?: { minDigits?: number; maxDigits?: number }) =>
        formatPercent(points, locale, digits),
    }
  }, [locale, timeZone])
}
