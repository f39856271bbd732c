/**
 * Search is case- and accent-insensitive on every database: products keep a normalised copy
 * of their SKU and name, and queries are normalised the same way before a LIKE match.
 */
export function normalizeSearchText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

export function productSearchText(product: { sku: string; name: string }): string {
  return normalizeSearchText(`${product.sku} ${product.name}`)
}

/** Words of a query, each of which must appear in a product's search text. */
export function searchTerms(query: string): string[] {
  return normalizeSearchText(query).split(' ').filter(Boolean).slice(0, 8)
}

/** Products whose SKU and name contain every term of `query` (any case, any accents). */
export function productTextWhere(query: string): { AND?: { searchText: { contains: string } }[] } {
  const terms = searchTerms(query)
  return terms.length ? { AND: terms.map((term) => ({ searchText: { contains: term } })) } : {}
}
