import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, Outlet, useLoaderData } from '@remix-run/react'
import { listMailbox, requireMailboxAccess } from '~/utils/mailbox.server'
import { useT } from '~/utils/use-t'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMailboxAccess(request)
  const to = new URL(request.url).searchParams.get('to')?.trim().toLowerCase() || undefined
  const messages = await listMailbox(to)
  return json({ messages, to: to ?? '' })
}

export default function Mailbox() {
  const { messages, to } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-4 p-6">
      <h1 className="text-2xl font-bold">{t('mailbox.title')}</h1>
      <p className="text-sm text-slate-600">{t('mailbox.intro')}</p>
      <form method="get" className="flex gap-2">
        <label htmlFor="mailbox-to" className="sr-only">
          {t('mailbox.to')}
        </label>
        <input
          id="mailbox-to"
          name="to"
          type="email"
          defaultValue={to}
          placeholder={t('mailbox.to')}
          className="rounded-md border border-slate-300 px-3 py-2"
        />
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-2 text-sm text-white">
          {t('catalog.searchButton')}
        </button>
      </form>
      {messages.length === 0 ? (
        <p>{t('mailbox.empty')}</p>
      ) : (
        <table className="w-full bg-white text-sm">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="p-2">
                {t('mailbox.sent')}
              </th>
              <th scope="col" className="p-2">
                {t('mailbox.to')}
              </th>
              <th scope="col" className="p-2">
                {t('mailbox.subject')}
              </th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id} className="border-t border-slate-200" data-testid="mail-row">
                <td className="p-2">{date(message.createdAt, 'datetime')}</td>
                <td className="p-2">{message.to}</td>
                <td className="p-2">
                  <Link to={`/dev/mailbox/${message.id}`} className="text-brand-700 underline">
                    {message.subject}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Outlet />
    </main>
  )
}
