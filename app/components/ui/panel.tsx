import { type ReactNode } from 'react'

/**
 * A titled white card: a form's or a page's section, named by its heading for assistive tech,
 * with an optional action (a CSV link…) beside the title.
 */
export function Panel({
  id,
  title,
  action,
  children,
}: {
  id: string
  title: ReactNode
  action?: ReactNode
  children: ReactNode
}) {
  return (
    <section
      aria-labelledby={id}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  )
}
