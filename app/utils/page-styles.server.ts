import fs from 'node:fs'
import path from 'node:path'

const cache = new Map<string, string | null>()

/**
 * The text of a built stylesheet (`/build/_assets/…css`, fingerprinted, so it is read once), or
 * null when it cannot be read: the page then links to it.
 */
export function builtStylesheet(href: string): string | null {
  let css = cache.get(href)
  if (css === undefined) {
    try {
      css = fs.readFileSync(path.join('public', href), 'utf8')
      // Never expected from the build; such a text could not sit in a <style> element.
      if (css.includes('</')) css = null
    } catch (error) {
      console.warn(`Styles not inlined: ${href} could not be read`, error)
      css = null
    }
    cache.set(href, css)
  }
  return css
}
