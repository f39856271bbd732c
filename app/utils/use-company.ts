import { useRouteLoaderData } from '@remix-run/react'
import { type loader as rootLoader } from '~/root'

/** The company's name (settings), as the root loader read it for this page. */
export function useCompanyName(): string {
  return useRouteLoaderData<typeof rootLoader>('root')?.companyName ?? 'Reativa'
}
