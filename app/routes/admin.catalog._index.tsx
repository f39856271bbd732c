import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useFormMessage } from '~/components/forms'
import { Pagination } from '~/components/pagination'
import { familyOptionLabel } from '~/components/product-form'
import { selectClass } from '~/components/segment-fields'
import { EmptyState } from '~/components/ui/empty-state'
import { Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import {
  listFamilyTree,
  listProductsForAdmin,
  parseProductFilters,
} from '~/domain/catalog/catalog-admin.server'
import { requireStaff } from '~/utils/auth.server'
import { formMessage } from '~/utils/form-schema'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.catalog') }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'catalog:manage')
  const filters = parseProductFilters(new URL(request.url).searchParams)
  const [list, families] = await Promise.all([listProductsForAdmin(filters), listFamilyTree()])
  return json({ ...list, families, filters })
}

const linkButton =
  'rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800'

export default function CatalogPage() {
  const { products, total, page, pageCount, families, filters } = useLoaderData<typeof loader>()
  const { t, money } = useT()
  const message = useFormMessage()
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('catalogAdmin.title')}</h1>
        <div className="flex flex-wrap gap-2">
          <Link
            to="/admin/catalog/families"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
          >
            {t('catalogAdmin.families')}
          </Link>
          <Link to="/admin/catalog/new" className={linkButton}>
            {t('catalogAdmin.newProduct')}
          </Link>
        </div>
      </div>
      <p className="text-sm text-slate-600">{t('catalogAdmin.intro')}</p>
      <Form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
        aria-label={t('catalogAdmin.filters')}
      >
        <label className="flex flex-col text-sm">
          {t('catalogAdmin.search')}
          <input
            type="search"
            name="q"
            defaultValue={filters.q ?? ''}
            maxLength={100}
            className={selectClass}
          />
        </label>
        <label className="flex flex-col text-sm">
          {t('catalogAdmin.family')}
          <select name="family" defaultValue={filters.familyId ?? ''} className={selectClass}>
            <option value="">{t('catalogAdmin.anyFamily')}</option>
            {families.map((family) => (
              <option key={family.id} value={family.id}>
                {familyOptionLabel(family, t('familyAdmin.inactive'))}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t('catalogAdmin.status')}
          <select name="status" defaultValue={filters.status ?? ''} className={selectClass}>
            <option value="">{t('catalogAdmin.anyStatus')}</option>
            <option value="active">{t('catalogAdmin.active')}</option>
            <option value="inactive">{t('catalogAdmin.inactive')}</option>
          </select>
        </label>
        <Button type="submit">{t('catalogAdmin.apply')}</Button>
        <Link to="/admin/catalog" className="py-2 text-sm underline">
          {t('catalogAdmin.clear')}
        </Link>
      </Form>
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="products-total">
        {message(formMessage('catalogAdmin.count', { count: total }))}
      </p>
      {products.length === 0 ? (
        <EmptyState
          message={t('catalogAdmin.empty')}
          linkTo="/admin/catalog"
          linkLabel={t('catalogAdmin.clear')}
        />
      ) : (
        <DataTable
          columns={[
            { label: t('catalogAdmin.sku') },
            { label: t('catalogAdmin.name') },
            { label: t('catalogAdmin.family') },
            { label: t('catalogAdmin.pack') },
            { label: t('catalogAdmin.listPrice') },
            { label: t('catalogAdmin.stock') },
            { label: t('catalogAdmin.status') },
          ]}
        >
          {products.map((product) => (
            <tr key={product.id} className="border-t border-slate-200" data-testid="product-row">
              <td className="p-2 font-mono">{product.sku}</td>
              <td className="p-2">
                <Link
                  to={`/admin/catalog/${product.id}`}
                  className="font-medium text-brand-700 underline"
                >
                  {product.name}
                </Link>
              </td>
              <td className="p-2">
                {product.family.name}
                {product.family.active ? null : (
                  <span className="block text-xs text-red-700">
                    {t('catalogAdmin.familyInactive')}
                  </span>
                )}
              </td>
              <td className="p-2">
                {product.packSize} {product.unit}
              </td>
              <td className="p-2">{money(product.listPriceCents)}</td>
              <td className="p-2">{product.stock ?? '—'}</td>
              <td className="p-2">
                {product.active ? (
                  t('catalogAdmin.active')
                ) : (
                  <span className="font-semibold text-red-700">{t('catalogAdmin.inactive')}</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  )
}
