import { ProductImage } from '~/components/product-image'
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AddToCart } from '~/components/add-to-cart'
import { Pagination } from '~/components/pagination'
import { EmptyState } from '~/components/ui/empty-state'
import { Alert } from '~/components/ui/primitives'
import { type FamilyNode, searchCatalogForAccount } from '~/domain/catalog/catalog.server'
import { requireBuyer } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.catalog') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBuyer(request)
  const url = new URL(request.url)
  const q = (url.searchParams.get('q') ?? '').slice(0, 100)
  const family = url.searchParams.get('family') ?? undefined
  const page = Number(url.searchParams.get('page') ?? '1') || 1
  const result = await searchCatalogForAccount(user.accountId, { q, family, page })
  return json({ ...result, q, family: family ?? null })
}

function FamilyLinks({ nodes, current }: { nodes: FamilyNode[]; current: string | null }) {
  return (
    <ul className="space-y-1">
      {nodes.map((node) => (
        <li key={node.id}>
          <Link
            to={`/catalog?family=${node.slug}`}
            aria-current={current === node.slug ? 'page' : undefined}
            className="block rounded px-2 py-1 text-sm hover:bg-slate-100 aria-[current=page]:bg-brand-100 aria-[current=page]:font-semibold"
          >
            {node.name}
          </Link>
          {node.children.length ? (
            <div className="ml-3">
              <FamilyLinks nodes={node.children} current={current} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export default function Catalog() {
  const { products, families, familyFound, total, page, pageCount, q, family } =
    useLoaderData<typeof loader>()
  const { t, money } = useT()
  return (
    <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
      <aside aria-labelledby="families-heading">
        <h2 id="families-heading" className="mb-2 text-sm font-semibold uppercase text-slate-600">
          {t('catalog.families')}
        </h2>
        <Link to="/catalog" className="mb-1 block rounded px-2 py-1 text-sm hover:bg-slate-100">
          {t('catalog.allFamilies')}
        </Link>
        <FamilyLinks nodes={families} current={family} />
      </aside>
      <section aria-labelledby="catalog-heading" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 id="catalog-heading" className="text-2xl font-bold">
            {t('catalog.title')}
          </h1>
          <p className="text-sm text-slate-600" aria-live="polite">
            {q
              ? t('catalog.resultsFor', { count: total, q })
              : t('catalog.results', { count: total })}
          </p>
        </div>
        {!familyFound ? <Alert tone="warning">{t('catalog.familyNotFound')}</Alert> : null}
        {products.length === 0 ? (
          <EmptyState
            message={t('catalog.empty')}
            linkTo="/catalog"
            linkLabel={t('catalog.clear')}
          />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {products.map((product) => (
              <li
                key={product.id}
                className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
                data-testid="product-card"
              >
                <Link
                  to={`/products/${encodeURIComponent(product.sku)}`}
                  tabIndex={-1}
                  aria-hidden="true"
                  className="block"
                >
                  <ProductImage
                    fileId={product.imageFileId}
                    name={product.name}
                    family={product.family.name}
                    size={320}
                    sizes="(min-width: 1024px) 18rem, (min-width: 640px) 45vw, 90vw"
                    className="h-40 w-full"
                  />
                </Link>
                <p className="text-xs text-slate-600">
                  {product.family.name} · {product.sku}
                </p>
                <h2 className="font-semibold">
                  <Link
                    to={`/products/${encodeURIComponent(product.sku)}`}
                    className="hover:underline"
                  >
                    {product.name}
                  </Link>
                </h2>
                <p className="text-lg font-bold text-brand-800">
                  {money(product.priceCents)}{' '}
                  <span className="text-xs font-normal text-slate-600">/ {product.unit}</span>
                </p>
                {product.packSize > 1 ? (
                  <p className="text-xs text-slate-600">
                    {t('product.pack', { pack: product.packSize })}
                  </p>
                ) : null}
                <div className="mt-auto">
                  <AddToCart
                    productId={product.id}
                    name={product.name}
                    packSize={product.packSize}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pageCount={pageCount} />
      </section>
    </div>
  )
}
