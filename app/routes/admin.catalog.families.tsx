import { type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormErrors, formProps, SelectField, useContractForm } from '~/components/forms'
import { useFormMessage } from '~/components/forms'
import { familyOptionLabel, type FamilyOption } from '~/components/product-form'
import { Alert, Button } from '~/components/ui/primitives'
import { FamilySchema } from '~/domain/catalog/catalog-forms'
import {
  type AdminFamily,
  createFamily,
  familySchemaForSave,
  listFamilyTree,
  setFamilyActive,
  updateFamily,
} from '~/domain/catalog/catalog-admin.server'
import { requireStaff } from '~/utils/auth.server'
import { formMessage, replyErrors } from '~/utils/form-schema'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.families') }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'catalog:manage')
  return json({ families: await listFamilyTree() })
}

const notFound = () => new Response('Not found', { status: 404 })

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireStaff(request, 'catalog:manage')
  const form = await request.formData()
  const intent = form.get('intent')
  const familyId = String(form.get('familyId') ?? '').slice(0, 40)
  if (intent === 'deactivate' || intent === 'reactivate') {
    if (!(await setFamilyActive(me.id, familyId, intent === 'reactivate'))) throw notFound()
    return json({ done: intent === 'reactivate' ? 'reactivated' : 'deactivated' } as const)
  }
  const editing = intent === 'update' ? familyId : null
  const formId = editing ? `family-${editing}` : 'family-new'
  const submission = await parseWithZod(form, {
    schema: familySchemaForSave(editing),
    async: true,
  })
  if (submission.status !== 'success') {
    return json({ formId, ok: false, result: submission.reply() }, { status: 400 })
  }
  const saved = editing
    ? await updateFamily(me.id, editing, submission.value)
    : await createFamily(me.id, submission.value)
  if (!saved.ok) {
    return json(
      { formId, ok: false, result: submission.reply(replyErrors(saved.errors)) },
      { status: 400 },
    )
  }
  return json({
    formId,
    ok: true,
    done: editing ? 'saved' : 'created',
    result: submission.reply({ resetForm: true }),
  } as const)
}

function FamilyForm({
  id,
  family,
  parents,
  lastResult,
}: {
  id: string
  family: AdminFamily | null
  parents: FamilyOption[]
  lastResult: SubmissionResult<string[]> | null
}) {
  const { t } = useT()
  const [form, fields] = useContractForm(FamilySchema, {
    id,
    lastResult,
    defaultValue: family
      ? { name: family.name, parentId: family.parentId ?? '' }
      : { name: '', parentId: '' },
  })
  return (
    <Form method="post" className="flex flex-wrap items-start gap-3" {...formProps(form)}>
      <input type="hidden" name="intent" value={family ? 'update' : 'create'} />
      {family ? <input type="hidden" name="familyId" value={family.id} /> : null}
      <FormErrors form={form} summary={false} />
      <Field meta={fields.name} label={t('familyForm.name')} className="min-w-48 flex-1" />
      <SelectField
        meta={fields.parentId}
        label={t('familyForm.parent')}
        className="min-w-48 flex-1"
      >
        <option value="">{t('familyForm.noParent')}</option>
        {parents.map((parent) => (
          <option key={parent.id} value={parent.id}>
            {familyOptionLabel(parent, t('familyAdmin.inactive'))}
          </option>
        ))}
      </SelectField>
      <Button type="submit" className="mt-6">
        {family ? t('common.save') : t('familyForm.create')}
      </Button>
    </Form>
  )
}

// A family's depth as its indent, by class: the CSP refuses style attributes (server/security.ts).
const INDENT = ['ml-0', 'ml-6', 'ml-12', 'ml-18', 'ml-24', 'ml-30'] as const

export default function FamiliesPage() {
  const { families } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const message = useFormMessage()
  const resultFor = (formId: string) =>
    actionData && 'formId' in actionData && actionData.formId === formId && !actionData.ok
      ? actionData.result
      : null
  const done = actionData && 'done' in actionData ? actionData.done : null
  return (
    <div className="max-w-4xl space-y-6">
      <Link to="/admin/catalog" className="text-sm text-brand-700 underline">
        {t('catalogAdmin.back')}
      </Link>
      <h1 className="text-2xl font-bold">{t('familyAdmin.title')}</h1>
      <p className="text-sm text-slate-600">{t('familyAdmin.intro')}</p>
      {done ? <Alert tone="success">{t(`familyAdmin.${done}`)}</Alert> : null}
      <section
        aria-labelledby="new-family"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="new-family" className="text-lg font-semibold">
          {t('familyForm.newTitle')}
        </h2>
        <FamilyForm
          // A blank form again after each creation.
          key={`new-${families.length}`}
          id="family-new"
          family={null}
          parents={families}
          lastResult={resultFor('family-new')}
        />
      </section>
      {families.length === 0 ? (
        <p className="text-sm text-slate-600">{t('familyAdmin.empty')}</p>
      ) : (
        <ul className="space-y-2" aria-label={t('familyAdmin.title')}>
          {families.map((family) => (
            <li
              key={family.id}
              data-testid="family-row"
              className={`rounded-lg border border-slate-200 p-3 ${INDENT[Math.min(family.depth, INDENT.length - 1)]} ${family.active ? 'bg-white' : 'bg-slate-100'}`}
            >
              <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-semibold">
                  {family.name}{' '}
                  <span className="text-xs font-normal text-slate-600">
                    {family.slug} ·{' '}
                    {message(formMessage('familyAdmin.products', { count: family.productCount }))}
                  </span>
                  {family.active ? null : (
                    <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs text-red-800">
                      {t('familyAdmin.inactive')}
                    </span>
                  )}
                </p>
                <Form method="post">
                  <input type="hidden" name="familyId" value={family.id} />
                  <input
                    type="hidden"
                    name="intent"
                    value={family.active ? 'deactivate' : 'reactivate'}
                  />
                  <Button
                    type="submit"
                    variant="secondary"
                    aria-label={`${family.active ? t('familyAdmin.deactivate') : t('familyAdmin.reactivate')} ${family.name}`}
                  >
                    {family.active ? t('familyAdmin.deactivate') : t('familyAdmin.reactivate')}
                  </Button>
                </Form>
              </div>
              <FamilyForm
                key={`${family.id}-${family.name}-${family.parentId ?? ''}`}
                id={`family-${family.id}`}
                family={family}
                parents={families.filter((other) => other.id !== family.id)}
                lastResult={resultFor(`family-${family.id}`)}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
