import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { registerSentMessages, SentMessagesProvider } from './components/messages'

const messages = registerSentMessages()

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <SentMessagesProvider value={messages}>
        <RemixBrowser />
      </SentMessagesProvider>
    </StrictMode>,
  )
})
