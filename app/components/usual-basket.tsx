import { getInputProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link, useNavigation } from '@remix-run/react'
import { ErrorList, FormErrors, formProps, useContractForm } from '~/components/forms'
import { Button } from '~/components/ui/primitives'
import { UsualBasketSchema } from '~/domain/orders/cart-forms'
import { useT } from '~/utils/use-t'

export type UsualBasketView = {
  items: {
    id: string
    sku: string
    name: string
    unit: string
    packSize: number
    priceCents: number
    quantity: number
  }[]
  cadenceDays: number | null
  daysSinceLastOrder: number | null
}

/**
 * "Seu pedido de sempre" on the storefront's first page: what the account usually buys, in its
 * usual quantities, editable, added to the cart in one submit.
 */
export function UsualBasket({
  basket,
  lastResult,
}: {
  basket: UsualBasketView
  lastResult: SubmissionResult<string[]> | null
}) {
  const { t, money } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(UsualBasketSchema, {
    id: 'usual-basket',
    lastResult,
    defaultValue: {
      items: basket.items.map((item) => ({ productId: item.id, quantity: String(item.quantity) })),
    },
  })
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'usual'
  const habit = [
    basket.cadenceDays ? t('usual.cadence', { count: basket.cadenceDays }) : null,
    basket.daysSinceLastOrder !== null
      ? t('usual.since', { count: basket.daysSinceLastOrder })
      : null,
  ].filter(Boolean)
  return (
    <section
      aria-labelledby="usual-heading"
      className="space-y-3 rounded-lg border border-brand-200 bg-white p-4"
      data-testid="usual-basket"
    >
      <div>
        <h2 id="usual-heading" className="text-lg font-semibold">
          {t('usual.title')}
        </h2>
        {habit.length ? <p className="text-sm text-slate-700">{habit.join(' ')}</p> : null}
        <p className="text-sm text-slate-600">{t('usual.hint')}</p>
      </div>
      <Form method="post" className="space-y-3" {...formProps(form)}>
        <input type="hidden" name="intent" value="usual" />
        <FormErrors form={form} />
        <ErrorList id={fields.items.errorId} errors={fields.items.errors} />
        <ul className="divide-y divide-slate-200">
          {fields.items.getFieldList().map((itemField, index) => {
            const item = basket.items[index]
            if (!item) return null
            const line = itemField.getFieldset()
            return (
              <li
                key={itemField.key}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2"
                data-testid="usual-item"
                data-sku={item.sku}
              >
                <input {...getInputProps(line.productId, { type: 'hidden' })} />
                <div className="min-w-0 flex-1">
                  <Link
                    to={`/products/${encodeURIComponent(item.sku)}`}
                    className="font-medium hover:underline"
                  >
                    {item.name}
                  </Link>
                  <span className="block text-xs text-slate-600">
                    {item.sku} · {money(item.priceCents)} / {item.unit}
                  </span>
                </div>
                <div className="flex items-center gap-1">
                  <label className="sr-only" htmlFor={line.quantity.id}>
                    {t('usual.quantityOf', { name: item.name })}
                  </label>
                  <input
                    {...getInputProps(line.quantity, { type: 'number' })}
                    min={0}
                    step={item.packSize}
                    inputMode="numeric"
                    className="w-20 rounded border border-slate-300 px-2 py-1 text-right aria-invalid:border-red-600"
                  />
                  <span className="w-10 text-xs text-slate-600">{item.unit}</span>
                </div>
                <div className="w-full">
                  <ErrorList id={line.quantity.errorId} errors={line.quantity.errors} />
                </div>
              </li>
            )
          })}
        </ul>
        <Button type="submit" disabled={busy}>
          {busy ? t('common.loading') : t('usual.add')}
        </Button>
      </Form>
    </section>
  )
}
