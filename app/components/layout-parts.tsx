import { Form } from '@remix-run/react'
import { useT } from '~/utils/use-t'

/** The first thing a keyboard user meets on every page: a jump to the main content. */
export function SkipToContent() {
  const { t } = useT()
  return (
    <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
      {t('nav.skip')}
    </a>
  )
}

export function LogoutButton({ className = 'underline' }: { className?: string }) {
  const { t } = useT()
  return (
    <Form method="post" action="/auth/logout">
      <button type="submit" className={className}>
        {t('nav.logout')}
      </button>
    </Form>
  )
}
