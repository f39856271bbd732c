import { createContext, useContext } from 'react'
import { brandStylesheet } from '~/domain/company/brand-style'
import { useNonce } from './nonce'

const ELEMENT_ID = 'app-styles'

const StylesContext = createContext<string | null>(null)

/** The app's stylesheet as text: read from the build on the server, from the page after. */
export const StylesProvider = StylesContext.Provider

/**
 * The app's styles in the page itself, so the first paint waits for no other request (decision
 * 021); a link to the stylesheet when its text is not at hand. Then the company's colour.
 */
export function PageStyles({ href, brandColor }: { href: string; brandColor: string | null }) {
  const css = useContext(StylesContext)
  const nonce = useNonce()
  const brand = brandStylesheet(brandColor)
  return (
    <>
      {css === null ? (
        <link rel="stylesheet" href={href} />
      ) : (
        <style
          id={ELEMENT_ID}
          nonce={nonce}
          suppressHydrationWarning
          dangerouslySetInnerHTML={{ __html: css }}
        />
      )}
      {/* Always there, empty without a colour: a <style> React added later would lack the nonce. */}
      <style nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: brand }} />
    </>
  )
}

/** In the browser, before hydrating: the styles the page came with, to render them the same. */
export function stylesInPage(): string | null {
  return document.getElementById(ELEMENT_ID)?.textContent ?? null
}
