import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { registerSentMessages, SentMessagesProvider } from './components/messages'
import { stylesInPage, StylesProvider } from './components/page-styles'

const messages = registerSentMessages()
const styles = stylesInPage()

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <StylesProvider value={styles}>
        <SentMessagesProvider value={messages}>
          <RemixBrowser />
        </SentMessagesProvider>
      </StylesProvider>
    </StrictMode>,
  )
})
