import { Form, useNavigation } from '@remix-run/react'
import { useState, type ReactNode } from 'react'
import type { OfferFormErrors, OfferFormValues } from '~/domain/promotions/offer-admin.server'
import { type MessageKey } from '~/utils/i18n'
import { useT } from '~/utils/use-t'
import { Alert, Button } from './ui/primitives'

const inputClass =
  'w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-600'

function Labelled({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string
  label: string
  hint?: string
  error?: string
  children: ReactNode
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}

/** Create and edit form for an offer; every rule of the pricing function has its field. */
export function OfferForm({
  values,
  errors,
  families,
  submitLabel,
}: {
  values: OfferFormValues
  errors: OfferFormErrors
  families: { id: string; name: string; parentId: string | null }[]
  submitLabel: string
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [discountType, setDiscountType] = useState(values.discountType)
  const [scope, setScope] = useState(values.scope)
  const [audience, setAudience] = useState(values.audience)
  const error = (field: keyof OfferFormErrors) =>
    errors[field] ? t(errors[field] as MessageKey) : undefined
  const aria = (field: keyof OfferFormValues, hint = false) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby':
      [errors[field] ? `${field}-error` : null, hint ? `${field}-hint` : null]
        .filter(Boolean)
        .join(' ') || undefined,
  })

  return (
    <Form method="post" className="space-y-6" noValidate>
      <input type="hidden" name="intent" value="save" />
      {errors.form ? <Alert tone="error">{error('form')}</Alert> : null}

      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">{t('offerForm.identity')}</legend>
        <Labelled id="name" label={t('offerForm.name')} error={error('name')}>
          <input
            id="name"
            name="name"
            defaultValue={values.name}
            maxLength={120}
            required
            className={inputClass}
            {...aria('name')}
          />
        </Labelled>
        <Labelled
          id="code"
          label={t('offerForm.code')}
          hint={t('offerForm.codeHint')}
          error={error('code')}
        >
          <input
            id="code"
            name="code"
            defaultValue={values.code}
            maxLength={30}
            className={`${inputClass} font-mono uppercase`}
            {...aria('code', true)}
          />
        </Labelled>
        <div className="sm:col-span-2">
          <Labelled
            id="description"
            label={t('offerForm.description')}
            hint={t('offerForm.descriptionHint')}
          >
            <textarea
              id="description"
              name="description"
              defaultValue={values.description}
              maxLength={500}
              rows={2}
              className={inputClass}
              aria-describedby="description-hint"
            />
          </Labelled>
        </div>
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">{t('offerForm.benefit')}</legend>
        <Labelled id="discountType" label={t('offerForm.discountType')}>
          <select
            id="discountType"
            name="discountType"
            value={discountType}
            onChange={(e) => setDiscountType(e.target.value as OfferFormValues['discountType'])}
            className={inputClass}
          >
            <option value="NONE">{t('offerForm.discount.NONE')}</option>
            <option value="PERCENT">{t('offerForm.discount.PERCENT')}</option>
            <option value="FIXED">{t('offerForm.discount.FIXED')}</option>
          </select>
        </Labelled>
        {discountType !== 'NONE' ? (
          <Labelled
            id="discountValue"
            label={
              discountType === 'PERCENT' ? t('offerForm.percentValue') : t('offerForm.fixedValue')
            }
            error={error('discountValue')}
          >
            <input
              id="discountValue"
              name="discountValue"
              inputMode="decimal"
              defaultValue={values.discountValue}
              className={inputClass}
              {...aria('discountValue')}
            />
          </Labelled>
        ) : (
          <div />
        )}
        <Labelled
          id="bonusSku"
          label={t('offerForm.bonusSku')}
          hint={t('offerForm.bonusHint')}
          error={error('bonusSku')}
        >
          <input
            id="bonusSku"
            name="bonusSku"
            defaultValue={values.bonusSku}
            maxLength={40}
            className={`${inputClass} font-mono uppercase`}
            {...aria('bonusSku', true)}
          />
        </Labelled>
        <Labelled
          id="bonusQuantity"
          label={t('offerForm.bonusQuantity')}
          error={error('bonusQuantity')}
        >
          <input
            id="bonusQuantity"
            name="bonusQuantity"
            inputMode="numeric"
            defaultValue={values.bonusQuantity}
            placeholder="1"
            className={inputClass}
            {...aria('bonusQuantity')}
          />
        </Labelled>
        <Labelled
          id="extraTermDays"
          label={t('offerForm.extraTermDays')}
          hint={t('offerForm.extraTermHint')}
          error={error('extraTermDays')}
        >
          <input
            id="extraTermDays"
            name="extraTermDays"
            inputMode="numeric"
            defaultValue={values.extraTermDays}
            className={inputClass}
            {...aria('extraTermDays', true)}
          />
        </Labelled>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" name="stackable" defaultChecked={values.stackable} />
          {t('offerForm.stackable')}
        </label>
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">{t('offerForm.conditions')}</legend>
        <Labelled id="scope" label={t('offerForm.scope')}>
          <select
            id="scope"
            name="scope"
            value={scope}
            onChange={(e) => setScope(e.target.value as OfferFormValues['scope'])}
            className={inputClass}
          >
            <option value="ORDER">{t('offerForm.scope.ORDER')}</option>
            <option value="FAMILIES">{t('offerForm.scope.FAMILIES')}</option>
            <option value="PRODUCTS">{t('offerForm.scope.PRODUCTS')}</option>
          </select>
        </Labelled>
        <Labelled id="minOrder" label={t('offerForm.minOrder')} error={error('minOrder')}>
          <input
            id="minOrder"
            name="minOrder"
            inputMode="decimal"
            defaultValue={values.minOrder}
            placeholder="0,00"
            className={inputClass}
            {...aria('minOrder')}
          />
        </Labelled>
        {scope === 'FAMILIES' ? (
          <fieldset
            className="sm:col-span-2"
            aria-describedby={errors.familyIds ? 'familyIds-error' : undefined}
          >
            <legend className="text-sm font-medium text-slate-700">
              {t('offerForm.families')}
            </legend>
            <div className="mt-1 sm:columns-3">
              {families.map((family) => (
                <label
                  key={family.id}
                  className={`flex break-inside-avoid items-center gap-2 py-0.5 text-sm ${family.parentId ? 'pl-4' : 'font-medium'}`}
                >
                  <input
                    type="checkbox"
                    name="familyIds"
                    value={family.id}
                    defaultChecked={values.familyIds.includes(family.id)}
                  />
                  {family.name}
                </label>
              ))}
            </div>
            {errors.familyIds ? (
              <p id="familyIds-error" className="text-sm text-red-700" role="alert">
                {error('familyIds')}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        {scope === 'PRODUCTS' ? (
          <div className="sm:col-span-2">
            <Labelled
              id="productSkus"
              label={t('offerForm.productSkus')}
              hint={t('offerForm.listHint')}
              error={error('productSkus')}
            >
              <textarea
                id="productSkus"
                name="productSkus"
                defaultValue={values.productSkus}
                rows={3}
                className={`${inputClass} font-mono`}
                {...aria('productSkus', true)}
              />
            </Labelled>
          </div>
        ) : null}
        <Labelled id="startsOn" label={t('offerForm.startsOn')} error={error('startsOn')}>
          <input
            id="startsOn"
            name="startsOn"
            type="date"
            defaultValue={values.startsOn}
            className={inputClass}
            {...aria('startsOn')}
          />
        </Labelled>
        <Labelled
          id="endsOn"
          label={t('offerForm.endsOn')}
          hint={t('offerForm.endsHint')}
          error={error('endsOn')}
        >
          <input
            id="endsOn"
            name="endsOn"
            type="date"
            defaultValue={values.endsOn}
            className={inputClass}
            {...aria('endsOn', true)}
          />
        </Labelled>
        <Labelled
          id="maxRedemptions"
          label={t('offerForm.maxRedemptions')}
          hint={t('offerForm.unlimitedHint')}
          error={error('maxRedemptions')}
        >
          <input
            id="maxRedemptions"
            name="maxRedemptions"
            inputMode="numeric"
            defaultValue={values.maxRedemptions}
            className={inputClass}
            {...aria('maxRedemptions', true)}
          />
        </Labelled>
        <Labelled
          id="maxPerAccount"
          label={t('offerForm.maxPerAccount')}
          hint={t('offerForm.unlimitedHint')}
          error={error('maxPerAccount')}
        >
          <input
            id="maxPerAccount"
            name="maxPerAccount"
            inputMode="numeric"
            defaultValue={values.maxPerAccount}
            className={inputClass}
            {...aria('maxPerAccount', true)}
          />
        </Labelled>
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">{t('offerForm.audienceTitle')}</legend>
        <Labelled id="audience" label={t('offerForm.audience')}>
          <select
            id="audience"
            name="audience"
            value={audience}
            onChange={(e) => setAudience(e.target.value as OfferFormValues['audience'])}
            className={inputClass}
          >
            <option value="EVERYONE">{t('offerForm.audience.EVERYONE')}</option>
            <option value="INACTIVE">{t('offerForm.audience.INACTIVE')}</option>
            <option value="SEGMENT">{t('offerForm.audience.SEGMENT')}</option>
            <option value="NAMED">{t('offerForm.audience.NAMED')}</option>
          </select>
        </Labelled>
        {audience === 'SEGMENT' ? (
          <Labelled
            id="audienceSegment"
            label={t('offerForm.segment')}
            error={error('audienceSegment')}
          >
            <input
              id="audienceSegment"
              name="audienceSegment"
              defaultValue={values.audienceSegment}
              maxLength={80}
              className={inputClass}
              {...aria('audienceSegment')}
            />
          </Labelled>
        ) : null}
        {audience === 'NAMED' ? (
          <div className="sm:col-span-2">
            <Labelled
              id="namedCnpjs"
              label={t('offerForm.namedCnpjs')}
              hint={t('offerForm.listHint')}
              error={error('namedCnpjs')}
            >
              <textarea
                id="namedCnpjs"
                name="namedCnpjs"
                defaultValue={values.namedCnpjs}
                rows={4}
                className={`${inputClass} font-mono`}
                {...aria('namedCnpjs', true)}
              />
            </Labelled>
          </div>
        ) : null}
      </fieldset>

      <Button type="submit" disabled={navigation.state === 'submitting'}>
        {navigation.state === 'submitting' ? t('common.saving') : submitLabel}
      </Button>
    </Form>
  )
}
