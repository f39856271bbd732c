import type { MetaArgs } from '@remix-run/node'

/** The company's name (settings) for a page's title, as the root loader read it. */
export function companyOf(matches: MetaArgs['matches']): string {
  const root = matches.find((match) => match.id === 'root')?.data as
    | { brand?: { companyName?: string } }
    | undefined
  return root?.brand?.companyName ?? 'Reativa'
}
