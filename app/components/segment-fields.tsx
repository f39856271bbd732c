import { type FieldMetadata } from '@conform-to/react'
import { type ReactNode } from 'react'
import { useT } from '~/utils/use-t'
import { ErrorList } from './forms'

export const SEGMENT_STATUSES = ['ACTIVE', 'AT_RISK', 'INACTIVE', 'LOST', 'NEVER_ORDERED'] as const
export const selectClass = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm'

export type SegmentValues = {
  status: string[]
  minDays?: number | string
  maxDays?: number | string
  state?: string
  city?: string
  repId?: string
  segment?: string
  family: string[]
}

type SegmentFieldName = Exclude<keyof SegmentValues, 'status' | 'family'>

export type SegmentOptions = {
  states: string[]
  segments: string[]
  reps: { id: string; code: string; name: string }[]
  families: { id: string; name: string }[]
}

/**
 * The account filters a segment is made of (status, days inactive, place, rep, segment,
 * families bought): the accounts list filters with them, and campaigns target them.
 */
export function SegmentFields({
  values,
  options,
  fields = {},
  children,
}: {
  values: SegmentValues
  options: SegmentOptions
  /** In a form with a schema (Conform): each field's errors, shown beside it. */
  fields?: Partial<Record<SegmentFieldName, FieldMetadata<unknown>>>
  /** Extra controls placed with the others (search, sorting…). */
  children?: ReactNode
}) {
  const { t } = useT()
  const described = (name: SegmentFieldName) => {
    const meta = fields[name]
    return meta?.errors
      ? { id: meta.id, 'aria-invalid': true, 'aria-describedby': meta.errorId }
      : meta
        ? { id: meta.id }
        : {}
  }
  const errors = (name: SegmentFieldName) => {
    const meta = fields[name]
    return meta ? <ErrorList id={meta.errorId} errors={meta.errors} /> : null
  }
  // One filter: its label, its control, and its errors beneath.
  const field = (name: SegmentFieldName, label: string, control: ReactNode) => (
    <div className="flex flex-col gap-1">
      <label className="flex flex-col text-sm">
        {label}
        {control}
      </label>
      {errors(name)}
    </div>
  )
  const days = (name: 'minDays' | 'maxDays') => (
    <input
      name={name}
      type="number"
      min={0}
      defaultValue={values[name] ?? ''}
      className={`${selectClass} w-24 aria-invalid:border-red-600`}
      {...described(name)}
    />
  )
  const choice = (
    name: 'state' | 'repId' | 'segment',
    choices: { value: string; label: string }[],
  ) => (
    <select
      name={name}
      defaultValue={values[name] ?? ''}
      className={selectClass}
      {...described(name)}
    >
      <option value="">{t('common.any')}</option>
      {choices.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  )
  return (
    <>
      <fieldset className="flex flex-wrap gap-3">
        <legend className="mb-1 text-sm font-medium">{t('accounts.status')}</legend>
        {SEGMENT_STATUSES.map((status) => (
          <label key={status} className="flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              name="status"
              value={status}
              defaultChecked={values.status.includes(status)}
            />
            {t(`status.${status}`)}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-start gap-3">
        {children}
        {field('minDays', t('accounts.minDays'), days('minDays'))}
        {field('maxDays', t('accounts.maxDays'), days('maxDays'))}
        {field(
          'state',
          t('accounts.state'),
          choice(
            'state',
            options.states.map((uf) => ({ value: uf, label: uf })),
          ),
        )}
        {field(
          'city',
          t('accounts.city'),
          <input
            name="city"
            defaultValue={values.city ?? ''}
            className={selectClass}
            {...described('city')}
          />,
        )}
        {field(
          'repId',
          t('accounts.rep'),
          choice('repId', [
            { value: 'none', label: t('accounts.noRep') },
            ...options.reps.map((rep) => ({ value: rep.id, label: `${rep.code} · ${rep.name}` })),
          ]),
        )}
        {field(
          'segment',
          t('accounts.segment'),
          choice(
            'segment',
            options.segments.map((segment) => ({ value: segment, label: segment })),
          ),
        )}
        <label className="flex flex-col text-sm">
          {t('accounts.familiesBought')}
          <select
            name="family"
            multiple
            size={3}
            defaultValue={values.family}
            className={`${selectClass} min-w-48`}
            aria-describedby="families-hint"
          >
            {options.families.map((family) => (
              <option key={family.id} value={family.id}>
                {family.name}
              </option>
            ))}
          </select>
          <span id="families-hint" className="text-xs text-slate-600">
            {t('accounts.familiesHint')}
          </span>
        </label>
      </div>
    </>
  )
}
