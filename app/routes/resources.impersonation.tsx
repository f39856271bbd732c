import { redirect, redirectDocument, type ActionFunctionArgs } from '@remix-run/node'
import { stopImpersonation } from '~/domain/identity/impersonation.server'

export async function loader() {
  return redirect('/')
}

/** Ends "acting as a customer" and returns the staff member to the back office. */
export async function action({ request }: ActionFunctionArgs) {
  const result = await stopImpersonation(request)
  if (!result) return redirect('/')
  // A new page: back to staff, with every message (components/messages).
  return redirectDocument(result.redirectTo, { headers: { 'Set-Cookie': result.cookie } })
}
