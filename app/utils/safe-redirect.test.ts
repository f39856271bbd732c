import { safeRedirect } from './safe-redirect'

describe('safeRedirect', () => {
  it.each([
    ['a tab between slashes', '/\t/evil.example'],
    ['a tab and a backslash', '/\t\\evil.example'],
    ['a line feed', '/\n/evil.example'],
    ['a line feed inside a path', '/orders\nSet-Cookie: x=1'],
    ['a carriage return', '/\r/evil.example'],
    ['an ideographic space (U+3000)', '/\u3000/evil.example'],
    ['a no-break space at the start', '\u00A0//evil.example'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash after the slash', '/\\evil.example'],
    ['a backslash further on', '/orders\\..\\\\evil.example'],
    ['an absolute URL', 'https://evil.example/orders'],
    ['an absolute URL with spaces first', '  https://evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a javascript: URL behind a slash and a tab', '/\tjavascript:alert(1)'],
    ['a relative path', 'orders'],
    ['an encoded protocol-relative URL', '/%2F%2Fevil.example'],
    ['an encoded tab between slashes', '/%09/evil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['a double-encoded backslash', '/%255Cevil.example'],
    ['a value still encoded', '%2F%2Fevil.example'],
    ['a broken escape', '/%E0%A4%A'],
    ['an empty value', ''],
    ['no value', null],
  ])('refuses %s', (_, hostile) => {
    expect(safeRedirect(hostile, '/catalog')).toBe('/catalog')
  })

  it.each([
    ['/orders', '/orders'],
    ['/admin/settings?tab=1', '/admin/settings?tab=1'],
    ['/catalog?q=cimento&page=2#lista', '/catalog?q=cimento&page=2#lista'],
    ['/catalog?q=caf%C3%A9%20preto', '/catalog?q=caf%C3%A9%20preto'],
    ['/orders?redirectTo=%2F%2Fevil.example', '/orders?redirectTo=%2F%2Fevil.example'],
    ['/catálogo', '/cat%C3%A1logo'],
    ['/orders\n', '/orders'],
    [' /orders?x=1\t', '/orders?x=1'],
  ])('keeps the same-site path %j with its query', (good, expected) => {
    expect(safeRedirect(good, '/catalog')).toBe(expected)
  })

  it('answers a value Node can put in a Location header', () => {
    for (const value of ['/\u3000x', '/a\u2028b', '/orders?q=\u3000', '/ü?ç=ã#é', '/\n'])
      expect(safeRedirect(value, '/catalog')).toMatch(/^\/[\x21-\x7E]*$/)
  })
})
