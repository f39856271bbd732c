import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { getUser, homePathFor } from '~/utils/auth.server'

/** The site's root: each user's own home (the catalog, the back office, the rep area). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  throw redirect(user ? homePathFor(user.role) : '/auth/login')
}
