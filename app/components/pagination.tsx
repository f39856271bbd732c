import { Link, useLocation } from '@remix-run/react'
import { useT } from '~/utils/use-t'

export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useT()
  const location = useLocation()
  if (pageCount <= 1) return null
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search)
    params.set('page', String(target))
    return `${location.pathname}?${params}`
  }
  const linkClass =
    'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100'
  return (
    <nav
      aria-label={t('common.page', { page, pageCount })}
      className="flex items-center justify-between gap-4 py-4"
    >
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} className={linkClass} rel="prev">
          {t('common.previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">{t('common.page', { page, pageCount })}</span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} className={linkClass} rel="next">
          {t('common.next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
