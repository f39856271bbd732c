import { useRouteLoaderData } from '@remix-run/react'
import { type loader as rootLoader } from '~/root'

/** The company's name and branding (settings), as the root loader read them for this page. */
export function useBranding() {
  const brand = useRouteLoaderData<typeof rootLoader>('root')?.brand
  return (
    brand ?? {
      companyName: 'Reativa',
      brandColor: null,
      supportPhone: null,
      whatsapp: null,
      whatsappUrl: null,
      logo: null,
    }
  )
}

export function useCompanyName(): string {
  return useBranding().companyName
}
