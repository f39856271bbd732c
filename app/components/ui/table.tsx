import { type ReactNode } from 'react'

/** A column a phone (under 640 px) leaves out, so a row's total stays on screen. */
export const PHONE_HIDDEN = 'hidden sm:table-cell'

/** `className` goes on the header cell, e.g. `hidden sm:table-cell` for a column phones skip. */
export type Column = { label: ReactNode; align?: 'left' | 'right'; className?: string }

/** A bordered, horizontally scrollable table with a header row. */
export function DataTable({
  columns,
  children,
  footer,
}: {
  columns: Column[]
  children: ReactNode
  footer?: ReactNode
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-100 text-left">
          <tr>
            {columns.map((column, index) => (
              <th
                key={index}
                scope="col"
                className={`p-2 ${column.align === 'right' ? 'text-right' : ''} ${column.className ?? ''}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  )
}
