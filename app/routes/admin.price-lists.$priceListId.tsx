import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react'
import { Field, FormErrors, formProps, useContractForm } from '~/components/forms'
import { Pagination } from '~/components/pagination'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import {
  addListTier,
  getPriceList,
  removeListPrice,
  removeListTier,
  renamePriceList,
  setListPrice,
} from '~/domain/pricing/price-lists.server'
import {
  PriceItemSchema,
  PriceListRenameSchema,
  PriceTierSchema,
} from '~/domain/pricing/pricing-forms'
import { requireStaff } from '~/utils/auth.server'
import { replyErrors } from '~/utils/form-schema'
import { pageTitle } from '~/utils/meta'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.priceList') },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'pricing:manage')
  const page = Number(new URL(request.url).searchParams.get('page') ?? '1')
  const list = await getPriceList(params.priceListId ?? '', page)
  if (!list) throw new Response('Not found', { status: 404 })
  return json({ list })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'pricing:manage')
  const id = params.priceListId ?? ''
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'rename') {
    const submission = parseWithZod(form, { schema: PriceListRenameSchema })
    if (submission.status !== 'success') {
      return json({ form: 'rename' as const, result: submission.reply() }, { status: 400 })
    }
    if (!(await renamePriceList(user.id, id, submission.value.name))) {
      throw new Response('Not found', { status: 404 })
    }
    return json({ form: 'rename' as const, result: submission.reply() })
  }
  if (intent === 'remove') {
    const productId = String(form.get('productId') ?? '')
    await removeListPrice(user.id, id, productId)
    return json({ form: 'remove' as const, result: null })
  }
  if (intent === 'removeTier') {
    await removeListTier(user.id, id, String(form.get('tierId') ?? ''))
    return json({ form: 'removeTier' as const, result: null })
  }
  if (intent === 'tier') {
    const submission = parseWithZod(form, { schema: PriceTierSchema })
    if (submission.status !== 'success') {
      return json({ form: 'tier' as const, result: submission.reply() }, { status: 400 })
    }
    const saved = await addListTier(user.id, id, submission.value)
    if (!saved.ok) {
      return json(
        { form: 'tier' as const, result: submission.reply(replyErrors(saved.errors)) },
        { status: 400 },
      )
    }
    return json({ form: 'tier' as const, result: submission.reply({ resetForm: true }) })
  }
  if (intent === 'set') {
    const submission = parseWithZod(form, { schema: PriceItemSchema })
    if (submission.status !== 'success') {
      return json({ form: 'set' as const, result: submission.reply() }, { status: 400 })
    }
    const saved = await setListPrice(user.id, id, submission.value)
    if (!saved.ok) {
      return json(
        { form: 'set' as const, result: submission.reply(replyErrors(saved.errors)) },
        { status: 400 },
      )
    }
    return json({ form: 'set' as const, result: submission.reply({ resetForm: true }) })
  }
  return json({ form: 'none' as const, result: null }, { status: 400 })
}

export default function PriceListPage() {
  const { list } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [params] = useSearchParams()
  const { t, money } = useT()
  const busy = navigation.state === 'submitting'
  const section = 'space-y-3 rounded-lg border border-slate-200 bg-white p-4'
  const [renameForm, renameFields] = useContractForm(PriceListRenameSchema, {
    id: 'price-list-rename',
    lastResult: actionData?.form === 'rename' ? actionData.result : null,
    defaultValue: { name: list.name },
  })
  const editing = list.items.find((item) => item.product.sku === params.get('sku'))
  const [setForm, setFields] = useContractForm(PriceItemSchema, {
    id: `price-item-${editing?.product.sku ?? 'new'}`,
    lastResult: actionData?.form === 'set' ? actionData.result : null,
    defaultValue: editing
      ? { sku: editing.product.sku, price: (editing.priceCents / 100).toFixed(2).replace('.', ',') }
      : undefined,
  })
  const [tierForm, tierFields] = useContractForm(PriceTierSchema, {
    id: 'price-tier-new',
    lastResult: actionData?.form === 'tier' ? actionData.result : null,
  })
  const tierAdded = actionData?.form === 'tier' && tierForm.status !== 'error' && actionData.result
  const saved = actionData?.form === 'set' && setForm.status !== 'error' && actionData.result
  return (
    <div className="max-w-5xl space-y-6">
      <Link to="/admin/price-lists" className="text-sm text-brand-700 underline">
        {t('pricing.lists.back')}
      </Link>
      <h1 className="text-2xl font-bold">
        {list.code} · {list.name}
      </h1>
      {params.get('created') ? <Alert tone="success">{t('pricing.lists.created')}</Alert> : null}

      <section aria-labelledby="rename-heading" className={section}>
        <h2 id="rename-heading" className="text-lg font-semibold">
          {t('pricing.lists.rename')}
        </h2>
        <FormErrors form={renameForm} summary={false} />
        <Form method="post" className="grid gap-3 sm:grid-cols-3" {...formProps(renameForm)}>
          <input type="hidden" name="intent" value="rename" />
          <Field meta={renameFields.name} label={t('pricing.name')} className="sm:col-span-2" />
          <div className="self-end">
            <Button type="submit" variant="secondary" disabled={busy}>
              {t('common.save')}
            </Button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="set-heading" className={section}>
        <h2 id="set-heading" className="text-lg font-semibold">
          {t('pricing.items.set')}
        </h2>
        <p className="text-sm text-slate-700">{t('pricing.items.setHelp')}</p>
        {saved ? <Alert tone="success">{t('pricing.items.saved')}</Alert> : null}
        <FormErrors form={setForm} />
        <Form method="post" className="grid gap-3 sm:grid-cols-3" {...formProps(setForm)}>
          <input type="hidden" name="intent" value="set" />
          <Field meta={setFields.sku} label={t('pricing.items.sku')} />
          <Field
            meta={setFields.price}
            label={t('pricing.items.price')}
            hint={t('pricing.items.priceHint')}
            inputProps={{ inputMode: 'decimal' }}
          />
          <div className="self-end">
            <Button type="submit" disabled={busy}>
              {t('pricing.items.save')}
            </Button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="items-heading" className="space-y-2">
        <h2 id="items-heading" className="text-lg font-semibold">
          {t('pricing.items.title')} ({list.total})
        </h2>
        {list.items.length === 0 ? (
          <p className="text-sm text-slate-600">{t('pricing.items.none')}</p>
        ) : (
          <DataTable
            columns={[
              { label: t('pricing.items.sku') },
              { label: t('pricing.items.product') },
              { label: t('pricing.items.listPrice'), align: 'right' },
              { label: t('pricing.items.thisList'), align: 'right' },
              { label: <span className="sr-only">{t('pricing.items.actions')}</span> },
            ]}
          >
            {list.items.map((item) => (
              <tr
                key={item.product.id}
                className="border-t border-slate-200"
                data-testid="price-item-row"
              >
                <td className="p-2 font-mono">{item.product.sku}</td>
                <td className="p-2">{item.product.name}</td>
                <td className="p-2 text-right">{money(item.product.listPriceCents)}</td>
                <td className="p-2 text-right font-semibold">{money(item.priceCents)}</td>
                <td className="flex justify-end gap-2 p-2">
                  <Link
                    to={`?sku=${encodeURIComponent(item.product.sku)}&page=${list.page}#set-heading`}
                    className="px-2 py-2 text-sm text-brand-700 underline"
                    aria-label={t('pricing.items.changeOf', { sku: item.product.sku })}
                  >
                    {t('pricing.items.change')}
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="productId" value={item.product.id} />
                    <Button
                      type="submit"
                      variant="danger"
                      disabled={busy}
                      aria-label={t('pricing.items.removeOf', { sku: item.product.sku })}
                    >
                      {t('pricing.items.remove')}
                    </Button>
                  </Form>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} />
      </section>

      <section aria-labelledby="tiers-heading" className="space-y-2">
        <h2 id="tiers-heading" className="text-lg font-semibold">
          {t('pricing.tiers.title')}
        </h2>
        {list.tiers.length === 0 ? (
          <p className="text-sm text-slate-600">{t('pricing.tiers.none')}</p>
        ) : (
          <DataTable
            columns={[
              { label: t('pricing.items.sku') },
              { label: t('pricing.items.product') },
              { label: t('pricing.tiers.minQuantity'), align: 'right' },
              { label: t('pricing.items.price'), align: 'right' },
              { label: <span className="sr-only">{t('pricing.items.actions')}</span> },
            ]}
          >
            {list.tiers.map((tier) => (
              <tr key={tier.id} className="border-t border-slate-200" data-testid="price-tier-row">
                <td className="p-2 font-mono">{tier.product.sku}</td>
                <td className="p-2">{tier.product.name}</td>
                <td className="p-2 text-right">{tier.minQuantity}</td>
                <td className="p-2 text-right">{money(tier.priceCents)}</td>
                <td className="p-2 text-right">
                  <Form method="post">
                    <input type="hidden" name="intent" value="removeTier" />
                    <input type="hidden" name="tierId" value={tier.id} />
                    <Button
                      type="submit"
                      variant="danger"
                      disabled={busy}
                      aria-label={t('pricing.tiers.removeOf', {
                        sku: tier.product.sku,
                        quantity: tier.minQuantity,
                      })}
                    >
                      {t('pricing.items.remove')}
                    </Button>
                  </Form>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="font-semibold">{t('pricing.tiers.add')}</h3>
          <p className="text-sm text-slate-700">{t('pricing.tiers.addHelp')}</p>
          {tierAdded ? <Alert tone="success">{t('pricing.tiers.added')}</Alert> : null}
          <FormErrors form={tierForm} />
          <Form method="post" className="grid gap-3 sm:grid-cols-4" {...formProps(tierForm)}>
            <input type="hidden" name="intent" value="tier" />
            <Field meta={tierFields.sku} label={t('pricing.items.sku')} />
            <Field
              meta={tierFields.minQuantity}
              type="number"
              label={t('pricing.tiers.minQuantity')}
              inputProps={{ min: 2, inputMode: 'numeric' }}
            />
            <Field
              meta={tierFields.price}
              label={t('pricing.items.price')}
              inputProps={{ inputMode: 'decimal' }}
            />
            <div className="self-end">
              <Button type="submit" variant="secondary" disabled={busy}>
                {t('pricing.tiers.save')}
              </Button>
            </div>
          </Form>
        </div>
      </section>

      <section aria-labelledby="accounts-heading" className="space-y-2">
        <h2 id="accounts-heading" className="text-lg font-semibold">
          {t('pricing.lists.accounts')} ({list.accounts.length})
        </h2>
        <p className="text-sm text-slate-700">{t('pricing.lists.assignHelp')}</p>
        {list.accounts.length === 0 ? (
          <p className="text-sm text-slate-600">{t('pricing.lists.noAccounts')}</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="price-list-accounts">
            {list.accounts.map((account) => (
              <li key={account.id}>
                <Link to={`/admin/accounts/${account.id}`} className="text-brand-700 underline">
                  {account.tradeName}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
