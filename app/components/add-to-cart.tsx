import { useFetcher } from '@remix-run/react'
import { useId } from 'react'
import { type action as cartAction } from '~/routes/_store.cart'
import { useT } from '~/utils/use-t'

/** Adds a product to the cart without leaving the page; quantities step by the pack size. */
export function AddToCart({
  productId,
  name,
  packSize,
}: {
  productId: string
  name: string
  packSize: number
}) {
  const fetcher = useFetcher<typeof cartAction>()
  const { t } = useT()
  const id = useId()
  const busy = fetcher.state !== 'idle'
  const result = fetcher.data && 'add' in fetcher.data ? fetcher.data.add : null
  return (
    <fetcher.Form method="post" action="/cart" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="productId" value={productId} />
      <div className="flex flex-col">
        <label htmlFor={`${id}-qty`} className="text-xs text-slate-600">
          {t('product.quantity')}
        </label>
        <input
          id={`${id}-qty`}
          name="quantity"
          type="number"
          inputMode="numeric"
          min={packSize}
          step={packSize}
          defaultValue={packSize}
          required
          className="w-24 rounded-md border border-slate-300 px-2 py-1.5"
        />
      </div>
      <button
        type="submit"
        disabled={busy}
        aria-label={`${t('product.add')}: ${name}`}
        className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:bg-slate-400"
      >
        {busy ? t('common.loading') : t('product.add')}
      </button>
      <p aria-live="polite" className="w-full text-xs">
        {result?.ok ? (
          <span className="text-emerald-700">
            {t('product.added', { quantity: result.quantity, name })}
          </span>
        ) : null}
        {result && !result.ok ? (
          <span className="text-red-700">{t(`problem.${result.problem}`, { pack: packSize })}</span>
        ) : null}
      </p>
    </fetcher.Form>
  )
}
