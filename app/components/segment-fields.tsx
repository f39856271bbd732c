import { type ReactNode } from 'react'
import { useT } from '~/utils/use-t'

export const SEGMENT_STATUSES = ['ACTIVE', 'AT_RISK', 'INACTIVE', 'LOST', 'NEVER_ORDERED'] as const
export const selectClass = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm'

export type SegmentValues = {
  status: string[]
  minDays?: number
  maxDays?: number
  state?: string
  city?: string
  repId?: string
  segment?: string
  family: string[]
}

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
  children,
}: {
  values: SegmentValues
  options: SegmentOptions
  /** Extra controls placed with the others (search, sorting…). */
  children?: ReactNode
}) {
  const { t } = useT()
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
      <div className="flex flex-wrap items-end gap-3">
        {children}
        <label className="flex flex-col text-sm">
          {t('accounts.minDays')}
          <input
            name="minDays"
            type="number"
            min={0}
            defaultValue={values.minDays ?? ''}
            className={`${selectClass} w-24`}
          />
        </label>
        <label className="flex flex-col text-sm">
          {t('accounts.maxDays')}
          <input
            name="maxDays"
            type="number"
            min={0}
            defaultValue={values.maxDays ?? ''}
            className={`${selectClass} w-24`}
          />
        </label>
        <label className="flex flex-col text-sm">
          {t('accounts.state')}
          <select name="state" defaultValue={values.state ?? ''} className={selectClass}>
            <option value="">{t('common.any')}</option>
            {options.states.map((uf) => (
              <option key={uf} value={uf}>
                {uf}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t('accounts.city')}
          <input name="city" defaultValue={values.city ?? ''} className={selectClass} />
        </label>
        <label className="flex flex-col text-sm">
          {t('accounts.rep')}
          <select name="repId" defaultValue={values.repId ?? ''} className={selectClass}>
            <option value="">{t('common.any')}</option>
            <option value="none">{t('accounts.noRep')}</option>
            {options.reps.map((rep) => (
              <option key={rep.id} value={rep.id}>
                {rep.code} · {rep.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t('accounts.segment')}
          <select name="segment" defaultValue={values.segment ?? ''} className={selectClass}>
            <option value="">{t('common.any')}</option>
            {options.segments.map((segment) => (
              <option key={segment} value={segment}>
                {segment}
              </option>
            ))}
          </select>
        </label>
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
