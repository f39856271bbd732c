import { Outlet } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { ErrorPage } from '~/components/error-page'

export default function AuthLayout() {
  return (
    <AuthCard>
      <Outlet />
    </AuthCard>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
