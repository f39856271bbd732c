import { createContext, useContext } from 'react'

const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

/** The CSP nonce: the request's on the server, read from the page's scripts in the browser. */
export function useNonce(): string {
  return useContext(NonceContext)
}
