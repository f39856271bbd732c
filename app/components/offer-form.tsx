import { type SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { OfferSchema, type OfferFormValues } from '~/domain/promotions/offer-form'
import { useT } from '~/utils/use-t'
import {
  CheckboxField,
  ChoiceGroupField,
  Field,
  FormErrors,
  formProps,
  SelectField,
  TextareaField,
  useContractForm,
} from './forms'
import { Button } from './ui/primitives'

const fieldset =
  'grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 [&>legend]:px-1 [&>legend]:font-semibold'

/**
 * Create and edit form for an offer; every rule of the pricing function has its field. The
 * browser checks what it can before sending; the server checks the rest (a code already taken,
 * SKUs and CNPJs that do not exist) and the form comes back with what was typed.
 */
export function OfferForm({
  defaultValue,
  lastResult,
  families,
  submitLabel,
}: {
  defaultValue: OfferFormValues
  lastResult?: SubmissionResult<string[]> | null
  families: { id: string; name: string; parentId: string | null }[]
  submitLabel: string
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(OfferSchema, {
    id: 'offer-form',
    defaultValue,
    lastResult,
  })
  const discountType = fields.discountType.value ?? 'NONE'
  const scope = fields.scope.value ?? 'ORDER'
  const audience = fields.audience.value ?? 'EVERYONE'
  const submitting =
    navigation.state === 'submitting' && navigation.formData?.get('intent') === 'save'

  return (
    <Form method="post" className="space-y-6" {...formProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <FormErrors form={form} />

      <fieldset className={fieldset}>
        <legend>{t('offerForm.identity')}</legend>
        <Field meta={fields.name} label={t('offerForm.name')} />
        <Field
          meta={fields.code}
          label={t('offerForm.code')}
          hint={t('offerForm.codeHint')}
          inputProps={{ className: 'font-mono uppercase', autoComplete: 'off' }}
        />
        <TextareaField
          meta={fields.description}
          label={t('offerForm.description')}
          hint={t('offerForm.descriptionHint')}
          className="sm:col-span-2"
          textareaProps={{ rows: 2 }}
        />
      </fieldset>

      <fieldset className={fieldset}>
        <legend>{t('offerForm.benefit')}</legend>
        <SelectField meta={fields.discountType} label={t('offerForm.discountType')}>
          <option value="NONE">{t('offerForm.discount.NONE')}</option>
          <option value="PERCENT">{t('offerForm.discount.PERCENT')}</option>
          <option value="FIXED">{t('offerForm.discount.FIXED')}</option>
        </SelectField>
        {discountType !== 'NONE' ? (
          <Field
            meta={fields.discountValue}
            label={
              discountType === 'PERCENT' ? t('offerForm.percentValue') : t('offerForm.fixedValue')
            }
            inputProps={{ inputMode: 'decimal' }}
          />
        ) : (
          <div />
        )}
        <Field
          meta={fields.bonusSku}
          label={t('offerForm.bonusSku')}
          hint={t('offerForm.bonusHint')}
          inputProps={{ className: 'font-mono uppercase', autoComplete: 'off' }}
        />
        <Field
          meta={fields.bonusQuantity}
          label={t('offerForm.bonusQuantity')}
          inputProps={{ inputMode: 'numeric', placeholder: '1' }}
        />
        <Field
          meta={fields.extraTermDays}
          label={t('offerForm.extraTermDays')}
          hint={t('offerForm.extraTermHint')}
          inputProps={{ inputMode: 'numeric' }}
        />
        <CheckboxField
          meta={fields.stackable}
          label={t('offerForm.stackable')}
          className="self-end"
        />
      </fieldset>

      <fieldset className={fieldset}>
        <legend>{t('offerForm.conditions')}</legend>
        <SelectField meta={fields.scope} label={t('offerForm.scope')}>
          <option value="ORDER">{t('offerForm.scope.ORDER')}</option>
          <option value="FAMILIES">{t('offerForm.scope.FAMILIES')}</option>
          <option value="PRODUCTS">{t('offerForm.scope.PRODUCTS')}</option>
        </SelectField>
        <Field
          meta={fields.minOrder}
          label={t('offerForm.minOrder')}
          inputProps={{ inputMode: 'decimal', placeholder: '0,00' }}
        />
        {scope === 'FAMILIES' ? (
          <ChoiceGroupField
            meta={fields.familyIds}
            type="checkbox"
            legend={t('offerForm.families')}
            className="sm:col-span-2"
            optionsClassName="mt-1 sm:columns-3"
            options={families.map((family) => ({
              value: family.id,
              label: family.name,
              className: `break-inside-avoid py-0.5 ${family.parentId ? 'pl-4' : 'font-medium'}`,
            }))}
          />
        ) : null}
        {scope === 'PRODUCTS' ? (
          <TextareaField
            meta={fields.productSkus}
            label={t('offerForm.productSkus')}
            hint={t('offerForm.listHint')}
            className="sm:col-span-2"
            textareaProps={{ rows: 3, className: 'font-mono' }}
          />
        ) : null}
        <Field meta={fields.startsOn} type="date" label={t('offerForm.startsOn')} />
        <Field
          meta={fields.endsOn}
          type="date"
          label={t('offerForm.endsOn')}
          hint={t('offerForm.endsHint')}
        />
        <Field
          meta={fields.maxRedemptions}
          label={t('offerForm.maxRedemptions')}
          hint={t('offerForm.unlimitedHint')}
          inputProps={{ inputMode: 'numeric' }}
        />
        <Field
          meta={fields.maxPerAccount}
          label={t('offerForm.maxPerAccount')}
          hint={t('offerForm.unlimitedHint')}
          inputProps={{ inputMode: 'numeric' }}
        />
      </fieldset>

      <fieldset className={fieldset}>
        <legend>{t('offerForm.audienceTitle')}</legend>
        <SelectField meta={fields.audience} label={t('offerForm.audience')}>
          <option value="EVERYONE">{t('offerForm.audience.EVERYONE')}</option>
          <option value="INACTIVE">{t('offerForm.audience.INACTIVE')}</option>
          <option value="SEGMENT">{t('offerForm.audience.SEGMENT')}</option>
          <option value="NAMED">{t('offerForm.audience.NAMED')}</option>
        </SelectField>
        {audience === 'SEGMENT' ? (
          <Field meta={fields.audienceSegment} label={t('offerForm.segment')} />
        ) : null}
        {audience === 'NAMED' ? (
          <TextareaField
            meta={fields.namedCnpjs}
            label={t('offerForm.namedCnpjs')}
            hint={t('offerForm.listHint')}
            className="sm:col-span-2"
            textareaProps={{ rows: 4, className: 'font-mono' }}
          />
        ) : null}
      </fieldset>

      <Button type="submit" disabled={submitting}>
        {submitting ? t('common.saving') : submitLabel}
      </Button>
    </Form>
  )
}
