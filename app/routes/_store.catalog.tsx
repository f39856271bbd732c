import { ProductImage } from '~/components/product-image'
import { parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AddToCart } from '~/components/add-to-cart'
import { Pagination } from '~/components/pagination'
import { EmptyState } from '~/components/ui/empty-state'
import { Alert } from '~/components/ui/primitives'
import { UsualBasket } from '~/components/usual-basket'
import { type FamilyNode, searchCatalogForAccount } from '~/domain/catalog/catalog.server'
import { UsualBasketSchema } from '~/domain/orders/cart-forms'
import { usualBasketErrors } from '~/domain/orders/cart-forms.server'
import { loadUsualBasket } from '~/domain/accounts/usual-basket.server'
import { addUsualBasket } from '~/domain/orders/usual-basket.server'
import { replyErrors } from '~/utils/form-schema'
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
  // The usual basket greets a returning buyer on the catalog's first page, not in a search.
  const [result, usual] = await Promise.all([
    searchCatalogForAccount(user.accountId, { q, family, page }),
    !q && !family && page === 1 ? loadUsualBasket(user.accountId) : null,
  ])
  return json({ ...result, q, family: family ?? null, usual })
}

/** The usual basket, with the quantities the buyer left, into the cart; then the cart. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireBuyer(request)
  const submission = parseWithZod(await request.formData(), { schema: UsualBasketSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply() }, { status: 400 })
  }
  const added = await addUsualBasket(user.accountId, submission.value.items)
  if (!added.ok) {
    const result = submission.reply(replyErrors(usualBasketErrors(added.problems)))
    return json({ result }, { status: 400 })
  }
  return redirect(`/cart?usual=${added.added}`)
}

/**
 * The family tree. On a phone it is one row of top-level families that scrolls sideways, so the
 * products start on the first screen; sub-families show from the `md` breakpoint, or on a phone
 * under the family being browsed.
 */
function FamilyLinks({
  nodes,
  current,
  nested = false,
}: {
  nodes: FamilyNode[]
  current: string | null
  nested?: boolean
}) {
  return (
    <ul
      className={
        nested
          ? 'flex gap-2 md:block md:space-y-1'
          : '-mx-1 flex gap-2 overflow-x-auto px-1 pb-1 md:mx-0 md:block md:space-y-1 md:overflow-visible md:p-0'
      }
    >
      {nodes.map((node) => (
        <li key={node.id} className="contents md:block">
          <Link
            to={`/catalog?family=${node.slug}`}
            aria-current={current === node.slug ? 'page' : undefined}
            className="block shrink-0 whitespace-nowrap rounded-full border border-slate-200 px-3 py-1 text-sm hover:bg-slate-100 aria-[current=page]:bg-brand-100 aria-[current=page]:font-semibold md:rounded md:border-0 md:px-2 md:whitespace-normal"
          >
            {node.name}
          </Link>
          {node.children.length ? (
            <div
              className={
                contains(node, current) ? 'contents md:ml-3 md:block' : 'hidden md:ml-3 md:block'
              }
            >
              <FamilyLinks nodes={node.children} current={current} nested />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/** Whether the family being browsed is this one or under it. */
function contains(node: FamilyNode, slug: string | null): boolean {
  return (
    slug !== null && (node.slug === slug || node.children.some((child) => contains(child, slug)))
  )
}

export default function Catalog() {
  const { products, families, familyFound, total, page, pageCount, q, family, usual } =
    useLoaderData<typeof loader>()
  const replied = useActionData<typeof action>()
  const { t, money } = useT()
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-[14rem_minmax(0,1fr)]">
      <div>
        <h2
          id="families-heading"
          className="sr-only md:not-sr-only md:mb-2 md:block md:text-sm md:font-semibold md:uppercase md:text-slate-600"
        >
          {t('catalog.families')}
        </h2>
        <nav aria-labelledby="families-heading" className="flex gap-2 md:block">
          <Link
            to="/catalog"
            aria-current={family === null ? 'page' : undefined}
            className="block shrink-0 whitespace-nowrap rounded-full border border-slate-200 px-3 py-1 text-sm hover:bg-slate-100 aria-[current=page]:bg-brand-100 aria-[current=page]:font-semibold md:mb-1 md:rounded md:border-0 md:px-2"
          >
            {t('catalog.allFamilies')}
          </Link>
          <div className="min-w-0 flex-1">
            <FamilyLinks nodes={families} current={family} />
          </div>
        </nav>
      </div>
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
        {usual ? <UsualBasket basket={usual} lastResult={replied?.result ?? null} /> : null}
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
