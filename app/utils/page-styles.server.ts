import fs from 'node:fs'
import path from 'node:path'

const cache = new Map<string, string | null>()

/**
 * The text of a built stylesheet (`/build/_assets/…css`, fingerprinted, so it is read once), or
 * null when it cannot be read: the page then links to it.
 */
export function builtStylesheet(href: string): string | null {
  const cached = cache.get(href)
  if (cached !== undefined) return cached
  let css: string
  try {
    css = fs.readFileSync(path.join('public', href), 'utf8')
  } catch (error) {
    // Linked this time, tried again on the next page (a build may be under way).
    console.warn(`Styles not inlined: ${href} could not be read`, error)
    return null
  }
  // Never expected from the build; such a text could not sit in a <style> element.
  const usable = css.includes('</') ? null : css
  cache.set(href, usable)
  return usable
}
