import { parseQuickOrder, QUICK_ORDER_MAX_LINES, remainingQuickOrder } from './quick-order'
import { checkQuantity, roundUpToPack } from '~/domain/catalog/quantity'

describe('quick order parsing', () => {
  it('reads "SKU quantity", "SKU;quantity", tabs and commas, upper-casing SKUs', () => {
    const { entries, errors } = parseQuickOrder(
      'cim-0001 10\nARG-0002;20\nTIN-0003\t4\nTUB-0004, 6\n',
    )
    expect(errors).toEqual([])
    expect(entries.map((e) => [e.sku, e.quantity])).toEqual([
      ['CIM-0001', 10],
      ['ARG-0002', 20],
      ['TIN-0003', 4],
      ['TUB-0004', 6],
    ])
  })

  it('reports each bad line with its number and keeps the good ones', () => {
    const { entries, errors } = parseQuickOrder(
      'CIM-0001 10\n\njust words here\nARG-0002 -3\nTIN-0003 2.5\nTUB-0004 0\nX 1',
    )
    expect(entries.map((e) => e.sku)).toEqual(['CIM-0001', 'X'])
    expect(errors).toEqual([
      { line: 3, text: 'just words here', code: 'BAD_FORMAT' },
      { line: 4, text: 'ARG-0002 -3', code: 'BAD_QUANTITY' },
      { line: 5, text: 'TIN-0003 2.5', code: 'BAD_QUANTITY' },
      { line: 6, text: 'TUB-0004 0', code: 'BAD_QUANTITY' },
    ])
  })

  it('adds up a SKU that appears twice', () => {
    const { entries } = parseQuickOrder('CIM-0001 10\ncim-0001;5')
    expect(entries).toEqual([{ sku: 'CIM-0001', quantity: 15, lines: [1, 2] }])
  })

  it('refuses to read past the line limit and says so once', () => {
    const text = Array.from({ length: QUICK_ORDER_MAX_LINES + 5 }, (_, i) => `SKU-${i} 1`).join(
      '\n',
    )
    const { entries, errors } = parseQuickOrder(text)
    expect(entries).toHaveLength(QUICK_ORDER_MAX_LINES)
    expect(errors).toHaveLength(1)
    expect(errors[0]!.code).toBe('TOO_MANY_LINES')
  })
})

describe('pack multiples', () => {
  it('accepts only positive whole multiples of the pack size', () => {
    expect(checkQuantity(12, 6)).toBeNull()
    expect(checkQuantity(7, 6)).toBe('NOT_PACK_MULTIPLE')
    expect(checkQuantity(0, 1)).toBe('NOT_POSITIVE')
    expect(checkQuantity(1.5, 1)).toBe('NOT_A_WHOLE_NUMBER')
    expect(checkQuantity(1_000_000, 1)).toBe('TOO_LARGE')
  })

  it('rounds a reorder quantity up to whole packs', () => {
    expect(roundUpToPack(7, 6)).toBe(12)
    expect(roundUpToPack(12, 6)).toBe(12)
    expect(roundUpToPack(1, 10)).toBe(10)
  })
})

describe('what stays in the quick-order field', () => {
  it('keeps only the refused lines, with their errors renumbered to where they now are', () => {
    const text = 'CIM-0001 10\n\nNAO-EXISTE 2\nCIM-0003 5\nREJ-1 7\nCIM-0001 5'
    const errors = [
      { line: 3, code: 'UNKNOWN_SKU' },
      { line: 5, code: 'NOT_PACK_MULTIPLE' },
    ]
    expect(remainingQuickOrder(text, [1, 4, 6], errors)).toEqual({
      text: 'NAO-EXISTE 2\nREJ-1 7',
      errors: [
        { line: 1, code: 'UNKNOWN_SKU' },
        { line: 2, code: 'NOT_PACK_MULTIPLE' },
      ],
    })
  })

  it('is empty when every line went into the cart', () => {
    expect(remainingQuickOrder('A-1 1\r\nB-2 2\n', [1, 2], [])).toEqual({ text: '', errors: [] })
  })
})
