/**
 * The form contract's UI (as epic-stack does it, with Conform): each field takes the field's
 * metadata from `useForm`, shows its label, its hint and its errors beside it, and carries
 * `aria-invalid` and `aria-describedby` (the error list, then the hint). Error messages are
 * message keys from the zod schemas (app/utils/form-schema.ts), translated here.
 */
import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from '@conform-to/react'
import type {
  DefaultValue,
  FieldMetadata,
  FormMetadata,
  Submission,
  SubmissionResult,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { useCallback, useMemo } from 'react'
import type {
  InputHTMLAttributes,
  MouseEvent,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react'
import type { z } from 'zod'
import { formConstraint, readFormMessage } from '~/utils/form-schema'
import { pluralKey } from '~/utils/i18n'
import { useT } from '~/utils/use-t'
import { Alert } from './ui/primitives'

export const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-invalid:border-red-600 aria-invalid:ring-1 aria-invalid:ring-red-600'
const labelClass = 'text-sm font-medium text-slate-700'
const choiceClass =
  'aria-invalid:outline-2 aria-invalid:outline-offset-1 aria-invalid:outline-red-600'

type Reader = Pick<ReturnType<typeof useT>, 't' | 'money' | 'date' | 'locale'>

/** A form error (a message key with its values) in the reader's language. */
export function formMessageText(reader: Reader, message: string): string {
  const { t, money, date, locale } = reader
  const { key, values } = readFormMessage(message)
  const vars: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(values)) {
    vars[name] =
      typeof value !== 'object'
        ? value
        : 'money' in value
          ? money(value.money)
          : 'date' in value
            ? date(value.date)
            : formMessageText(reader, value.message)
  }
  const found = pluralKey(key, values.count, locale)
  return found ? t(found, vars) : t('form.invalid')
}

/** Translates form errors in the reader's language. */
export function useFormMessage() {
  const { t, money, date, locale } = useT()
  return useCallback(
    (message: string) => formMessageText({ t, money, date, locale }, message),
    [t, money, date, locale],
  )
}

/**
 * A click on a button, checkbox or radio does not first move the focus there: leaving the field
 * being typed in would validate it mid-click, and its new error would push the control away
 * from the pointer, so the click would be lost. The submit checks every field anyway; the
 * keyboard moves focus as usual.
 */
function keepFocusWhileClicking(event: MouseEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement
  const choice = 'input[type="checkbox"], input[type="radio"]'
  if (target.closest(`button, ${choice}`) || target.closest('label')?.querySelector(choice)) {
    event.preventDefault()
  }
}

/**
 * The form contract's `useForm`: the browser checks what the schema says before sending
 * (`required`, `min`, `maxLength`…), the schema runs as a field is left and again on each key
 * while it is wrong, and the action's answer (`lastResult`) puts the server's errors beside the
 * same fields. `schema` may be chosen per submit (a preview button validating less than save).
 */
export function useContractForm<Schema extends z.ZodTypeAny>(
  schema: Schema,
  {
    id,
    lastResult,
    defaultValue,
    schemaFor,
  }: {
    id: string
    lastResult?: SubmissionResult<string[]> | null
    defaultValue?: DefaultValue<z.input<Schema>>
    /** The schema for this submit, when it depends on the button pressed. */
    schemaFor?: (formData: FormData) => z.ZodTypeAny
  },
) {
  const constraint = useMemo(() => formConstraint(schema), [schema])
  return useForm<z.input<Schema>, z.output<Schema>>({
    id,
    lastResult,
    defaultValue,
    constraint,
    onValidate: ({ formData }) =>
      // A per-submit schema validates the same fields (or fewer), so the form's types hold.
      parseWithZod(formData, { schema: schemaFor?.(formData) ?? schema }) as Submission<
        z.input<Schema>,
        string[],
        z.output<Schema>
      >,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
}

/** `getFormProps` for a Remix `<Form>`, with the click guard above. */
export function formProps<Schema extends Record<string, unknown>>(form: FormMetadata<Schema>) {
  return { ...getFormProps(form), onMouseDown: keepFocusWhileClicking }
}

export function ErrorList({
  id,
  errors,
  testId,
}: {
  id?: string
  errors?: readonly string[] | null
  testId?: string
}) {
  const message = useFormMessage()
  // The same message twice (two checks failing alike) is shown once.
  const shown = [...new Set(errors?.filter(Boolean))]
  if (!shown.length) return null
  return (
    <ul id={id} data-testid={testId} className="space-y-0.5 text-sm text-red-700">
      {shown.map((error) => (
        <li key={error}>{message(error)}</li>
      ))}
    </ul>
  )
}

/**
 * Above the form: errors about the form as a whole and, after a refused submit with errors
 * beside fields, a pointer to them (focus moves to the first one).
 */
export function FormErrors<Schema extends Record<string, unknown>>({
  form,
  summary = true,
}: {
  form: FormMetadata<Schema>
  /** Off for one-field forms, where the error beside the field says it all. */
  summary?: boolean
}) {
  const { t } = useT()
  const formErrors = form.errors ?? []
  const fieldsInError = Object.entries(form.allErrors).some(
    ([name, errors]) => name !== '' && errors.length > 0,
  )
  const pointToFields = summary && form.status === 'error' && fieldsInError
  if (!formErrors.length && !pointToFields) return null
  return (
    <Alert tone="error">
      <ErrorList id={form.errorId} errors={formErrors} />
      {pointToFields ? <p>{t('form.checkFields')}</p> : null}
    </Alert>
  )
}

type FieldFrame = {
  label: ReactNode
  hint?: ReactNode
  className?: string
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p id={id} className="text-xs text-slate-600">
      {hint}
    </p>
  ) : null
}

/** The frame every field shares: label, control, hint, then the errors beneath. */
function FramedField<Schema>({
  meta,
  label,
  hint,
  className = '',
  children,
}: FieldFrame & { meta: FieldMetadata<Schema>; children: ReactNode }) {
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={meta.id} className={labelClass}>
        {label}
      </label>
      {children}
      <Hint id={meta.descriptionId} hint={hint} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

/** A labelled input; `inputProps` adds or overrides attributes (inputMode, placeholder…). */
export function Field<Schema>({
  meta,
  label,
  hint,
  className = '',
  type = 'text',
  inputProps = {},
}: FieldFrame & {
  meta: FieldMetadata<Schema>
  type?:
    | 'text'
    | 'email'
    | 'password'
    | 'tel'
    | 'number'
    | 'date'
    | 'datetime-local'
    | 'search'
    | 'file'
  inputProps?: InputHTMLAttributes<HTMLInputElement>
}) {
  const props = getInputProps(meta, {
    type,
    ariaDescribedBy: hint ? meta.descriptionId : undefined,
  })
  return (
    <FramedField meta={meta} label={label} hint={hint} className={className}>
      <input {...props} {...inputProps} className={`${inputClass} ${inputProps.className ?? ''}`} />
    </FramedField>
  )
}

export function TextareaField<Schema>({
  meta,
  label,
  hint,
  className = '',
  textareaProps = {},
}: FieldFrame & {
  meta: FieldMetadata<Schema>
  textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement>
}) {
  const props = getTextareaProps(meta, {
    ariaDescribedBy: hint ? meta.descriptionId : undefined,
  })
  return (
    <FramedField meta={meta} label={label} hint={hint} className={className}>
      <textarea
        {...props}
        {...textareaProps}
        className={`${inputClass} ${textareaProps.className ?? ''}`}
      />
    </FramedField>
  )
}

export function SelectField<Schema>({
  meta,
  label,
  hint,
  className = '',
  selectProps = {},
  children,
}: FieldFrame & {
  meta: FieldMetadata<Schema>
  selectProps?: SelectHTMLAttributes<HTMLSelectElement>
  children: ReactNode
}) {
  const props = getSelectProps(meta, {
    ariaDescribedBy: hint ? meta.descriptionId : undefined,
  })
  return (
    <FramedField meta={meta} label={label} hint={hint} className={className}>
      <select
        {...props}
        {...selectProps}
        className={`${inputClass} ${selectProps.className ?? ''}`}
      >
        {children}
      </select>
    </FramedField>
  )
}

/** One checkbox for a yes/no field (`z.boolean()`), its label beside it. */
export function CheckboxField<Schema>({
  meta,
  label,
  hint,
  className = '',
}: FieldFrame & { meta: FieldMetadata<Schema> }) {
  const props = getInputProps(meta, {
    type: 'checkbox',
    ariaDescribedBy: hint ? meta.descriptionId : undefined,
  })
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label className="flex items-center gap-2 text-sm">
        <input {...props} className={choiceClass} />
        {label}
      </label>
      <Hint id={meta.descriptionId} hint={hint} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export type ChoiceOption = { value: string; label: ReactNode; className?: string }

/**
 * A group of checkboxes (a list field) or radio buttons (one value) under a legend, the
 * group's errors beneath it and referenced by each choice.
 */
export function ChoiceGroupField<Schema>({
  meta,
  type,
  legend,
  options,
  hint,
  className = '',
  optionsClassName = 'mt-1 flex flex-wrap gap-4',
}: {
  meta: FieldMetadata<Schema>
  type: 'checkbox' | 'radio'
  legend: ReactNode
  options: readonly ChoiceOption[]
  hint?: ReactNode
  className?: string
  optionsClassName?: string
}) {
  const choices = getCollectionProps(meta, {
    type,
    options: options.map((option) => option.value),
    ariaDescribedBy: hint ? meta.descriptionId : undefined,
  })
  return (
    <fieldset className={className}>
      <legend className={labelClass}>{legend}</legend>
      <Hint id={meta.descriptionId} hint={hint} />
      <div className={optionsClassName}>
        {choices.map(({ key, ...choice }, index) => (
          <label
            key={key}
            className={`flex items-center gap-2 text-sm ${options[index]?.className ?? ''}`}
          >
            <input {...choice} className={choiceClass} />
            {options[index]?.label}
          </label>
        ))}
      </div>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  )
}
