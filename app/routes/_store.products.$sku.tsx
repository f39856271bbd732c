import { ProductImage } from '~/components/product-image'
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AddToCart } from '~/components/add-to-cart'
import { getProductForAccount } from '~/domain/catalog/catalog.server'
import { requireBuyer } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'
import { namedTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: namedTitle(matches, data ? data.product.name : null) },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireBuyer(request)
  const product = await getProductForAccount(user.accountId, params.sku ?? '')
  if (!product) throw new Response('Not found', { status: 404 })
  return json({ product })
}

export default function ProductPage() {
  const { product } = useLoaderData<typeof loader>()
  const { t, money } = useT()
  return (
    <article className="max-w-3xl space-y-4">
      <nav aria-label="breadcrumb" className="text-sm text-slate-600">
        <Link to="/catalog" className="underline">
          {t('nav.catalog')}
        </Link>{' '}
        ›{' '}
        <Link to={`/catalog?family=${product.family.slug}`} className="underline">
          {product.family.name}
        </Link>
      </nav>
      <div className="grid gap-4 sm:grid-cols-[20rem_1fr]">
        <ProductImage
          fileId={product.imageFileId}
          name={product.name}
          family={product.family.name}
          size={320}
          sizes="(min-width: 640px) 20rem, 90vw"
          priority
          className="w-full border border-slate-200"
        />
        <div className="space-y-3">
          <h1 className="text-2xl font-bold">{product.name}</h1>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
            <dt className="text-slate-600">{t('product.sku')}</dt>
            <dd>{product.sku}</dd>
            <dt className="text-slate-600">{t('product.unit')}</dt>
            <dd>{product.unit}</dd>
            <dt className="text-slate-600">{t('product.price')}</dt>
            <dd className="text-lg font-bold text-brand-800">{money(product.priceCents)}</dd>
          </dl>
        </div>
      </div>
      {product.tiers.length ? (
        <section aria-labelledby="tiers-heading" className="max-w-sm text-sm">
          <h2 id="tiers-heading" className="font-semibold">
            {t('product.tiers')}
          </h2>
          <table className="mt-1 w-full" data-testid="price-tiers">
            <tbody>
              {product.tiers.map((tier) => (
                <tr key={tier.minQuantity} className="border-t border-slate-200">
                  <td className="py-1">
                    {t('product.tierRow', { quantity: tier.minQuantity, unit: product.unit })}
                  </td>
                  <td className="py-1 text-right font-medium">{money(tier.priceCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {product.packSize > 1 ? (
        <p className="text-sm">{t('product.pack', { pack: product.packSize })}</p>
      ) : null}
      {product.stock !== null ? (
        <p className="text-sm">{t('product.stock', { stock: product.stock })}</p>
      ) : null}
      {product.description ? <p className="text-slate-700">{product.description}</p> : null}
      <AddToCart productId={product.id} name={product.name} packSize={product.packSize} />
    </article>
  )
}
