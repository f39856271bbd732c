/**
 * Quick order: lines of "SKU quantity" or "SKU;quantity" (also tab or comma separated, as
 * pasted from a spreadsheet). Each bad line is reported; the good ones go on.
 */
export const QUICK_ORDER_MAX_LINES = 300

export type QuickOrderEntry = { sku: string; quantity: number; lines: number[] }
export type QuickOrderLineError = {
  line: number
  text: string
  code: 'BAD_FORMAT' | 'BAD_QUANTITY' | 'TOO_MANY_LINES'
}

export function parseQuickOrder(text: string): {
  entries: QuickOrderEntry[]
  errors: QuickOrderLineError[]
} {
  const entries = new Map<string, QuickOrderEntry>()
  const errors: QuickOrderLineError[] = []
  const rows = text.split(/\r?\n/)
  let counted = 0
  rows.forEach((raw, index) => {
    const line = index + 1
    const trimmed = raw.trim()
    if (trimmed === '') return
    counted += 1
    if (counted > QUICK_ORDER_MAX_LINES) {
      if (counted === QUICK_ORDER_MAX_LINES + 1)
        errors.push({ line, text: trimmed, code: 'TOO_MANY_LINES' })
      return
    }
    const match = /^([A-Za-z0-9][A-Za-z0-9._\-/]*)\s*[;\t,\s]\s*(\S+)$/.exec(trimmed)
    if (!match) {
      errors.push({ line, text: trimmed, code: 'BAD_FORMAT' })
      return
    }
    const sku = match[1]!.toUpperCase()
    const quantityText = match[2]!
    if (!/^\d{1,6}$/.test(quantityText) || Number(quantityText) === 0) {
      errors.push({ line, text: trimmed, code: 'BAD_QUANTITY' })
      return
    }
    const existing = entries.get(sku)
    if (existing) {
      existing.quantity += Number(quantityText)
      existing.lines.push(line)
    } else {
      entries.set(sku, { sku, quantity: Number(quantityText), lines: [line] })
    }
  })
  return { entries: [...entries.values()], errors }
}
