import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { registerSentMessages, SentMessagesProvider } from './components/messages'
import { NonceProvider } from './components/nonce'
import { stylesInPage, StylesProvider } from './components/page-styles'

const messages = registerSentMessages()
const styles = stylesInPage()
// The page's CSP nonce, which browsers hide from attributes but keep on the element: should the
// page ever render anew in the browser, its <style> elements must carry it too.
const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? ''

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <NonceProvider value={nonce}>
        <StylesProvider value={styles}>
          <SentMessagesProvider value={messages}>
            <RemixBrowser />
          </SentMessagesProvider>
        </StylesProvider>
      </NonceProvider>
    </StrictMode>,
  )
})
