import { type FieldMetadata } from '@conform-to/react'
import { ChoiceGroupField, Field, SelectField } from '~/components/forms'
import { useT } from '~/utils/use-t'

type CommercialFieldsMeta = {
  priceListId: FieldMetadata<string | undefined>
  minimumOrder: FieldMetadata<string | undefined>
  termCodes: FieldMetadata<string[] | undefined>
}

/**
 * Price list, minimum order and allowed payment terms: an account's commercial terms on its
 * page, and what new accounts get in the settings.
 */
export function CommercialTermsFields({
  fields,
  priceLists,
  paymentTerms,
  minimumHint,
}: {
  fields: CommercialFieldsMeta
  priceLists: readonly { id: string; name: string }[]
  paymentTerms: readonly string[]
  minimumHint?: string
}) {
  const { t } = useT()
  return (
    <>
      <SelectField meta={fields.priceListId} label={t('account.priceList')}>
        <option value="">{t('account.listPrice')}</option>
        {priceLists.map((list) => (
          <option key={list.id} value={list.id}>
            {list.name}
          </option>
        ))}
      </SelectField>
      <Field
        meta={fields.minimumOrder}
        label={t('account.minimumOrder')}
        hint={minimumHint}
        inputProps={{ inputMode: 'decimal' }}
      />
      <ChoiceGroupField
        meta={fields.termCodes}
        type="checkbox"
        legend={t('account.terms')}
        className="sm:col-span-2"
        options={paymentTerms.map((code) => ({
          value: code,
          label: t('checkout.termDays', { code }),
        }))}
      />
    </>
  )
}
