import { type Context, Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Deps } from '../../deps.ts'
import type { Actor } from '../../lib/actor.ts'
import { ForbiddenError, ValidationError } from '../../lib/errors.ts'
import { toPersianDigits } from '../../lib/fa/index.ts'
import type { AppEnv } from '../../web/env.ts'
import { type FieldErrors, type FormValues, readForm } from '../../web/form.ts'
import { page } from '../../web/page.ts'
import { requireActor } from '../accounts/index.ts'
import { staffMsg as msg } from './evaluation-staff.messages.fa.ts'
import { HOME, LIST } from './evaluation-staff.pages.ts'
import { currentMethod, saveMethod } from './method.actions.ts'
import { parseMethodForm } from './method.input.ts'
import { COMPONENT_KEYS, COMPONENTS, DEFAULT_METHOD } from './method.model.ts'
import { fieldId, methodAdminPage } from './views/method-admin.ts'

const UNIT_FA: Record<(typeof COMPONENTS)[keyof typeof COMPONENTS]['unit'], string> = {
  percent: 'درصد (۰ تا ۱۰۰)',
  score_1_5: 'امتیاز از ۱ تا ۵',
  per_1000: 'در هر هزار بازدید',
}

function assertMethodEditor(actor: Actor): void {
  if (actor.role !== 'central_admin')
    throw new ForbiddenError('evaluation.method', msg.forbiddenMethod)
}

/** The method in force as the form shows it; a component it leaves out offers the default's target. */
async function methodValues(
  deps: Deps,
): Promise<{ values: FormValues; version: number; frozen: boolean }> {
  const m = await currentMethod(deps)
  const values: FormValues = {
    nameFa: m.nameFa,
    growthWeight: toPersianDigits(m.growthWeight),
    minComparableShare: toPersianDigits(Math.round(m.minComparableShare * 10_000) / 100),
  }
  for (const key of COMPONENT_KEYS) {
    const c = m.components.find((x) => x.key === key)
    const d = DEFAULT_METHOD.components.find((x) => x.key === key)
    values[`weight.${key}`] = c ? toPersianDigits(c.weight) : ''
    values[`target.${key}`] = toPersianDigits(c?.target ?? d?.target ?? '')
    values[`minN.${key}`] = toPersianDigits(c?.minN ?? d?.minN ?? 1)
  }
  return { values, version: m.version, frozen: m.frozenAt !== null }
}

async function render(
  c: Context<AppEnv>,
  deps: Deps,
  form: { values: FormValues; errors: FieldErrors } | null,
  status: ContentfulStatusCode = 200,
) {
  const stored = await methodValues(deps)
  const errors = form?.errors ?? {}
  const bad = Object.keys(errors).length > 0
  return page(
    c,
    {
      title: bad ? msg.errorTitle(msg.methodTitle) : msg.methodTitle,
      breadcrumbs: [HOME, LIST],
      ...(c.req.query('done') === 'saved' && !form
        ? { banner: { kind: 'success' as const, text: msg.done.method } }
        : {}),
      content: methodAdminPage({
        csrfToken: c.get('csrfToken'),
        version: stored.version,
        frozen: stored.frozen,
        components: COMPONENT_KEYS.map((key) => ({
          key,
          nameFa: COMPONENTS[key].nameFa,
          lowerIsBetter: COMPONENTS[key].direction === 'lower',
          unitFa: UNIT_FA[COMPONENTS[key].unit],
        })),
        values: form?.values ?? stored.values,
        errors,
      }),
    },
    status,
  )
}

/** The field errors of the method form, keyed by the ids the page gives its fields. */
function byId(errors: Record<string, string>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [fieldId(k), v]))
}

/**
 * `/admin/evaluation/method` (issue 15 item 1): the central admin sets the components' weights,
 * targets and minimum data, the growth weight and the comparable share. A version a published
 * evaluation used is frozen; saving then makes the next version (method.actions.ts).
 */
export function methodAdminRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/method', (c) => {
    assertMethodEditor(requireActor(c))
    return render(c, deps, null)
  })

  app.post('/method', async (c) => {
    const actor = requireActor(c)
    assertMethodEditor(actor)
    const values = await readForm(c)
    const parsed = parseMethodForm(values)
    if (!parsed.ok) return render(c, deps, { values, errors: byId(parsed.errors) }, 400)
    try {
      await saveMethod(deps, actor, parsed.value)
    } catch (e) {
      if (e instanceof ValidationError)
        return render(
          c,
          deps,
          { values, errors: byId({ weights: e.message, ...e.fieldErrors }) },
          400,
        )
      throw e
    }
    return c.redirect('/admin/evaluation/method?done=saved', 303)
  })

  return app
}
