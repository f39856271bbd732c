import { normalizeSearchText } from '~/domain/catalog/search-text'

/** What account search matches: both names, case- and accent-insensitive on every database. */
export function accountSearchText(account: { tradeName: string; legalName: string }): string {
  return normalizeSearchText(`${account.tradeName} ${account.legalName}`)
}
