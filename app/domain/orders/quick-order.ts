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

/**
 * What stays in the quick-order field after a submit: every line but those that went into the
 * cart (so that correcting a refused line and sending again does not add the others twice),
 * and each error's line number moved to where its line now is.
 */
export function remainingQuickOrder<E extends { line: number }>(
  text: string,
  addedLines: readonly number[],
  errors: readonly E[],
): { text: string; errors: E[] } {
  const added = new Set(addedLines)
  const kept: string[] = []
  const moved = new Map<number, number>()
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1
    if (added.has(line) || raw.trim() === '') return
    kept.push(raw)
    moved.set(line, kept.length)
  })
  return {
    text: kept.join('\n'),
    errors: errors.map((error) => ({ ...error, line: moved.get(error.line) ?? error.line })),
  }
}
