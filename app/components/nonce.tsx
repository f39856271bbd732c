import { createContext, useContext } from 'react'

const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

/** The CSP nonce on the server; the browser hides nonces, so it is empty after hydration. */
export function useNonce(): string {
  return useContext(NonceContext)
}
