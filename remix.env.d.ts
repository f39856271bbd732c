/// <reference types="@remix-run/dev" />

import '@remix-run/node'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Per-response nonce allowed by the Content-Security-Policy for inline scripts. */
    cspNonce: string
    /** The client address as Express sees it (set "trust proxy" behind a proxy). */
    clientIp: string
  }
}
