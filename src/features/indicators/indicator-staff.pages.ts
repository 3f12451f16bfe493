import type { Context } from 'hono'
import type { Deps } from '../../deps.ts'
import type { ConflictError } from '../../lib/errors.ts'
import type { AppEnv } from '../../web/env.ts'
import type { FieldErrors, FormFields } from '../../web/form.ts'
import { newFormOnceToken } from '../../web/form-once.ts'
import { page } from '../../web/page.ts'
import { EDITABLE, type IndicatorVersion } from './indicator.model.ts'
import { findVersionById } from './indicator.queries.ts'
import { loadIndicatorPage } from './indicator-admin.read.ts'
import { conflictChanges, loadEditForm } from './indicator-forms.read.ts'
import { pagesMsg as msg } from './pages.messages.fa.ts'
import { conflictPage } from './views/conflict-page.ts'
import { definitionForm } from './views/definition-form.ts'
import { indicatorPage } from './views/indicator-page.ts'

/** Rendering the staff pages of one indicator; the route modules stay thin. */

const LIST = { href: '/admin/indicators', text: msg.staffTitle }
const HOME = { href: '/admin', text: 'پیشخوان' }

function invalid(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0
}

/** `/admin/indicators/<code>`, with a success banner after a 303 or the decide form's errors. */
export async function renderIndicator(
  c: Context<AppEnv>,
  deps: Deps,
  code: string,
  decideForm?: { values: Record<string, string>; errors: FieldErrors },
  valuesForm?: { values: Record<string, string>; errors: FieldErrors },
) {
  const v = await loadIndicatorPage(deps, c.get('actor') ?? null, code, decideForm, valuesForm)
  const done = msg.done[c.req.query('done') ?? '']
  const name = v.open?.definition.nameFa ?? v.inForce?.definition.nameFa ?? v.code
  const bad =
    (decideForm !== undefined && invalid(decideForm.errors)) ||
    (valuesForm !== undefined && invalid(valuesForm.errors))
  return page(
    c,
    {
      title: bad ? msg.errorTitle(name) : name,
      breadcrumbs: [HOME, LIST],
      ...(done && !bad ? { banner: { kind: 'success' as const, text: done } } : {}),
      content: indicatorPage({
        ...v,
        csrfToken: c.get('csrfToken'),
        newVersionOnce: newFormOnceToken(),
      }),
    },
    bad ? 422 : 200,
  )
}

/** The edit form of the open proposal; 422 when it carries errors. */
export async function renderEditForm(
  c: Context<AppEnv>,
  deps: Deps,
  code: string,
  form?: { fields: FormFields; errors: FieldErrors; revision: number },
) {
  const v = await loadEditForm(deps, c.get('actor') ?? null, code, form)
  const bad = invalid(v.errors)
  return page(
    c,
    {
      title: bad ? msg.errorTitle(v.title) : v.title,
      breadcrumbs: [HOME, LIST, { href: `/admin/indicators/${code}`, text: code }],
      content: definitionForm({ ...v, csrfToken: c.get('csrfToken') }),
    },
    bad ? 422 : 200,
  )
}

/**
 * 409: the proposal changed after the person's page was loaded. A refused save of a version that
 * is still editable offers to save what they typed on top of the version now saved.
 */
export async function renderConflict(
  c: Context<AppEnv>,
  deps: Deps,
  code: string,
  error: ConflictError,
  typed?: { version: IndicatorVersion; fields: FormFields },
) {
  const now = typed ? await findVersionById(deps.db, typed.version.id) : undefined
  const editable = now !== undefined && EDITABLE.includes(now.state)
  return page(
    c,
    {
      title: msg.conflictTitle,
      breadcrumbs: [HOME, LIST, { href: `/admin/indicators/${code}`, text: code }],
      content: conflictPage({
        csrfToken: c.get('csrfToken'),
        code,
        reason: error.message,
        resubmit:
          typed && now && editable
            ? {
                action: `/admin/indicators/${code}/versions/${now.id}`,
                revision: now.revision,
                fields: typed.fields,
              }
            : null,
        changes: typed && now ? await conflictChanges(deps, now, typed.fields) : [],
      }),
    },
    409,
  )
}
