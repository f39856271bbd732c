import { redirect, redirectDocument, type ActionFunctionArgs } from '@remix-run/node'
import { destroySession } from '~/utils/auth.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await destroySession(request)
  return redirectDocument('/auth/login', { headers: { 'Set-Cookie': cookie } })
}
