// Kept apart from the settings form: every page's layout uses it, without the form's schema.

/**
 * The theme's brand shades from one colour (validated #rrggbb): the colour itself where text is
 * white on it (700), lighter and darker mixes for hover and tints.
 */
export function brandStylesheet(color: string | null): string {
  if (!color || !/^#[0-9a-f]{6}$/.test(color)) return ''
  return `:root {
  --color-brand-50: color-mix(in srgb, ${color} 6%, white);
  --color-brand-100: color-mix(in srgb, ${color} 18%, white);
  --color-brand-600: color-mix(in srgb, ${color} 88%, white);
  --color-brand-700: ${color};
  --color-brand-800: color-mix(in srgb, ${color} 80%, black);
}
`
}
