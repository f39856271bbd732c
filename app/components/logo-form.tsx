import { type SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { LogoSchema } from '~/domain/company/logo-form'
import { IMAGE_TYPES, imageSrc, MAX_IMAGE_MB } from '~/utils/images'
import { useT } from '~/utils/use-t'
import { Field, FormErrors, formProps, useContractForm } from './forms'
import { Alert, Button } from './ui/primitives'

/** The settings page's logo: the current one, a file to replace it, and a way to remove it. */
export function LogoForm({
  logo,
  lastResult,
  done,
}: {
  logo: { fileId: string; width: number; height: number } | null
  lastResult: SubmissionResult<string[]> | null
  done: 'saved' | 'removed' | null
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(LogoSchema, { id: 'logo', lastResult })
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'logo'
  const shownWidth = logo ? Math.min(240, Math.round((64 * logo.width) / logo.height)) : 0
  return (
    <>
      <p className="text-sm text-slate-700">{t('logo.help')}</p>
      {done && form.status !== 'error' ? (
        <Alert tone="success">{t(done === 'saved' ? 'logo.saved' : 'logo.removed')}</Alert>
      ) : null}
      <div className="flex min-h-16 items-center rounded-md border border-dashed border-slate-300 p-2">
        {logo ? (
          <img
            src={imageSrc(logo.fileId, 480)}
            width={shownWidth}
            height={Math.round((shownWidth * logo.height) / logo.width)}
            alt={t('logo.current')}
            data-testid="settings-logo"
          />
        ) : (
          <span className="text-sm text-slate-600">{t('logo.none')}</span>
        )}
      </div>
      <FormErrors form={form} summary={false} />
      <Form method="post" encType="multipart/form-data" className="space-y-3" {...formProps(form)}>
        <input type="hidden" name="intent" value="logo" />
        <Field
          meta={fields.logo}
          type="file"
          label={t('logo.file')}
          hint={t('logo.hint', { max: MAX_IMAGE_MB })}
          inputProps={{ accept: IMAGE_TYPES.join(','), className: 'text-sm' }}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="secondary" disabled={busy}>
            {busy ? t('common.saving') : t('logo.save')}
          </Button>
          {logo ? (
            <Button type="submit" variant="secondary" name="remove" value="on" formNoValidate>
              {t('logo.remove')}
            </Button>
          ) : null}
        </div>
      </Form>
    </>
  )
}
