import { type SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { STAFF_ROLES, StaffSchema, type StaffFormValues } from '~/domain/identity/staff-forms'
import { useContractForm } from '~/components/forms'
import { useT } from '~/utils/use-t'
import { Field, FormErrors, formProps, SelectField } from './forms'
import { Button } from './ui/primitives'

/**
 * Create and edit form for a staff user. The rep code appears for a representative (without
 * JavaScript, after choosing the role and sending); it offers the codes of reps with no user.
 */
export function StaffForm({
  defaultValue,
  lastResult,
  freeRepCodes,
  submitLabel,
}: {
  defaultValue: StaffFormValues
  lastResult?: SubmissionResult<string[]> | null
  freeRepCodes: { code: string; name: string }[]
  submitLabel: string
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(StaffSchema, {
    id: 'staff-form',
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
          meta={fields.name}
          label={t('staffForm.name')}
          inputProps={{ autoComplete: 'off' }}
        />
        <Field
          meta={fields.email}
          type="email"
          label={t('staffForm.email')}
          inputProps={{ autoComplete: 'off' }}
        />
        <SelectField meta={fields.role} label={t('staffForm.role')} hint={t('staffForm.roleHint')}>
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`users.roleName.${role}`)}
            </option>
          ))}
        </SelectField>
        {fields.role.value === 'REP' ? (
          <>
            <Field
              meta={fields.repCode}
              label={t('staffForm.repCode')}
              hint={t('staffForm.repCodeHint')}
              inputProps={{
                className: 'font-mono uppercase',
                autoComplete: 'off',
                list: 'free-rep-codes',
              }}
            />
            <datalist id="free-rep-codes">
              {freeRepCodes.map((rep) => (
                <option key={rep.code} value={rep.code}>
                  {rep.name}
                </option>
              ))}
            </datalist>
          </>
        ) : null}
      </div>
      <Button type="submit" disabled={submitting}>
        {submitting ? t('common.saving') : submitLabel}
      </Button>
    </Form>
  )
}
