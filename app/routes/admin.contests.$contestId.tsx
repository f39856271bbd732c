import { json, redirect } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react'
import { Chart } from '~/components/chart'
import { ContestPhaseBadge, useContestPeriod, useContestRule } from '~/components/contest-parts'
import { ContestStandingTable } from '~/components/contest-standing'
import { Panel } from '~/components/ui/panel'
import { Alert, Button } from '~/components/ui/primitives'
import { closeContest, contestDetail, deleteContest } from '~/domain/commission/contests.server'
import { requireStaff } from '~/utils/auth.server'
import { recordIdParam } from '~/utils/route-params'
import { type FormMessageKey } from '~/utils/form-schema'
import { pageTitle } from '~/utils/meta'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.contest') }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'contests:manage')
  const detail = await contestDetail(recordIdParam(params.contestId))
  if (!detail) throw new Response('Not found', { status: 404 })
  return json(detail)
}

type ActionResult = {
  tone: 'success' | 'error'
  message: FormMessageKey
  values?: Record<string, string | number>
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'contests:manage')
  const id = recordIdParam(params.contestId)
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'delete') {
    const deleted = await deleteContest(user.id, id)
    if (deleted.ok) return redirect('/admin/contests?deleted=1')
    if (deleted.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    return json<ActionResult>(
      { tone: 'error', message: 'contests.cannotDeleteClosed' },
      { status: 409 },
    )
  }
  if (intent !== 'close') {
    return json<ActionResult>({ tone: 'error', message: 'contests.unknownAction' }, { status: 400 })
  }
  const closed = await closeContest(user.id, id, { early: form.get('early') === 'on' })
  if (closed.ok) {
    return json<ActionResult>({
      tone: 'success',
      message: 'contests.closed',
      values: { count: closed.reps, amount: closed.postedCents },
    })
  }
  if (closed.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
  return json<ActionResult>(
    {
      tone: 'error',
      message:
        closed.code === 'ALREADY_CLOSED'
          ? 'contests.alreadyClosed'
          : closed.code === 'EARLY_NOT_CONFIRMED'
            ? 'contests.earlyConfirm'
            : 'contests.notStarted',
    },
    { status: closed.code === 'EARLY_NOT_CONFIRMED' ? 400 : 409 },
  )
}

export default function ContestPage() {
  const { contest, standing, posted } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const { t, money } = useT()
  const period = useContestPeriod()
  const rule = useContestRule()
  const busy = navigation.state === 'submitting'
  const earlyRefused = actionData?.message === 'contests.earlyConfirm'
  return (
    <div className="max-w-5xl space-y-4">
      <Link to="/admin/contests" className="text-sm text-brand-700 underline">
        {t('contests.back')}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{contest.name}</h1>
        <ContestPhaseBadge phase={contest.phase} />
      </div>
      <p className="text-sm text-slate-700">
        {period(contest)} · {rule(contest)}
      </p>
      {searchParams.get('created') && !actionData ? (
        <Alert tone="success">{t('contests.created')}</Alert>
      ) : null}
      {actionData && !earlyRefused ? (
        <Alert tone={actionData.tone}>
          {t(actionData.message, {
            ...actionData.values,
            ...(typeof actionData.values?.amount === 'number'
              ? { amount: money(actionData.values.amount) }
              : {}),
          })}
        </Alert>
      ) : null}

      <Panel
        id="contest-standing"
        title={contest.phase === 'CLOSED' ? t('contests.finalStanding') : t('contests.standing')}
      >
        {standing.some((row) => row.reactivations > 0) ? (
          <Chart
            type="bar"
            title={t('contests.chartTitle')}
            wholeNumbers
            labels={standing.map((row) => row.name)}
            series={[
              {
                label: t('contests.reactivations'),
                data: standing.map((row) => row.reactivations),
                color: '#0f766e',
              },
            ]}
          />
        ) : null}
        <ContestStandingTable rows={standing} />
      </Panel>

      <Panel id="contest-close" title={t('contests.closeTitle')}>
        {contest.phase === 'CLOSED' ? (
          <p data-testid="contest-posted">
            {t('contests.posted', { amount: money(posted.cents), count: posted.entries })}
          </p>
        ) : contest.phase === 'SCHEDULED' ? (
          <p className="text-sm text-slate-700">{t('contests.notStartedYet')}</p>
        ) : (
          <Form method="post" className="space-y-3">
            <p className="text-sm text-slate-700">{t('contests.closeHint')}</p>
            {contest.phase === 'RUNNING' ? (
              <div className="space-y-1">
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="early"
                    required
                    className="h-4 w-4"
                    aria-invalid={earlyRefused || undefined}
                    aria-describedby={earlyRefused ? 'contest-early-error' : undefined}
                  />
                  {t('contests.earlyLabel')}
                </label>
                {earlyRefused ? (
                  <p id="contest-early-error" className="text-sm text-red-700">
                    {t('contests.earlyConfirm')}
                  </p>
                ) : null}
              </div>
            ) : null}
            <Button type="submit" name="intent" value="close" disabled={busy}>
              {t('contests.close')}
            </Button>
          </Form>
        )}
        {contest.phase !== 'CLOSED' ? (
          <details className="border-t border-slate-200 pt-3">
            <summary className="cursor-pointer text-sm font-semibold text-red-700">
              {t('contests.delete')}
            </summary>
            <Form method="post" className="mt-2 space-y-2">
              <p className="text-sm text-slate-700">{t('contests.deleteHint')}</p>
              <Button
                type="submit"
                name="intent"
                value="delete"
                variant="secondary"
                disabled={busy}
              >
                {t('contests.deleteConfirm')}
              </Button>
            </Form>
          </details>
        ) : null}
      </Panel>
    </div>
  )
}
