import { parseWithZod } from '@conform-to/zod'
import { json, redirect } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ChoiceGroupField, Field, FormErrors, formProps, useContractForm } from '~/components/forms'
import { EmptyState } from '~/components/ui/empty-state'
import { Panel } from '~/components/ui/panel'
import { Button } from '~/components/ui/primitives'
import { ContestSchema, MAX_CONTEST_DAYS } from '~/domain/commission/contests'
import { contestableReps, createContest } from '~/domain/commission/contests.server'
import { requireStaff } from '~/utils/auth.server'
import { BRASILIA_TIME_ZONE, localDateIn } from '~/utils/dates'
import { formMessage } from '~/utils/form-schema'
import { pageTitle } from '~/utils/meta'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.newContest') },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'contests:manage')
  const now = new Date()
  // Two months from today, the usual length of a reactivation push.
  const end = new Date(now)
  end.setUTCMonth(end.getUTCMonth() + 2)
  end.setUTCDate(end.getUTCDate() - 1)
  return json({
    reps: await contestableReps(),
    startsOn: localDateIn(now, BRASILIA_TIME_ZONE),
    endsOn: localDateIn(end, BRASILIA_TIME_ZONE),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'contests:manage')
  const submission = parseWithZod(await request.formData(), { schema: ContestSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply() }, { status: 400 })
  }
  const created = await createContest(user.id, submission.value)
  if (!created.ok) {
    return json(
      {
        result: submission.reply({
          fieldErrors: { repIds: [formMessage('contests.form.unknownRep')] },
        }),
      },
      { status: 400 },
    )
  }
  return redirect(`/admin/contests/${created.id}?created=1`)
}

export default function NewContestPage() {
  const { reps, startsOn, endsOn } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useT()
  const [form, fields] = useContractForm(ContestSchema, {
    id: 'new-contest',
    lastResult: actionData?.result,
    defaultValue: { startsOn, endsOn, repIds: reps.map((rep) => rep.id) },
  })
  return (
    <div className="max-w-4xl space-y-4">
      <Link to="/admin/contests" className="text-sm text-brand-700 underline">
        {t('contests.back')}
      </Link>
      <h1 className="text-2xl font-bold">{t('contests.new')}</h1>
      {reps.length === 0 ? (
        <EmptyState
          message={t('contests.noReps')}
          linkTo="/admin/users/new"
          linkLabel={t('contests.addRep')}
        />
      ) : (
        <Form method="post" className="space-y-4" {...formProps(form)}>
          <FormErrors form={form} />
          <Panel id="contest-what" title={t('contests.form.what')}>
            <div className="grid gap-3 sm:grid-cols-3">
              <Field
                meta={fields.name}
                label={t('contests.form.name')}
                className="sm:col-span-3"
                inputProps={{ placeholder: t('contests.form.namePlaceholder') }}
              />
              <Field meta={fields.startsOn} type="date" label={t('contests.form.startsOn')} />
              <Field
                meta={fields.endsOn}
                type="date"
                label={t('contests.form.endsOn')}
                hint={t('contests.form.periodHint', { max: MAX_CONTEST_DAYS })}
              />
            </div>
          </Panel>
          <Panel id="contest-prize" title={t('contests.form.prize')}>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field
                meta={fields.prizePerAccount}
                label={t('contests.form.prizePerAccount')}
                hint={t('contests.form.moneyHint')}
                inputProps={{ inputMode: 'decimal' }}
              />
              <Field
                meta={fields.minSilentDays}
                type="number"
                label={t('contests.form.minSilentDays')}
                hint={t('contests.form.minSilentDaysHint')}
                inputProps={{ min: 1, inputMode: 'numeric' }}
              />
              <Field
                meta={fields.topCount}
                type="number"
                label={t('contests.form.topCount')}
                hint={t('contests.form.topCountHint')}
                inputProps={{ min: 1, inputMode: 'numeric' }}
              />
              <Field
                meta={fields.topBonus}
                label={t('contests.form.topBonus')}
                hint={t('contests.form.moneyHint')}
                inputProps={{ inputMode: 'decimal' }}
              />
            </div>
            <p className="text-xs text-slate-600">{t('contests.form.prizeHint')}</p>
          </Panel>
          <Panel id="contest-reps" title={t('contests.form.reps')}>
            <ChoiceGroupField
              meta={fields.repIds}
              type="checkbox"
              legend={t('contests.form.repsLegend')}
              optionsClassName="mt-1 grid gap-2 sm:grid-cols-3"
              options={reps.map((rep) => ({
                value: rep.id,
                label: `${rep.code} · ${rep.name}`,
              }))}
            />
          </Panel>
          <Button type="submit" disabled={navigation.state === 'submitting'}>
            {navigation.state === 'submitting' ? t('common.saving') : t('contests.create')}
          </Button>
        </Form>
      )}
    </div>
  )
}
