import { Link } from '@remix-run/react'

/** What a list shows when it has nothing: the reason and where to go next. */
export function EmptyState({
  message,
  linkTo,
  linkLabel,
}: {
  message: string
  linkTo?: string
  linkLabel?: string
}) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center">
      <p>{message}</p>
      {linkTo ? (
        <Link to={linkTo} className="mt-2 inline-block text-brand-700 underline">
          {linkLabel}
        </Link>
      ) : null}
    </div>
  )
}
