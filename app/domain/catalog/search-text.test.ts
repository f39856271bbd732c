import { normalizeSearchText, productSearchText, searchTerms } from './search-text'

describe('search text', () => {
  it('drops accents and case so "argamassa" finds "Argamassa" and "cimento" finds "Cimento"', () => {
    expect(normalizeSearchText('Argamassa Colante AC-III')).toBe('argamassa colante ac iii')
    expect(normalizeSearchText('Cimento CP-II')).toBe('cimento cp ii')
    expect(normalizeSearchText('Tubo PVC Água Fria ½"')).toBe('tubo pvc agua fria')
    expect(normalizeSearchText('Ação ÇÃÕÉ')).toBe('acao caoe')
  })

  it('indexes SKU and name together', () => {
    expect(productSearchText({ sku: 'ARG-0101', name: 'Argamassa Plástica' })).toBe(
      'arg 0101 argamassa plastica',
    )
  })

  it('splits a query into normalised terms and ignores punctuation-only input', () => {
    expect(searchTerms('  CIMENTO   cp-ii ')).toEqual(['cimento', 'cp', 'ii'])
    expect(searchTerms('%_%')).toEqual([])
  })
})
