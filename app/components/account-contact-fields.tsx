import { type FieldMetadata } from '@conform-to/react'
import { Field, SelectField } from '~/components/forms'
import { useT } from '~/utils/use-t'

type ContactFields = {
  tradeName: FieldMetadata<string>
  email: FieldMetadata<string | undefined>
  phone: FieldMetadata<string | undefined>
  whatsapp: FieldMetadata<string | undefined>
  preferredChannel: FieldMetadata<string | undefined>
  street: FieldMetadata<string | undefined>
  city: FieldMetadata<string>
  state: FieldMetadata<string>
  postalCode: FieldMetadata<string | undefined>
  repId: FieldMetadata<string | undefined>
}

/**
 * An account's contact data and rep, as the new-account page and the account's page take
 * them (the same fields, the same words). Without `reps` (the telesales team, who may fix how
 * to reach the shop but not move it between reps, rename it or change the email its buyers and
 * invitations use) the rep is not offered and the name and email are read-only.
 */
export function AccountContactFields({
  fields,
  reps,
}: {
  fields: ContactFields
  reps: { id: string; code: string; name: string }[] | null
}) {
  const { t } = useT()
  return (
    <>
      {/* Without `reps`, the name and the login email are shown, not changed (the server keeps them). */}
      <Field
        meta={fields.tradeName}
        label={t('account.tradeName')}
        inputProps={{ readOnly: !reps }}
      />
      <Field
        meta={fields.email}
        type="email"
        label={t('account.email')}
        inputProps={{ readOnly: !reps }}
      />
      <Field
        meta={fields.phone}
        type="tel"
        label={t('account.phone')}
        inputProps={{ placeholder: '(11) 3456-7890' }}
      />
      <Field
        meta={fields.whatsapp}
        type="tel"
        label={t('account.whatsapp')}
        inputProps={{ placeholder: '(11) 98765-4321' }}
      />
      <SelectField meta={fields.preferredChannel} label={t('account.preferredChannel')}>
        <option value="">{t('account.preferredChannel.none')}</option>
        {(['PHONE', 'WHATSAPP', 'EMAIL'] as const).map((channel) => (
          <option key={channel} value={channel}>
            {t(`contactChannel.${channel}`)}
          </option>
        ))}
      </SelectField>
      <Field meta={fields.street} label={t('account.street')} />
      <Field meta={fields.city} label={t('accounts.city')} />
      <Field
        meta={fields.state}
        label={t('accounts.state')}
        inputProps={{ className: 'uppercase', autoComplete: 'address-level1', maxLength: 2 }}
      />
      <Field
        meta={fields.postalCode}
        label={t('account.postalCode')}
        inputProps={{ autoComplete: 'postal-code' }}
      />
      {reps ? (
        <SelectField meta={fields.repId} label={t('accounts.rep')}>
          <option value="">{t('accounts.noRep')}</option>
          {reps.map((rep) => (
            <option key={rep.id} value={rep.id}>
              {rep.code} · {rep.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <input type="hidden" name={fields.repId.name} value={fields.repId.initialValue ?? ''} />
      )}
    </>
  )
}
