import { type SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { ProductSchema, type ProductFormValues } from '~/domain/catalog/catalog-forms'
import { useT } from '~/utils/use-t'
import { CheckboxField, Field, FormErrors, formProps, SelectField, TextareaField } from './forms'
import { useContractForm } from './forms'
import { Button } from './ui/primitives'

export type FamilyOption = { id: string; name: string; depth: number; active: boolean }

/** Family names indented by depth, for a <select>. */
export function familyOptionLabel(family: FamilyOption, inactiveLabel: string) {
  return `${'\u00a0\u00a0'.repeat(family.depth)}${family.name}${family.active ? '' : ` (${inactiveLabel})`}`
}

/** Create and edit form for a product. The SKU is read-only once the product was ordered. */
export function ProductForm({
  defaultValue,
  lastResult,
  families,
  skuLocked = false,
  submitLabel,
}: {
  defaultValue: ProductFormValues
  lastResult?: SubmissionResult<string[]> | null
  families: FamilyOption[]
  skuLocked?: boolean
  submitLabel: string
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(ProductSchema, {
    id: 'product-form',
    defaultValue,
    lastResult,
  })
  const submitting =
    navigation.state === 'submitting' && navigation.formData?.get('intent') === 'save'
  return (
    <Form
      method="post"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      {...formProps(form)}
    >
      <input type="hidden" name="intent" value="save" />
      <FormErrors form={form} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          meta={fields.sku}
          label={t('catalogForm.sku')}
          hint={skuLocked ? t('catalogAdmin.skuLockedNotice') : t('catalogForm.skuHint')}
          inputProps={{
            className: `font-mono uppercase ${skuLocked ? 'bg-slate-100 text-slate-700' : ''}`,
            autoComplete: 'off',
            readOnly: skuLocked,
          }}
        />
        <Field
          meta={fields.name}
          label={t('catalogForm.name')}
          inputProps={{ autoComplete: 'off' }}
        />
        <SelectField meta={fields.familyId} label={t('catalogForm.family')}>
          <option value="">{t('catalogForm.chooseFamily')}</option>
          {families.map((family) => (
            <option key={family.id} value={family.id}>
              {familyOptionLabel(family, t('familyAdmin.inactive'))}
            </option>
          ))}
        </SelectField>
        <Field
          meta={fields.unit}
          label={t('catalogForm.unit')}
          hint={t('catalogForm.unitHint')}
          inputProps={{ className: 'uppercase', autoComplete: 'off' }}
        />
        <Field
          meta={fields.packSize}
          label={t('catalogForm.packSize')}
          hint={t('catalogForm.packSizeHint')}
          inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
        />
        <Field
          meta={fields.listPrice}
          label={t('catalogForm.listPrice')}
          inputProps={{ inputMode: 'decimal', autoComplete: 'off' }}
        />
        <Field
          meta={fields.stock}
          label={t('catalogForm.stock')}
          hint={t('catalogForm.stockHint')}
          inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
        />
        <CheckboxField meta={fields.active} label={t('catalogForm.active')} className="self-end" />
        <TextareaField
          meta={fields.description}
          label={t('catalogForm.description')}
          className="sm:col-span-2"
          textareaProps={{ rows: 4 }}
        />
      </div>
      <Button type="submit" disabled={submitting}>
        {submitting ? t('common.saving') : submitLabel}
      </Button>
    </Form>
  )
}
