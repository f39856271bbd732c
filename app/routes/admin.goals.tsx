import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Chart } from '~/components/chart'
import { useGoalText } from '~/components/goal-text'
import { Field, FormErrors, formProps, SelectField, useContractForm } from '~/components/forms'
import { Panel } from '~/components/ui/panel'
import { Alert, Button } from '~/components/ui/primitives'
import { DataTable } from '~/components/ui/table'
import {
  GOALS,
  monthLabel,
  monthParam,
  progressPercent,
  rank,
  RepGoalSchema,
  shiftMonth,
  type Goal,
} from '~/domain/commission/goals'
import { goalBoard, setRepGoals } from '~/domain/commission/goals.server'
import { requireStaff } from '~/utils/auth.server'
import { formMessage } from '~/utils/form-schema'
import { pageTitle } from '~/utils/meta'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.goals') }]

const isGoal = (value: string | null): value is Goal =>
  (GOALS as readonly string[]).includes(value ?? '')

/** `?month=2026-11&by=activeAccounts`: the month shown and the goal the ranking is by. */
function readParams(url: URL) {
  const by = url.searchParams.get('by')
  return { month: monthParam(url.searchParams.get('month')), by: isGoal(by) ? by : 'reactivations' }
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'goals:manage')
  const { month, by } = readParams(new URL(request.url))
  const rows = await goalBoard(month)
  return json({ month, by, rows: rank(rows, by) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'goals:manage')
  const submission = parseWithZod(await request.formData(), { schema: RepGoalSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply(), saved: null }, { status: 400 })
  }
  const result = await setRepGoals(user.id, submission.value)
  if (!result.ok) {
    const result = submission.reply({
      fieldErrors: { repId: [formMessage('goals.form.unknownRep')] },
    })
    return json({ result, saved: null }, { status: 400 })
  }
  return json({
    result: submission.reply({ resetForm: true }),
    saved: { count: result.reps },
  })
}

export default function GoalsPage() {
  const { month, by, rows } = useLoaderData<typeof loader>()
  const { t, locale } = useT()
  const label = monthLabel(month, locale)
  const goalText = useGoalText()
  const withGoal = rows.filter((row) => row.goals[by] !== null)
  return (
    <div className="max-w-6xl space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('goals.title')}</h1>
        <nav aria-label={t('goals.month')} className="flex items-center gap-3 text-sm">
          <Link
            to={`?month=${shiftMonth(month, -1)}&by=${by}`}
            className="text-brand-700 underline"
          >
            {t('goals.previousMonth')}
          </Link>
          <strong data-testid="goals-month">{label}</strong>
          <Link to={`?month=${shiftMonth(month, 1)}&by=${by}`} className="text-brand-700 underline">
            {t('goals.nextMonth')}
          </Link>
        </nav>
      </div>
      <p className="max-w-3xl text-sm text-slate-700">{t('goals.intro')}</p>

      <Panel id="goals-set" title={t('goals.setTitle', { month: label })}>
        <GoalsForm month={month} reps={rows} />
      </Panel>

      <Panel
        id="goals-ranking"
        title={t('goals.ranking', { goal: t(`goals.${by}`) })}
        action={
          <a
            href={`/admin/goals.csv?month=${month}`}
            className="text-sm text-brand-700 underline"
            download
          >
            {t('common.exportCsv')}
          </a>
        }
      >
        <nav aria-label={t('goals.sortBy')} className="flex flex-wrap gap-2 text-sm">
          <span className="text-slate-600">{t('goals.sortBy')}:</span>
          {GOALS.map((goal) => (
            <Link
              key={goal}
              to={`?month=${month}&by=${goal}`}
              aria-current={goal === by ? 'true' : undefined}
              className="rounded px-2 py-0.5 text-brand-700 underline aria-[current]:bg-brand-700 aria-[current]:text-white aria-[current]:no-underline"
            >
              {t(`goals.${goal}`)}
            </Link>
          ))}
        </nav>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t('goals.noReps')}</p>
        ) : (
          <>
            {withGoal.length ? (
              <Chart
                type="bar"
                title={t('goals.chartTitle', { goal: t(`goals.${by}`), month: label })}
                labels={withGoal.map((row) => row.name)}
                wholeNumbers={by !== 'onlineRevenueCents'}
                series={[
                  {
                    label: t('goals.actual'),
                    data: withGoal.map((row) =>
                      by === 'onlineRevenueCents' ? row.actual[by] / 100 : row.actual[by],
                    ),
                    color: '#0f766e',
                  },
                  {
                    label: t('goals.goal'),
                    data: withGoal.map((row) =>
                      by === 'onlineRevenueCents' ? row.goals[by]! / 100 : row.goals[by]!,
                    ),
                    color: '#94a3b8',
                  },
                ]}
              />
            ) : null}
            <DataTable
              columns={[
                { label: t('goals.position'), align: 'right' },
                { label: t('goals.form.rep') },
                ...GOALS.map((goal) => ({ label: t(`goals.${goal}`), align: 'right' as const })),
                { label: t('goals.percent'), align: 'right' },
              ]}
            >
              {rows.map((row, index) => {
                const percent = progressPercent(row.actual[by], row.goals[by])
                return (
                  <tr key={row.repId} className="border-t border-slate-200" data-testid="goal-row">
                    <td className="p-2 text-right">{index + 1}</td>
                    <td className="p-2">
                      {row.code} · {row.name}
                    </td>
                    {GOALS.map((goal) => (
                      <td key={goal} className="p-2 text-right" data-testid={`goal-${goal}`}>
                        {row.goals[goal] === null
                          ? `${goalText.value(goal, row.actual[goal])} (${t('goals.noGoal')})`
                          : goalText.progress(goal, row.actual[goal], row.goals[goal])}
                      </td>
                    ))}
                    <td className="p-2 text-right" data-testid="goal-percent">
                      {percent === null ? '—' : `${percent}%`}
                    </td>
                  </tr>
                )
              })}
            </DataTable>
          </>
        )}
      </Panel>
    </div>
  )
}

type Rep = { repId: string; code: string; name: string }

/** One rep's goals for the month, or every active rep's at once. */
function GoalsForm({ month, reps }: { month: string; reps: Rep[] }) {
  const { t } = useT()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(RepGoalSchema, {
    id: `goals-${month}`,
    lastResult: actionData?.result,
    defaultValue: { month, repId: '' },
  })
  return (
    <>
      {actionData?.saved && form.status !== 'error' ? (
        <Alert tone="success">{t('goals.saved', { count: actionData.saved.count })}</Alert>
      ) : null}
      <FormErrors form={form} />
      <Form method="post" className="grid gap-3 sm:grid-cols-5" {...formProps(form)}>
        <input type="hidden" name={fields.month.name} value={month} />
        <SelectField meta={fields.repId} label={t('goals.form.rep')}>
          <option value="">{t('goals.form.allReps')}</option>
          {reps.map((rep) => (
            <option key={rep.repId} value={rep.repId}>
              {rep.code} · {rep.name}
            </option>
          ))}
        </SelectField>
        <Field
          meta={fields.reactivations}
          type="number"
          label={t('goals.reactivations')}
          inputProps={{ min: 0, inputMode: 'numeric' }}
        />
        <Field
          meta={fields.activeAccounts}
          type="number"
          label={t('goals.activeAccounts')}
          inputProps={{ min: 0, inputMode: 'numeric' }}
        />
        <Field
          meta={fields.onlineRevenue}
          label={t('goals.onlineRevenueCents')}
          hint={t('goals.form.revenueHint')}
          inputProps={{ inputMode: 'decimal' }}
        />
        <div className="self-end">
          <Button type="submit" disabled={navigation.state === 'submitting'}>
            {t('common.save')}
          </Button>
        </div>
        <p className="text-xs text-slate-600 sm:col-span-5">{t('goals.form.hint')}</p>
      </Form>
    </>
  )
}
