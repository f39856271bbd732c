/**
 * Building blocks for the zod schemas of our forms (one schema per form, beside the domain input
 * it feeds, shared by the action and the component through Conform; see
 * app/components/forms.tsx).
 *
 * An error message is a message key, translated where it is shown, with the values it needs
 * after a space as JSON: `offerForm.unknownSkus {"count":2,"skus":"A-1, B-2"}`. Money travels
 * in cents and dates as ISO strings, so that the reader's language formats them, and a value
 * may itself be a message; a `count` picks the plural form of the key (`key.one` /
 * `key.other`) when the locale files have one.
 */
import { getZodConstraint } from '@conform-to/zod'
import { z } from 'zod'
import { parseBrazilianDate, parseBrazilianMoney } from './csv-text'
import { type MessageKey } from './i18n'

export type FormMessageValue =
  | string
  | number
  | { money: number }
  | { date: string }
  | { message: string }
export type FormMessageValues = Record<string, FormMessageValue>

/** Message keys without their plural suffix, so that `count` can choose the form. */
type PluralBase<K> = K extends `${infer Base}.one` ? Base : never
export type FormMessageKey = MessageKey | PluralBase<MessageKey>

export function formMessage(key: FormMessageKey, values?: FormMessageValues): string {
  return values ? `${key} ${JSON.stringify(values)}` : key
}

export function readFormMessage(message: string): { key: string; values: FormMessageValues } {
  const space = message.indexOf(' ')
  if (space < 0) return { key: message, values: {} }
  try {
    const values: unknown = JSON.parse(message.slice(space + 1))
    if (values && typeof values === 'object') {
      return { key: message.slice(0, space), values: values as FormMessageValues }
    }
  } catch {
    // Not one of ours (a library's own message): shown as a generic error.
  }
  return { key: message, values: {} }
}

export const REQUIRED = formMessage('form.required')

const requiredFields = new WeakSet<z.ZodTypeAny>()

/**
 * Text that must be filled in, trimmed, between `min` and `max` characters. A missing value
 * is an error like any other rather than a type error, so that zod still runs the form's
 * other checks (between fields, against the database) and every problem is reported at once.
 */
export function requiredText(
  max: number,
  { min = 1, upperCase = false }: { min?: number; upperCase?: boolean } = {},
) {
  const text = z.string({ invalid_type_error: REQUIRED }).trim()
  const schema = (upperCase ? text.toUpperCase() : text)
    .max(max, formMessage('form.tooLong', { count: max }))
    .optional()
    // Typed as a guard: once the form parses, the text is there. (Refinements only: a
    // transform after a failed check would stop zod, as a type error does.)
    .superRefine((text, ctx): text is string => {
      if (!text) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: REQUIRED })
      } else if (text.length < min) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: formMessage('form.tooShort', { count: min }),
        })
      }
      return !!text
    })
  requiredFields.add(schema)
  return schema
}

/**
 * The HTML constraints of a form's fields (`required`, `maxLength`…) for `useForm`, from
 * Conform's reading of the schema, with `required` on the fields made with `requiredText`.
 */
export function formConstraint(schema: z.ZodTypeAny) {
  const required = new Set<string>()
  let object: z.ZodTypeAny = schema
  while (object instanceof z.ZodEffects) object = object.innerType()
  if (object instanceof z.ZodObject) {
    for (const [name, field] of Object.entries(object.shape as Record<string, z.ZodTypeAny>)) {
      for (let inner: z.ZodTypeAny = field; ; inner = inner.innerType()) {
        if (requiredFields.has(inner)) required.add(name)
        if (required.has(name) || !(inner instanceof z.ZodEffects)) break
      }
    }
  }
  // Conform's answer resolves names lazily (list items…): amend it as it is read.
  return new Proxy(getZodConstraint(schema), {
    get(target, name, receiver) {
      const constraint: unknown = Reflect.get(target, name, receiver)
      return typeof name === 'string' && required.has(name)
        ? { ...(constraint as object), required: true }
        : constraint
    },
  })
}

/** Text that may be left empty (Conform turns an empty field into undefined), trimmed. */
export function optionalText(max: number) {
  return z
    .string({ invalid_type_error: formMessage('form.invalid') })
    .trim()
    .max(max, formMessage('form.tooLong', { count: max }))
    .optional()
}

/** "1.500,00", "1500.5" or "R$ 30" as cents, or null if it is not an amount in [min, max]. */
export function moneyCents(text: string, { min = 0, max = 1_000_000_000 } = {}): number | null {
  const cents = parseBrazilianMoney(text)
  return cents === null || cents < min || cents > max ? null : cents
}

/** A whole number typed as text ("30"), or null if it is not one in [min, max]. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,12}$/.test(text.trim())) return null
  const n = Number(text)
  return n < min || n > max ? null : n
}

/** A day typed as 2026-12-31 (date inputs) or 31/12/2026: its first moment in Brasília. */
export function brazilianDay(text: string): Date | null {
  return parseBrazilianDate(text)
}

/** Words of a pasted list: one per line, or separated by commas, semicolons or spaces. */
export function listItems(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean)
}

/** Adds an issue to a field (or to the form, with no field) from inside a refinement. */
export function addFormIssue(
  ctx: z.RefinementCtx,
  field: string | null,
  key: FormMessageKey,
  values?: FormMessageValues,
) {
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    path: field === null ? [] : [field],
    message: formMessage(key, values),
  })
}

/** Messages by field name, '' for the form itself: what Conform shows beside each field. */
export type FormErrors = Record<string, string[]>

/** A zod error as Conform names its fields (`lines[0].sku`). */
export function formErrorsOf(error: z.ZodError): FormErrors {
  const errors: FormErrors = {}
  for (const issue of error.issues) {
    const name = issue.path.reduce<string>(
      (path, segment) =>
        typeof segment === 'number' ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment,
      '',
    )
    ;(errors[name] ??= []).push(issue.message)
  }
  return errors
}

/** Errors a domain function found after the schema passed, in `submission.reply()`'s terms. */
export function replyErrors(errors: FormErrors) {
  const { '': formErrors = [], ...fieldErrors } = errors
  return { formErrors, fieldErrors }
}
