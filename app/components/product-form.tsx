import { type SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { ProductSchema, type ProductFormValues } from '~/domain/catalog/catalog-forms'
import { IMAGE_TYPES, MAX_IMAGE_MB } from '~/utils/images'
import { useT } from '~/utils/use-t'
import { CheckboxField, Field, FormErrors, formProps, SelectField, TextareaField } from './forms'
import { useContractForm } from './forms'
import { ProductImage } from './product-image'
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
  imageFileId = null,
  submitLabel,
}: {
  defaultValue: ProductFormValues
  lastResult?: SubmissionResult<string[]> | null
  families: FamilyOption[]
  skuLocked?: boolean
  /** The photo saved now, shown beside the file field. */
  imageFileId?: string | null
  submitLabel: string
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(ProductSchema, {
    id: 'product-form',
    defaultValue,
    lastResult,
  })
  const familyName = families.find((family) => family.id === defaultValue.familyId)?.name
  const submitting =
    navigation.state === 'submitting' && navigation.formData?.get('intent') === 'save'
  return (
    <Form
      method="post"
      encType="multipart/form-data"
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
        <div className="flex gap-4 sm:col-span-2">
          <ProductImage
            fileId={imageFileId}
            name={defaultValue.name ?? ''}
            family={familyName ?? defaultValue.name ?? ''}
            size={96}
            sizes="96px"
            className="h-24 w-24 shrink-0 border border-slate-200"
          />
          <div className="flex-1 space-y-2">
            <Field
              meta={fields.image}
              type="file"
              label={imageFileId ? t('productImage.replace') : t('productImage.label')}
              hint={t('productImage.hint', { max: MAX_IMAGE_MB })}
              inputProps={{ accept: IMAGE_TYPES.join(','), className: 'text-sm' }}
            />
            {imageFileId ? (
              <CheckboxField meta={fields.removeImage} label={t('productImage.remove')} />
            ) : null}
          </div>
        </div>
      </div>
      <Button type="submit" disabled={submitting}>
        {submitting ? t('common.saving') : submitLabel}
      </Button>
    </Form>
  )
}
