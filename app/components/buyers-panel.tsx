import type { SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import {
  CheckboxField,
  Field,
  FormErrors,
  formProps,
  useContractForm,
  useFormMessage,
} from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import { BuyerAddSchema, type BuyerRowIntent } from '~/domain/accounts/buyers-forms'
import { formMessage } from '~/utils/form-schema'
import { useT } from '~/utils/use-t'

export type BuyerRow = {
  id: string
  name: string
  email: string
  isAccountAdmin: boolean
  active: boolean
  lastLoginAt: string | null
  hasPassword: boolean
}

/** The action's answer (BuyerFormReply in buyers.server.ts), as the page receives it. */
export type BuyerReply =
  | { form: 'buyer-add'; result: SubmissionResult<string[]>; added: { email: string } | null }
  | { form: 'buyer-row'; userId: string; ok: boolean; message: string }

/**
 * An account's buyers with what may be done to each, and the form that adds one: the back
 * office's account page and the storefront's page for the account's admin. `selfId` is the
 * account admin looking at the list (no buttons on their own row).
 */
export function BuyersPanel({
  buyers,
  reply,
  selfId = null,
  rowExtras,
  readOnly = false,
}: {
  buyers: BuyerRow[]
  reply: BuyerReply | null | undefined
  selfId?: string | null
  /** The list alone, for whoever may not manage buyers (the telesales team). */
  readOnly?: boolean
  /** More buttons on an active buyer's row (the back office's "act as this customer"). */
  rowExtras?: (buyer: BuyerRow) => ReactNode
}) {
  const { t, date } = useT()
  const message = useFormMessage()
  const navigation = useNavigation()
  const active = buyers.filter((buyer) => buyer.active).length
  const busyOn = (userId: string) =>
    navigation.state !== 'idle' && navigation.formData?.get('userId') === userId
  const rowReply = reply?.form === 'buyer-row' ? reply : null
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600" data-testid="buyers-count">
        {message(formMessage('buyers.count', { count: active }))}
      </p>
      {buyers.length === 0 ? <p className="text-sm text-slate-600">{t('buyers.empty')}</p> : null}
      <ul className="divide-y divide-slate-200" aria-label={t('buyers.title')}>
        {buyers.map((buyer) => {
          const self = buyer.id === selfId
          const busy = busyOn(buyer.id)
          return (
            <li
              key={buyer.id}
              className={`space-y-2 py-3 text-sm ${buyer.active ? '' : 'text-slate-500'}`}
              data-testid="buyer-row"
              aria-label={`${buyer.name} <${buyer.email}>`}
            >
              <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                <strong className="font-semibold">{buyer.name}</strong>
                <span className="break-all">{buyer.email}</span>
                {self ? <span className="text-slate-600">({t('buyers.you')})</span> : null}
                {buyer.isAccountAdmin && buyer.active ? (
                  <span className="rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800 ring-1 ring-brand-100">
                    {t('buyers.adminBadge')}
                  </span>
                ) : null}
                {buyer.active ? null : (
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
                    {t('buyers.removedBadge')}
                  </span>
                )}
                {buyer.active && !buyer.hasPassword ? (
                  <span className="rounded bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200">
                    {t('buyers.pendingBadge')}
                  </span>
                ) : null}
              </div>
              <p className="text-xs text-slate-600">
                {t('account.lastLogin')}:{' '}
                {buyer.lastLoginAt ? date(buyer.lastLoginAt, 'datetime') : t('account.never')}
              </p>
              {rowReply?.userId === buyer.id ? (
                <div data-testid="buyer-row-message">
                  <Alert tone={rowReply.ok ? 'success' : 'error'}>
                    {message(rowReply.message)}
                  </Alert>
                </div>
              ) : null}
              {buyer.active && !self ? (
                <div className="flex flex-wrap items-center gap-2">
                  <Form method="post" className="flex flex-wrap gap-2" hidden={readOnly}>
                    <input type="hidden" name="userId" value={buyer.id} />
                    {/* Until they choose a password; after that, "forgot my password" is theirs. */}
                    {buyer.hasPassword ? null : (
                      <RowButton intent="buyer-resend" disabled={busy}>
                        {t('buyers.resend')}
                      </RowButton>
                    )}
                    <RowButton
                      intent={buyer.isAccountAdmin ? 'buyer-unmake-admin' : 'buyer-make-admin'}
                      disabled={busy}
                    >
                      {t(buyer.isAccountAdmin ? 'buyers.unmakeAdmin' : 'buyers.makeAdmin')}
                    </RowButton>
                    <RowButton
                      intent="buyer-remove"
                      variant="danger"
                      disabled={busy}
                      title={t('buyers.removeHint')}
                    >
                      {t('buyers.remove')}
                    </RowButton>
                  </Form>
                  {rowExtras?.(buyer)}
                </div>
              ) : null}
            </li>
          )
        })}
      </ul>
      {readOnly ? null : <AddBuyerForm reply={reply?.form === 'buyer-add' ? reply : null} />}
    </div>
  )
}

function RowButton({
  intent,
  variant = 'secondary',
  children,
  ...props
}: {
  intent: BuyerRowIntent
  variant?: 'secondary' | 'danger'
  children: ReactNode
  disabled?: boolean
  title?: string
}) {
  return (
    <Button type="submit" name="intent" value={intent} variant={variant} {...props}>
      {children}
    </Button>
  )
}

function AddBuyerForm({ reply }: { reply: Extract<BuyerReply, { form: 'buyer-add' }> | null }) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(BuyerAddSchema, {
    id: 'buyer-add',
    lastResult: reply?.result,
  })
  const busy =
    navigation.state === 'submitting' && navigation.formData?.get('intent') === 'buyer-add'
  return (
    <Form
      method="post"
      className="grid gap-3 border-t border-slate-200 pt-3 sm:grid-cols-2"
      aria-labelledby="buyer-add-heading"
      {...formProps(form)}
    >
      <h3 id="buyer-add-heading" className="font-semibold sm:col-span-2">
        {t('buyers.addHeading')}
      </h3>
      <p className="text-sm text-slate-600 sm:col-span-2">{t('buyers.addHint')}</p>
      <input type="hidden" name="intent" value="buyer-add" />
      {reply?.added && form.status !== 'error' ? (
        <div className="sm:col-span-2" data-testid="buyer-added">
          <Alert tone="success">{t('buyers.added', { email: reply.added.email })}</Alert>
        </div>
      ) : null}
      <div className="sm:col-span-2 empty:hidden">
        <FormErrors form={form} />
      </div>
      <Field meta={fields.name} label={t('buyers.name')} inputProps={{ autoComplete: 'off' }} />
      <Field
        meta={fields.email}
        type="email"
        label={t('buyers.email')}
        inputProps={{ autoComplete: 'off', required: true }}
      />
      <CheckboxField
        meta={fields.isAccountAdmin}
        label={t('buyers.isAccountAdmin')}
        className="sm:col-span-2"
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={busy}>
          {busy ? t('common.saving') : t('buyers.add')}
        </Button>
      </div>
    </Form>
  )
}
