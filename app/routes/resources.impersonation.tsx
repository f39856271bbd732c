import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { stopImpersonation } from '~/domain/identity/impersonation.server'

export async function loader() {
  return redirect('/')
}

/** Ends "acting as a customer" and returns the staff member to the back office. */
export async function action({ request }: ActionFunctionArgs) {
  const result = await stopImpersonation(request)
  if (!result) return redirect('/')
  return redirect(result.redirectTo, { headers: { 'Set-Cookie': result.cookie } })
}
