import type { FieldMetadata } from '@conform-to/react'
import { MIN_PASSWORD_LENGTH } from '~/domain/identity/password-policy'
import { useT } from '~/utils/use-t'
import { Field } from './forms'

/** A new password and its repetition, as the reset page and the invitation landing ask them. */
export function NewPasswordFields<Schema>({
  password,
  confirm,
}: {
  password: FieldMetadata<Schema>
  confirm: FieldMetadata<Schema>
}) {
  const { t } = useT()
  return (
    <>
      <Field
        meta={password}
        type="password"
        label={t('reset.password')}
        hint={t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH })}
        inputProps={{ autoComplete: 'new-password' }}
      />
      <Field
        meta={confirm}
        type="password"
        label={t('reset.confirm')}
        inputProps={{ autoComplete: 'new-password' }}
      />
    </>
  )
}
