/**
 * Campaign subjects and messages are written once for many accounts: placeholders are filled
 * per invitation. Both languages' names work, so a template reads naturally in either.
 */
export const PLACEHOLDERS = {
  account: ['{loja}', '{account}'],
  rep: ['{representante}', '{rep}'],
} as const

export type TemplateValues = { account: string; rep: string | null }

export function fillTemplate(template: string, values: TemplateValues, noRep: string): string {
  let out = template
  for (const name of PLACEHOLDERS.account) out = out.split(name).join(values.account)
  for (const name of PLACEHOLDERS.rep) out = out.split(name).join(values.rep ?? noRep)
  return out
}

/** Placeholders in braces that are not one of ours: almost certainly a typo the manager should see. */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>([...PLACEHOLDERS.account, ...PLACEHOLDERS.rep])
  return [...new Set(template.match(/\{[^{}\s]{1,30}\}/g) ?? [])].filter((p) => !known.has(p))
}
